package com.crazyrouter.coze.wiring;

/**
 * The run ends red although no scenario need be: it stopped early, or it checked nothing. Thrown where the run ends,
 * it fails the build with one message; the stack trace would say nothing a reader needs.
 */
public class RedRun extends RuntimeException {
    public RedRun(String message) {
        super(message, null, false, false);
    }
}
