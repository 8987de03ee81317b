/**
 * Settings: every -D and environment variable read once and checked, with a message that names the setting;
 * the run's limits, tokens that never show, the model table.
 */
package com.crazyrouter.coze.config;
