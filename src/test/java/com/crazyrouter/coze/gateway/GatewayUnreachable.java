package com.crazyrouter.coze.gateway;

/**
 * The request got no HTTP answer at all: refused, reset, timed out, unknown host, TLS failure. An assertion
 * failure, because a gateway that never answers breaks the contract just as a wrong answer does.
 */
public class GatewayUnreachable extends AssertionError {
    public GatewayUnreachable(String message, Throwable cause) {
        super(message, cause);
    }
}
