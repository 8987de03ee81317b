package com.crazyrouter.coze.transport;

import com.crazyrouter.coze.config.Limits;
import com.crazyrouter.coze.config.Settings;
import com.crazyrouter.coze.guide.CommonError;
import com.crazyrouter.coze.text.Amounts;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.ConnectException;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.ByteBuffer;
import java.nio.channels.UnresolvedAddressException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import javax.net.ssl.SSLException;

/**
 * Sends a request exactly as Coze rendered it — path, headers and body as given, nothing added but Host and
 * Content-Length, no redirect followed (the Coze route decides that) — over the JDK's HTTP client, within the run's
 * limits (config/Limits): a connect timeout, a timeout until the answer's headers, a deadline for the whole exchange,
 * an idle and a total limit for a stream, and a cap on the body; past one, it stops reading and says which limit passed
 * after how much of the answer. A gzip reply to a request that asked for gzip is decoded as Coze's Go client decodes it
 * ({@link GoDecoding}), the cap holding for the decoded bytes too. Thread-safe; one per run.
 */
public final class CrazyrouterClient {
    private final Evidence evidence = Evidence.SHOWN;
    private final Redactor redactor;
    private final SendingBounds budget;
    private final Limits limits;
    private final RetryPolicy retryPolicy;
    private final OptionalInt probeMaxTokens;
    private final HttpClient http;
    private final AnswerCheck conformance;

    public CrazyrouterClient(Settings settings, Redactor redactor, SendingBounds budget) {
        this(settings, redactor, budget, AnswerCheck.NONE);
    }

    /** {@code conformance}: where each answer's differences from OpenAI's schemas go (report only; the run's ledger holds it). */
    public CrazyrouterClient(Settings settings, Redactor redactor, SendingBounds budget, AnswerCheck conformance) {
        this.conformance = conformance;
        this.redactor = redactor;
        this.budget = budget;
        this.limits = settings.limits();
        this.retryPolicy = new RetryPolicy(settings.retries(), settings.longestRetryWait());
        this.probeMaxTokens = settings.probeMaxTokens();
        this.http = HttpClient.newBuilder().connectTimeout(limits.connectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER).version(HttpClient.Version.HTTP_1_1).build();
    }

    /**
     * Sends the request byte for byte as rendered; a 429 or a transient 502/503/504 is retried at most
     * {@code crazyrouter.retries} times, after the wait the gateway asks for (Retry-After) or a short back-off, each
     * retry shown in the report. Any other answer, and a 503 that names an unknown model, is returned as it is.
     */
    public GatewayReply send(OutgoingRequest request) {
        return sendRetrying(request);
    }

    /**
     * A capability probe of the harness's own making (not a scenario's request): sent like {@link #send}, but a chat
     * body that sets no output limit gets {@code crazyrouter.probeMaxTokens} (live runs), to keep probing cheap.
     */
    public GatewayReply sendProbe(OutgoingRequest request) {
        return sendRetrying(ProbeLimits.capTokens(request, probeMaxTokens));
    }

    /**
     * Retries within two budgets: the request's ({@code crazyrouter.retries}) and the run's (run/RequestBudget).
     * A retry that was due and is not sent says why, in the console and the report. The final answer, or the lack of
     * one, goes to the run's failure streak: a gateway that stopped answering stops the run, with one message.
     */
    private GatewayReply sendRetrying(OutgoingRequest request) {
        String where = redactor.redact(request.method() + " " + request.url());
        GatewayReply reply = sendTold(request, where);
        for (int retry = 1;; retry++) {
            RetryPolicy.Decision next = retryPolicy.next(retry, reply);
            Optional<String> notRetried = next.notRetried();
            if (next.delay().isPresent()) {
                budget.beforeSending(where);
                if (!budget.takeRetry()) {
                    notRetried = Optional.of(budget.retriesUsedUp());
                }
            }
            if (notRetried.isPresent() || next.delay().isEmpty()) {
                if (notRetried.isPresent()) {
                    say(where, "HTTP " + reply.status() + ": " + notRetried.get());
                }
                budget.answered(request, where, reply);
                return reply.afterRetries(retry - 1);
            }
            Duration wait = next.delay().get();
            say(where, "Retry " + retry + " of " + retryPolicy.maxRetries() + " after HTTP " + reply.status() + ": waited " + wait.toMillis() + " ms"
                    + (reply.retryAfter().isPresent() ? " as Retry-After asked" : ""));
            sleep(wait);
            // counted once it has gone out, answered or not; a retry the caps or the stop held back is not
            try {
                reply = sendTold(request, where);
            } catch (GatewayUnreachable noAnswer) {
                budget.retrySent();
                throw noAnswer;
            }
            budget.retrySent();
        }
    }

    /** One send; a request that got no usable HTTP answer is told to the run's failure streak before it fails the scenario. */
    private GatewayReply sendTold(OutgoingRequest request, String where) {
        return toldIfUnanswered(request, where, () -> sendOnce(request));
    }

    private <T> T toldIfUnanswered(OutgoingRequest request, String where, Supplier<T> exchange) {
        try {
            return exchange.get();
        } catch (GatewayUnreachable unreachable) {
            budget.unanswered(request, where, unreachable);
            throw unreachable;
        }
    }

    private static void say(String where, String note) {
        Evidence.SHOWN.step(note);
        System.out.println("[retry] " + where + ": " + note);
    }

    private static boolean causedBy(Throwable e, Class<? extends Throwable> kind) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (kind.isInstance(t)) {
                return true;
            }
        }
        return false;
    }

    private static void sleep(Duration wait) {
        try {
            Thread.sleep(wait.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("Interrupted while waiting to retry", e);
        }
    }

    private GatewayReply sendOnce(OutgoingRequest request) {
        String where = request.method() + " " + redactor.redact(request.url().toString());
        budget.spendOne(where);
        evidence.request(request, redactor);
        long started = System.nanoTime();
        long deadline = started + limits.requestTimeout().toNanos();
        HttpResponse<Flow.Publisher<List<ByteBuffer>>> response = answerTo(request, where, deadline, limits.requestTimeout(), Limits.REQUEST_TIMEOUT);
        Duration firstByte = since(started);
        Map<String, String> headers = new LinkedHashMap<>();
        response.headers().map().forEach((name, values) -> headers.putIfAbsent(name, redactor.redactHeader(name, values.get(0))));
        ArrivingBody body = ArrivingBody.of(response.body());
        ByteArrayOutputStream received = new ByteArrayOutputStream();
        try {
            for (ArrivingBody.Piece piece = body.next(until(deadline)); piece.kind() != ArrivingBody.Piece.Kind.END; piece = body.next(until(deadline))) {
                if (piece.kind() == ArrivingBody.Piece.Kind.SILENCE) {
                    throw shownStopped(new GatewayReply(request, response.statusCode(), headers, redactor.redact(received.toString(StandardCharsets.UTF_8)),
                            firstByte, since(started)), AnswerBeyondLimits.bodyTooSlow(where, response.statusCode(), limits.requestTimeout(), received.size()));
                }
                int room = (int) Math.min(piece.bytes().length, limits.maxBodyBytes() - received.size());
                received.write(piece.bytes(), 0, room);
                if (room < piece.bytes().length) {
                    throw shownStopped(new GatewayReply(request, response.statusCode(), headers, redactor.redact(received.toString(StandardCharsets.UTF_8)),
                            firstByte, since(started)), AnswerBeyondLimits.bodyTooLarge(where, response.statusCode(), limits.maxBodyBytes()));
                }
            }
        } catch (IOException broken) {
            throw brokeOff(where, response.statusCode(), received.size(), broken);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("Interrupted while reading " + where, e);
        } finally {
            body.stop();
        }
        GatewayReply reply = new GatewayReply(request, response.statusCode(), headers, redactor.redact(received.toString(StandardCharsets.UTF_8)),
                firstByte, since(started));
        if (GoDecoding.decodes(request, headers)) {
            reply = GoDecoding.decoded(reply, received.toByteArray(), where, limits.maxBodyBytes(), redactor);
        }
        Optional<String> parserRefuses = reply.beyondJsonParser();
        if (parserRefuses.isPresent()) {
            throw shownStopped(reply, AnswerBeyondLimits.beyondJsonParser(where, reply.status(), parserRefuses.get()));
        }
        evidence.response(reply, "", redactor);
        conformance.check(reply);
        reply.json().map(j -> j.path("usage").path("total_tokens")).filter(n -> n.isInt()).ifPresent(n -> budget.recordTokens(n.asInt()));
        return reply;
    }

    /** The part of the answer that came goes into the report, headed by why the harness stopped reading it. */
    private AnswerBeyondLimits shownStopped(GatewayReply partial, AnswerBeyondLimits why) {
        evidence.response(partial, why.getMessage(), redactor);
        return why;
    }

    /** The request exactly as rendered: the JDK client keeps a path as given (REST Assured would fold a doubled slash) and adds no Accept. */
    private HttpRequest build(OutgoingRequest request) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(request.url()).timeout(limits.readTimeout())
                .method(request.method(), request.body() == null
                        ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(request.body(), StandardCharsets.UTF_8));
        request.headers().forEach(h -> builder.header(h.name(), h.value()));
        return builder.build();
    }

    /**
     * The answer's status line and headers, within the read timeout (the request's own timeout) and before the whole
     * exchange's deadline; its body is read by the caller, piece by piece.
     */
    private HttpResponse<Flow.Publisher<List<ByteBuffer>>> answerTo(OutgoingRequest request, String where, long deadline, Duration whole, String wholeSetting) {
        CompletableFuture<HttpResponse<Flow.Publisher<List<ByteBuffer>>>> exchange = http.sendAsync(build(request), HttpResponse.BodyHandlers.ofPublisher());
        try {
            return exchange.get(until(deadline).toNanos(), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            exchange.cancel(true);
            throw noAnswer(where, "no answer within " + Amounts.duration(whole) + " (" + wholeSetting + ")", CommonError.INTERMITTENT);
        } catch (ExecutionException e) {
            throw unreachable(where, e.getCause());
        } catch (InterruptedException e) {
            exchange.cancel(true);
            Thread.currentThread().interrupt();
            throw new AssertionError("Interrupted while waiting for " + where, e);
        }
    }

    /**
     * Sends a streaming request and reads its server-sent events line by line as they come, timing the first byte and
     * the first data chunk, within the stream's limits: a silence between two pieces longer than
     * {@code crazyrouter.streamIdleTimeout}, a stream longer than {@code crazyrouter.streamTimeout} or larger than
     * {@code crazyrouter.maxBody} stops the reading and fails with what had come.
     */
    public StreamedReply stream(OutgoingRequest request) {
        return streamTold(request);
    }

    /** A streaming capability probe: as {@link #stream}, with the output limit of {@link #sendProbe}. */
    public StreamedReply streamProbe(OutgoingRequest request) {
        return streamTold(ProbeLimits.capTokens(request, probeMaxTokens));
    }

    /**
     * A stream is a chat request like any other to the run's failure streak: one that stalls, never ends or breaks off
     * is told as a request without a usable answer, a 5xx or 429 as such an answer, anything else starts the count over.
     * Streams are not retried: the harness streams only to probe streaming.
     */
    private StreamedReply streamTold(OutgoingRequest rendered) {
        // neither Coze route streams: a stream is the harness's probe, asked for without compression so its events read as they come
        OutgoingRequest request = new OutgoingRequest(rendered.method(), rendered.url(),
                rendered.headers().stream().filter(h -> !h.name().equalsIgnoreCase("Accept-Encoding")).toList(), rendered.body());
        String where = redactor.redact(request.method() + " " + request.url());
        StreamedReply reply = toldIfUnanswered(request, where, () -> streamOnce(request));
        budget.answered(request, where, reply.answerTo(request));
        return reply;
    }

    private StreamedReply streamOnce(OutgoingRequest request) {
        String where = request.method() + " " + redactor.redact(request.url().toString());
        budget.spendOne(where);
        long started = System.nanoTime();
        long deadline = started + limits.streamTimeout().toNanos();
        HttpResponse<Flow.Publisher<List<ByteBuffer>>> response = answerTo(request, where, deadline, limits.streamTimeout(), Limits.STREAM_TIMEOUT);
        Duration firstByte = since(started);
        int status = response.statusCode();
        ArrivingBody body = ArrivingBody.of(response.body());
        EventLines split = new EventLines(limits.maxBodyBytes());
        List<String> lines = new ArrayList<>();
        Duration firstChunk = null;
        try {
            while (true) {
                if (until(deadline).isZero()) {
                    throw shownStopped(status, lines, AnswerBeyondLimits.streamNeverEnded(where, status, limits.streamTimeout(), lines.size(), split.bytes()));
                }
                ArrivingBody.Piece piece = body.next(shorter(limits.streamIdleTimeout(), until(deadline)));
                if (piece.kind() == ArrivingBody.Piece.Kind.END) {
                    split.rest().map(redactor::redact).ifPresent(lines::add);
                    break;
                }
                if (piece.kind() == ArrivingBody.Piece.Kind.SILENCE) {
                    throw shownStopped(status, lines, until(deadline).isZero()
                            ? AnswerBeyondLimits.streamNeverEnded(where, status, limits.streamTimeout(), lines.size(), split.bytes())
                            : AnswerBeyondLimits.streamWentSilent(where, status, limits.streamIdleTimeout(), lines.size(), split.bytes()));
                }
                for (String line : split.feed(piece.bytes())) {
                    if (firstChunk == null && line.startsWith("data:")) {
                        firstChunk = since(started);
                    }
                    lines.add(redactor.redact(line));
                }
                if (split.full()) {
                    throw shownStopped(status, lines, AnswerBeyondLimits.streamTooLarge(where, status, limits.maxBodyBytes(), lines.size()));
                }
            }
        } catch (IOException broken) {
            throw brokeOff(where, status, split.bytes(), broken);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("Interrupted while reading " + where, e);
        } finally {
            body.stop();
        }
        StreamedReply reply = new StreamedReply(status, redactor.redact(response.headers().firstValue("Content-Type").orElse("")),
                lines, firstByte, Optional.ofNullable(firstChunk), since(started), Optional.of(request));
        evidence.attach("Streamed response " + reply.status(), "text/plain", String.join("\n", reply.lines()));
        conformance.check(reply);
        return reply;
    }

    /** The lines that came go into the report, headed by why the harness stopped reading the stream. */
    private static AnswerBeyondLimits shownStopped(int status, List<String> lines, AnswerBeyondLimits why) {
        Evidence.SHOWN.attach("Streamed response " + status + ", not read to its end", "text/plain", "[" + why.getMessage() + "]\n" + String.join("\n", lines));
        return why;
    }

    private static Duration since(long started) {
        return Duration.ofNanos(System.nanoTime() - started);
    }

    /** What is left until the deadline, never negative. */
    private static Duration until(long deadline) {
        return Duration.ofNanos(Math.max(0, deadline - System.nanoTime()));
    }

    private static Duration shorter(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }

    /** The answer had started, then the connection broke: an answer cut off by the gateway, not by a limit of the harness. */
    private GatewayUnreachable brokeOff(String where, int status, long bytes, IOException e) {
        return new GatewayUnreachable(redactor.redact("Crazyrouter answered " + status + " to " + where + ", but the connection broke after "
                + Amounts.count(bytes) + " bytes of the body (" + e.getMessage() + ")") + ". " + CommonError.INTERMITTENT.advice(), CommonError.INTERMITTENT);
    }

    private GatewayUnreachable unreachable(String where, Throwable e) {
        String what;
        // A gateway that cannot be reached at all points at a wrong URL; one that breaks off mid-answer, at load.
        CommonError row = CommonError.INTERMITTENT;
        if (causedBy(e, HttpConnectTimeoutException.class)) {
            what = "no connection within " + Amounts.duration(limits.connectTimeout()) + " (" + Limits.CONNECT_TIMEOUT + ")";
        } else if (causedBy(e, HttpTimeoutException.class)) {
            what = "no answer within " + Amounts.duration(limits.readTimeout()) + " (" + Limits.READ_TIMEOUT + "); a Coze node would time out the same way";
        } else if (causedBy(e, UnresolvedAddressException.class) || causedBy(e, UnknownHostException.class)) {
            what = "unknown host: check the URL's spelling";
            row = CommonError.NOT_FOUND_URL;
        } else if (causedBy(e, ConnectException.class)) {
            what = "connection refused: nothing listens at that address";
            row = CommonError.NOT_FOUND_URL;
        } else if (causedBy(e, SSLException.class)) {
            what = "TLS handshake failed: " + e.getMessage();
            row = CommonError.NOT_FOUND_URL;
        } else if (String.valueOf(e.getMessage()).contains("received no bytes")) {
            what = "the gateway closed the connection without an HTTP answer";
        } else if (e instanceof IOException) {
            what = "the connection broke (" + e.getMessage() + ")";
        } else {
            what = "the answer could not be read (" + e.getClass().getSimpleName() + ": " + e.getMessage() + ")";
        }
        return noAnswer(where, what, row);
    }

    private GatewayUnreachable noAnswer(String where, String what, CommonError row) {
        return new GatewayUnreachable("Crazyrouter gave no HTTP answer to " + where + ": " + redactor.redact(what)
                + ". Check the URL and that the gateway is up; " + row.advice(), row);
    }
}
