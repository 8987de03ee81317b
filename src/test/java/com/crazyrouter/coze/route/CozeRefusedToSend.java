package com.crazyrouter.coze.route;

/** Coze's HTTP client would not put this request on the wire at all (as Go's net/http refuses a bad header). */
public class CozeRefusedToSend extends RuntimeException {
    public CozeRefusedToSend(String message) {
        super(message);
    }
}
