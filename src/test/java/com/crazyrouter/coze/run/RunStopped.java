package com.crazyrouter.coze.run;

import org.opentest4j.TestAbortedException;

/**
 * A request the run refused to send because it had stopped (its deadline passed, or the gateway stopped answering).
 * It aborts the scenario, which Cucumber reports as skipped with this reason: what was not sent checked nothing.
 */
public class RunStopped extends TestAbortedException {
    public RunStopped(String message) {
        super(message);
    }
}
