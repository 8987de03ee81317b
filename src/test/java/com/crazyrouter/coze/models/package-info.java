/**
 * The model matrix: capability probes per model and route, their verdicts, the model-list baseline, and sampling
 * for intermittent failures (common error 6).
 */
package com.crazyrouter.coze.models;
