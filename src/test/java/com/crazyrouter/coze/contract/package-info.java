/**
 * What an answer must be: outcomes and reply matchers, the diagnosis of a refusal from Crazyrouter's model lists,
 * OpenAI conformance (reported), release shapes, the preflight, and the token's own log and limits.
 */
package com.crazyrouter.coze.contract;
