/**
 * The ground: reading JSON, text as a report or console shows it (escaped, one line, bounded), amounts and durations in words.
 */
package com.crazyrouter.coze.text;
