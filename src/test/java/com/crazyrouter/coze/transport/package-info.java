/**
 * The typed client: sends a request exactly as Coze rendered it over the JDK client, within the run's bounds, and
 * reads the reply redacted. It owns the interfaces it reports (Evidence), checks (AnswerCheck) and is bounded through
 * (SendingBounds), so it never imports what implements them.
 */
package com.crazyrouter.coze.transport;
