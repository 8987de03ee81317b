package com.crazyrouter.coze.transport;

import com.crazyrouter.coze.guide.ContractViolation;
import com.crazyrouter.coze.guide.GuideLine;
import java.util.Optional;

/**
 * The request got no usable HTTP answer: none at all (refused, reset, timed out, unknown host, TLS failure), or one
 * the harness stopped reading at one of its limits ({@link AnswerBeyondLimits}, which says so). A contract violation,
 * because a gateway that never answers breaks the contract just as a wrong answer does.
 */
public class GatewayUnreachable extends ContractViolation {
    public GatewayUnreachable(String message, GuideLine row) {
        super(message, Optional.of(row));
    }
}
