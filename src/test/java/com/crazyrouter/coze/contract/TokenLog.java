package com.crazyrouter.coze.contract;

import com.crazyrouter.coze.config.Secret;
import com.crazyrouter.coze.transport.GatewayReply;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.stream.Collectors;

/**
 * The token's own usage log (new-api's {@code GET /api/log/token}), where a token holder finds the requests it made.
 * The key goes in the Authorization header only, as new-api's TokenAuthReadOnly reads it: never in the URL.
 * A log entry is matched to the request by the request id the gateway answered it with ({@code X-Oneapi-Request-Id},
 * the entry's {@code request_id}) where the log shows request ids; where it shows none (older new-api releases),
 * by model and time: an entry for that model logged no earlier than the request was sent. new-api's entries never
 * show the prompt ({@code content} is the billing text), so nothing in the body could single the request out.
 */
public final class TokenLog {
    public static final String PATH = "/api/log/token";
    public static final String REQUEST_ID = "X-Oneapi-Request-Id";
    /** How far apart the harness's clock and the gateway's may be when an entry is matched by time. */
    static final Duration CLOCKS_APART = Duration.ofSeconds(5);
    private static final int LOOKS = 3;
    private static final int ENTRIES_SHOWN = 5;
    private final BiFunction<String, Secret, GatewayReply> fetch;
    private final Duration firstWait;

    /** {@code fetch}: a GET on the gateway by path with that token in the Authorization header. */
    public TokenLog(BiFunction<String, Secret, GatewayReply> fetch) {
        this(fetch, Duration.ofSeconds(1));
    }

    /** {@code firstWait}: before the second look; the third waits twice as long. */
    TokenLog(BiFunction<String, Secret, GatewayReply> fetch, Duration firstWait) {
        this.fetch = fetch;
        this.firstWait = firstWait;
    }

    /** One entry as new-api lists it: the model, when it was logged (Unix seconds, the gateway's clock), its request id if shown. */
    public record Entry(String model, long createdAt, Optional<String> requestId) {
        static Entry of(JsonNode entry) {
            return new Entry(entry.path("model_name").asText(""), entry.path("created_at").asLong(0),
                    Optional.of(entry.path("request_id").asText("")).filter(id -> !id.isBlank()));
        }

        public String words() {
            return model + " logged at " + Instant.ofEpochSecond(createdAt) + requestId.map(id -> ", request id " + id).orElse(", no request id");
        }
    }

    /** The request to find: its model, the request id the gateway answered it with (if it sent one), and a time no later than its sending. */
    public record Sent(String model, Optional<String> requestId, Instant notAfterSending) {
        public static Sent of(String model, GatewayReply reply, Instant notAfterSending) {
            return new Sent(model, reply.header(REQUEST_ID).map(String::strip).filter(id -> !id.isEmpty()), notAfterSending);
        }
    }

    /**
     * What a look found: whether the gateway offers the log at all (and what it answered), what it lists (newest
     * first), the entry that is the request, and how it was matched.
     */
    public record Lookup(Optional<String> unavailable, List<Entry> entries, Optional<Entry> match, String matchedBy) {
        public boolean isEmptyLog() {
            return unavailable.isEmpty() && entries.isEmpty();
        }

        public String words() {
            String shown = entries.stream().limit(ENTRIES_SHOWN).map(Entry::words).collect(Collectors.joining("; "));
            return "Matched by " + matchedBy + ". " + match.map(e -> "Found: " + e.words() + ".").orElse("Not found.") + " The log lists "
                    + entries.size() + (entries.size() == 1 ? " entry" : " entries")
                    + (entries.isEmpty() ? "." : ", newest first: " + shown + (entries.size() > ENTRIES_SHOWN ? "; …" : "."));
        }
    }

    /** Looks a few times (a gateway may write the entry just after it answers) for the entry of the request {@code sent} with {@code token}. */
    public Lookup find(Secret token, Sent sent) throws InterruptedException {
        Lookup lookup = null;
        for (int look = 1; look <= LOOKS; look++) {
            GatewayReply log = fetch.apply(PATH, token);
            Optional<JsonNode> data = log.json().filter(j -> log.status() == 200 && j.path("success").asBoolean(false) && j.path("data").isArray())
                    .map(j -> j.path("data"));
            if (data.isEmpty()) {
                return new Lookup(Optional.of(log.describe()), List.of(), Optional.empty(), "nothing: no log");
            }
            List<Entry> entries = new ArrayList<>();
            data.get().forEach(entry -> entries.add(Entry.of(entry)));
            lookup = match(entries, sent);
            if (lookup.match().isPresent()) {
                break;
            }
            if (look < LOOKS) {
                Thread.sleep(firstWait.toMillis() * look);
            }
        }
        return lookup;
    }

    /** By request id where both the reply and the log show one; otherwise by model and time. */
    static Lookup match(List<Entry> entries, Sent sent) {
        if (sent.requestId().isPresent() && entries.stream().anyMatch(e -> e.requestId().isPresent())) {
            String id = sent.requestId().get();
            return new Lookup(Optional.empty(), entries, entries.stream().filter(e -> e.requestId().equals(sent.requestId()) && e.model().equals(sent.model()))
                    .findFirst(),
                    "request id: the entry whose request_id is the " + REQUEST_ID + " the gateway answered with (" + id + "), for " + sent.model());
        }
        long since = sent.notAfterSending().minus(CLOCKS_APART).getEpochSecond();
        String why = sent.requestId().isEmpty() ? "the reply carried no " + REQUEST_ID : "the log shows no request_id";
        return new Lookup(Optional.empty(), entries, entries.stream().filter(e -> e.model().equals(sent.model()) && e.createdAt() >= since).findFirst(),
                "time, as " + why + ": a " + sent.model() + " entry logged at or after " + Instant.ofEpochSecond(since) + " (the send, less "
                        + CLOCKS_APART.toSeconds()
                        + " s for the clocks); it shows that such a request by this token was logged since, not that it is this one");
    }
}
