package com.crazyrouter.coze.gateway;

import com.crazyrouter.coze.guide.GuideLine;
import com.crazyrouter.coze.guide.ContractViolation;
import java.util.Optional;

/**
 * The request got no HTTP answer at all: refused, reset, timed out, unknown host, TLS failure. A contract
 * violation, because a gateway that never answers breaks the contract just as a wrong answer does.
 */
public class GatewayUnreachable extends ContractViolation {
    public GatewayUnreachable(String message, GuideLine row) {
        super(message, Optional.of(row));
    }
}
