package com.crazyrouter.coze.gateway;

import com.crazyrouter.coze.config.Secret;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Function;

/** The token's own usage log (new-api's GET /api/log/token), where a token holder finds the requests it made. */
public final class TokenLog {
    private static final int LOOKS = 3;
    private final Function<String, GatewayReply> fetch;

    /** {@code fetch}: a GET on the gateway by path and query, as Coze's setup sends it. */
    public TokenLog(Function<String, GatewayReply> fetch) {
        this.fetch = fetch;
    }

    /** What a look found: whether the gateway offers the log at all (and what it answered), and whether the request is in it. */
    public record Lookup(Optional<String> unavailable, boolean found) {
    }

    /** Looks a few times (a gateway may write the entry just after it answers) for a {@code model} request within {@code window}. */
    public Lookup find(Secret token, String model, Duration window) throws InterruptedException {
        long since = Instant.now().minus(window).getEpochSecond();
        for (int look = 1; look <= LOOKS; look++) {
            GatewayReply log = fetch.apply("/api/log/token?key=" + token.reveal());
            Optional<JsonNode> entries = log.json().filter(j -> log.status() == 200 && j.path("success").asBoolean(false) && j.path("data").isArray())
                    .map(j -> j.path("data"));
            if (entries.isEmpty()) {
                return new Lookup(Optional.of(log.describe()), false);
            }
            for (JsonNode entry : entries.get()) {
                if (model.equals(entry.path("model_name").asText()) && entry.path("created_at").asLong() >= since) {
                    return new Lookup(Optional.empty(), true);
                }
            }
            if (look < LOOKS) {
                Thread.sleep(1000L * look);
            }
        }
        return new Lookup(Optional.empty(), false);
    }
}
