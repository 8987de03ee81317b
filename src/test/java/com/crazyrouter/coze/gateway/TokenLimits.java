package com.crazyrouter.coze.gateway;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.Optional;

/** A token's spending limit and expiry as new-api shows them to the token holder (GET /v1/dashboard/billing/subscription). */
public record TokenLimits(JsonNode subscription) {
    /** new-api reports an unlimited token's hard limit as this many dollars. */
    public static final double UNLIMITED_USD = 100_000_000d;

    /** Empty when the gateway shows no limits to a token holder (another answer than a 200 with hard_limit_usd). */
    public static Optional<TokenLimits> from(GatewayReply reply) {
        return reply.json().filter(j -> reply.status() == 200 && j.has("hard_limit_usd")).map(TokenLimits::new);
    }

    public double hardLimitUsd() {
        return subscription.path("hard_limit_usd").asDouble(UNLIMITED_USD);
    }

    /** access_until as sent: a Unix time, 0 when the token never expires. */
    public JsonNode accessUntil() {
        return subscription.path("access_until");
    }

    public String words() {
        long until = accessUntil().asLong(0);
        return "spending limit (hard_limit_usd): " + subscription.path("hard_limit_usd").asText()
                + "\nexpires (access_until): " + (until == 0 ? "never" : Instant.ofEpochSecond(until).toString());
    }
}
