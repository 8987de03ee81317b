package com.crazyrouter.coze.gateway;

import com.crazyrouter.coze.config.Secret;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
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

    /** What a look found: whether the gateway offers the log at all (and what it answered), and the models it logged in the window. */
    public record Lookup(Optional<String> unavailable, List<String> recentModels) {
    }

    /** Looks a few times (a gateway may write the entry just after it answers) for a {@code model} request within {@code window}. */
    public Lookup find(Secret token, String model, Duration window) throws InterruptedException {
        long since = Instant.now().minus(window).getEpochSecond();
        List<String> recent = List.of();
        for (int look = 1; look <= LOOKS; look++) {
            GatewayReply log = fetch.apply("/api/log/token?key=" + token.reveal());
            Optional<JsonNode> entries = log.json().filter(j -> log.status() == 200 && j.path("success").asBoolean(false) && j.path("data").isArray())
                    .map(j -> j.path("data"));
            if (entries.isEmpty()) {
                return new Lookup(Optional.of(log.describe()), List.of());
            }
            recent = new ArrayList<>();
            for (JsonNode entry : entries.get()) {
                if (entry.path("created_at").asLong() >= since) {
                    recent.add(entry.path("model_name").asText());
                }
            }
            if (recent.contains(model)) {
                break;
            }
            if (look < LOOKS) {
                Thread.sleep(1000L * look);
            }
        }
        return new Lookup(Optional.empty(), List.copyOf(recent));
    }
}
