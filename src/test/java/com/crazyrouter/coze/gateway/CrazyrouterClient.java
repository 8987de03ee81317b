package com.crazyrouter.coze.gateway;

import com.crazyrouter.coze.config.Settings;
import com.crazyrouter.coze.guide.CommonError;
import com.crazyrouter.coze.report.Evidence;
import com.crazyrouter.coze.report.RedactedEvidence;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.net.ConnectException;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.OptionalInt;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.nio.channels.UnresolvedAddressException;
import javax.net.ssl.SSLException;

/**
 * Sends a request exactly as Coze rendered it — path, headers and body as given, nothing added but Host and
 * Content-Length, no redirect followed (the Coze route decides that) — over the JDK's HTTP client, with a connect
 * timeout, a timeout until the answer starts and a bound on the whole exchange. Thread-safe; one per run.
 */
public final class CrazyrouterClient {
    private final RedactedEvidence evidence;
    private final Redactor redactor;
    private final RequestBudget budget;
    private final Duration readTimeout;
    private final RetryPolicy retryPolicy;
    private final OptionalInt probeMaxTokens;
    private final HttpClient http;

    public CrazyrouterClient(Settings settings, Redactor redactor, RequestBudget budget) {
        this.evidence = new RedactedEvidence(redactor);
        this.redactor = redactor;
        this.budget = budget;
        this.readTimeout = settings.limits().readTimeout();
        this.retryPolicy = new RetryPolicy(settings.retries(), settings.longestRetryWait());
        this.probeMaxTokens = settings.probeMaxTokens();
        this.http = HttpClient.newBuilder().connectTimeout(settings.limits().connectTimeout())
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
     * Retries within two budgets: the request's ({@code crazyrouter.retries}) and the run's ({@link RequestBudget#RETRIES_PER_RUN}).
     * A retry that was due and is not sent says why, in the console and the report. The final answer, or the lack of
     * one, goes to the run's failure streak: a gateway that stopped answering stops the run, with one message.
     */
    private GatewayReply sendRetrying(OutgoingRequest request) {
        String where = redactor.redact(request.method() + " " + request.url());
        GatewayReply reply = sendTold(request, where);
        for (int retry = 1; ; retry++) {
            RetryPolicy.Decision next = retryPolicy.next(retry, reply);
            Optional<String> notRetried = next.notRetried();
            if (next.delay().isPresent()) {
                budget.stop().beforeSending(where);
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

    /** One send; a request that got no HTTP answer is told to the run's failure streak before it fails the scenario. */
    private GatewayReply sendTold(OutgoingRequest request, String where) {
        try {
            return sendOnce(request);
        } catch (GatewayUnreachable unreachable) {
            budget.unanswered(request, where, unreachable);
            throw unreachable;
        }
    }

    private static void say(String where, String note) {
        Evidence.step(note);
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
        evidence.request(request);
        long started = System.nanoTime();
        AtomicLong headersArrived = new AtomicLong();
        HttpResponse.BodyHandler<String> timedBody = info -> {
            headersArrived.set(System.nanoTime());
            return HttpResponse.BodySubscribers.ofString(StandardCharsets.UTF_8);
        };
        CompletableFuture<HttpResponse<String>> exchange = http.sendAsync(build(request), timedBody);
        HttpResponse<String> response;
        try {
            response = exchange.get(readTimeout.toMillis() * 2, TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            exchange.cancel(true);
            throw unreachable(where, new HttpTimeoutException("the answer did not end within " + readTimeout.multipliedBy(2).toSeconds() + " s"));
        } catch (ExecutionException e) {
            throw unreachable(where, e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("Interrupted while waiting for " + where, e);
        }
        Duration elapsed = Duration.ofNanos(System.nanoTime() - started);
        Duration firstByte = headersArrived.get() == 0 ? elapsed : Duration.ofNanos(headersArrived.get() - started);
        Map<String, String> headers = new LinkedHashMap<>();
        response.headers().map().forEach((name, values) -> headers.putIfAbsent(name, redactor.redactHeader(name, values.get(0))));
        GatewayReply reply = new GatewayReply(request, response.statusCode(), headers, redactor.redact(response.body()), firstByte, elapsed);
        evidence.response(reply);
        reply.json().map(j -> j.path("usage").path("total_tokens")).filter(n -> n.isInt()).ifPresent(n -> budget.recordTokens(n.asInt()));
        return reply;
    }

    /** The request exactly as rendered: the JDK client keeps a path as given (REST Assured would fold a doubled slash) and adds no Accept. */
    private HttpRequest build(OutgoingRequest request) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(request.url()).timeout(readTimeout)
                .method(request.method(), request.body() == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(request.body(), StandardCharsets.UTF_8));
        request.headers().forEach(h -> builder.header(h.name(), h.value()));
        return builder.build();
    }

    /**
     * Sends a streaming request and reads its server-sent events line by line, timing the first byte and the first
     * data chunk. REST Assured hands over a body only once it is complete, so this one exchange uses the JDK's
     * HttpClient, under the same timeouts, request cap and redaction.
     */
    public StreamedReply stream(OutgoingRequest request) {
        return streamOnce(request);
    }

    /** A streaming capability probe: as {@link #stream}, with the output limit of {@link #sendProbe}. */
    public StreamedReply streamProbe(OutgoingRequest request) {
        return streamOnce(ProbeLimits.capTokens(request, probeMaxTokens));
    }

    private StreamedReply streamOnce(OutgoingRequest request) {
        String where = request.method() + " " + redactor.redact(request.url().toString());
        budget.spendOne(where);
        long started = System.nanoTime();
        try {
            HttpResponse<java.io.InputStream> response = http.send(build(request), HttpResponse.BodyHandlers.ofInputStream());
            Duration firstByte = Duration.ofNanos(System.nanoTime() - started);
            List<String> lines = new ArrayList<>();
            Duration firstChunk = null;
            long deadline = started + readTimeout.toNanos() * 2;
            try (BufferedReader reader = new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
                for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                    if (firstChunk == null && line.startsWith("data:")) {
                        firstChunk = Duration.ofNanos(System.nanoTime() - started);
                    }
                    lines.add(redactor.redact(line));
                    if (System.nanoTime() > deadline) {
                        throw new HttpTimeoutException("the stream did not end within " + readTimeout.multipliedBy(2).toSeconds() + " s");
                    }
                }
            }
            StreamedReply reply = new StreamedReply(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
                    lines, firstByte, Optional.ofNullable(firstChunk), Duration.ofNanos(System.nanoTime() - started));
            Evidence.attach("Streamed response " + reply.status(), "text/plain", String.join("\n", reply.lines()));
            return reply;
        } catch (IOException e) {
            throw unreachable(where, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("Interrupted while reading " + where, e);
        }
    }

    private GatewayUnreachable unreachable(String where, Throwable e) {
        String what;
        // A gateway that cannot be reached at all points at a wrong URL; one that breaks off mid-answer, at load.
        CommonError row = CommonError.INTERMITTENT;
        if (causedBy(e, HttpConnectTimeoutException.class)) {
            what = "no connection within the connect timeout (crazyrouter.connectTimeout)";
        } else if (causedBy(e, HttpTimeoutException.class)) {
            what = "no answer within " + readTimeout.toSeconds() + " s (crazyrouter.readTimeout); a Coze node would time out the same way";
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
        return new GatewayUnreachable("Crazyrouter gave no HTTP answer to " + where + ": " + redactor.redact(what)
                + ". Check the URL and that the gateway is up; " + row.advice(), row);
    }
}
