package com.crazyrouter.coze.contract;

import com.crazyrouter.coze.transport.GatewayReply;
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

    /** Later than this a Unix time in seconds is no expiry anyone set: a time in milliseconds reads as year 58 000 or so. */
    private static final Instant LATEST_PLAUSIBLE = Instant.parse("2200-01-01T00:00:00Z");
    /** How far the gateway's clock may be behind the harness's before an expiry "has passed" (new-api compares with its own clock). */
    public static final java.time.Duration CLOCK_ALLOWANCE = java.time.Duration.ofMinutes(5);

    /**
     * Why access_until does not say when the token expires, or that it never does; empty when it does. new-api writes the
     * token's expiry in Unix seconds, 0 for a token that never expires (controller/billing.go GetSubscription), and
     * answers only while the token has not expired (model/token.go ValidateUserToken, through TokenAuth): so a value
     * that is no whole number, negative, beyond 2200 (a time in milliseconds) or already passed when the token was just
     * accepted cannot be the token's expiry. {@code askedAt}: when the request was sent.
     */
    public Optional<String> expiryProblem(Instant askedAt) {
        JsonNode until = accessUntil();
        if (!until.isIntegralNumber()) {
            return Optional.of("access_until is " + (until.isMissingNode() ? "missing" : until.toString()) + ", not a Unix time in seconds");
        }
        long seconds = until.asLong();
        if (seconds == 0) {
            return Optional.empty();
        }
        if (seconds < 0) {
            return Optional.of("access_until is " + seconds + ": negative, neither 0 (never expires) nor a Unix time");
        }
        Instant expires = Instant.ofEpochSecond(Math.min(seconds, Instant.MAX.getEpochSecond()));
        if (expires.isAfter(LATEST_PLAUSIBLE)) {
            return Optional.of("access_until is " + seconds + ", which as Unix seconds is after the year 2200 (a time in milliseconds?), so it "
                    + "does not say when the token expires");
        }
        if (expires.isBefore(askedAt.minus(CLOCK_ALLOWANCE))) {
            return Optional.of("access_until is " + seconds + " (" + expires + "), which had passed when the token was accepted at " + askedAt
                    + ": new-api refuses an expired token, so this is not the token's expiry");
        }
        return Optional.empty();
    }

    public String words() {
        long until = accessUntil().asLong(0);
        return "spending limit (hard_limit_usd): " + subscription.path("hard_limit_usd").asText()
                + "\nexpires (access_until): " + (until == 0 ? "never" : Instant.ofEpochSecond(until).toString());
    }
}
