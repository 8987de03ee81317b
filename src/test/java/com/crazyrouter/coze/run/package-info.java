/**
 * One run's bounds and one scenario's state: the request budget, the deadline and failure streak that stop a run,
 * the tokens, the scenario's attempts, and the Coze node that sends for it.
 */
package com.crazyrouter.coze.run;
