package com.crazyrouter.coze.gateway;

import static io.restassured.RestAssured.given;

import com.crazyrouter.coze.config.Settings;
import com.crazyrouter.coze.guide.CommonError;
import com.crazyrouter.coze.report.Evidence;
import com.crazyrouter.coze.report.RedactedEvidence;
import io.restassured.config.EncoderConfig;
import io.restassured.config.HttpClientConfig;
import io.restassured.config.RedirectConfig;
import io.restassured.config.RestAssuredConfig;
import io.restassured.http.ContentType;
import io.restassured.http.Header;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import org.apache.http.impl.client.DefaultHttpClient;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.net.ConnectException;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.OptionalInt;
import javax.net.ssl.SSLException;
import org.apache.http.NoHttpResponseException;
import org.apache.http.conn.ConnectTimeoutException;

/**
 * Sends a request exactly as Coze rendered it: no default headers added, no charset appended, no redirects
 * followed (Coze's HTTP node does not follow them either), a timeout on connect and on every read. Thread-safe;
 * one per run.
 */
public final class CrazyrouterClient {
    private final RestAssuredConfig config;
    private final RedactedEvidence evidence;
    private final Redactor redactor;
    private final RequestBudget budget;
    private final Duration readTimeout;
    private final RetryPolicy retryPolicy;
    private final OptionalInt probeMaxTokens;
    private final HttpClient streamingHttp;
    /** When the status line of this thread's latest answer arrived (HttpClient calls back on the sending thread). */
    private final ThreadLocal<Long> statusLineArrived = new ThreadLocal<>();

    public CrazyrouterClient(Settings settings, Redactor redactor, RequestBudget budget) {
        int connectMs = Math.toIntExact(settings.connectTimeout().toMillis());
        int readMs = Math.toIntExact(settings.readTimeout().toMillis());
        this.config = RestAssuredConfig.config()
                .httpClient(HttpClientConfig.httpClientConfig()
                        .setParam("http.connection.timeout", connectMs)
                        .setParam("http.socket.timeout", readMs)
                        .setParam("http.connection-manager.timeout", (long) connectMs)
                        .httpClientFactory(() -> {
                            DefaultHttpClient client = new DefaultHttpClient(); // REST Assured's own default
                            client.addResponseInterceptor((response, context) -> statusLineArrived.set(System.nanoTime()));
                            return client;
                        }))
                .encoderConfig(EncoderConfig.encoderConfig()
                        .appendDefaultContentCharsetToContentTypeIfUndefined(false)
                        // the body is already rendered; a form Content-Type must not make REST Assured re-encode it
                        .encodeContentTypeAs("application/x-www-form-urlencoded", ContentType.BINARY))
                .redirect(RedirectConfig.redirectConfig().followRedirects(false));
        this.evidence = new RedactedEvidence(redactor);
        this.redactor = redactor;
        this.budget = budget;
        this.readTimeout = settings.readTimeout();
        this.retryPolicy = new RetryPolicy(settings.retries(), settings.longestRetryWait());
        this.probeMaxTokens = settings.probeMaxTokens();
        this.streamingHttp = HttpClient.newBuilder().connectTimeout(settings.connectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER).version(HttpClient.Version.HTTP_1_1).build();
    }

    /**
     * Sends the request; a 429 or a transient 502/503/504 is retried at most {@code crazyrouter.retries} times,
     * after the wait the gateway asks for (Retry-After) or a short back-off, each retry shown in the report.
     * Any other answer, and a 503 that names an unknown model, is returned as it is.
     */
    public GatewayReply send(OutgoingRequest request) {
        OutgoingRequest probe = ProbeLimits.capTokens(request, probeMaxTokens);
        GatewayReply reply = sendOnce(probe);
        for (int retry = 1; ; retry++) {
            Optional<Duration> wait = retryPolicy.waitBefore(retry, reply);
            if (wait.isEmpty()) {
                return reply;
            }
            String note = "Retry " + retry + " of " + retryPolicy.maxRetries() + " after HTTP " + reply.status() + ": waited " + wait.get().toMillis() + " ms"
                    + (reply.retryAfter().isPresent() ? " as Retry-After asked" : "");
            Evidence.step(note);
            System.out.println("[retry] " + redactor.redact(probe.method() + " " + probe.url()) + ": " + note);
            budget.recordRetry();
            sleep(wait.get());
            reply = sendOnce(probe);
        }
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
        RequestSpecification spec = given().config(config).filter(evidence).urlEncodingEnabled(false);
        request.headers().forEach(h -> spec.header(h.name(), h.value()));
        if (request.body() != null) {
            spec.body(request.body().getBytes(StandardCharsets.UTF_8));
        }
        long started = System.nanoTime();
        statusLineArrived.remove();
        Response response;
        try {
            response = spec.request(request.method(), request.url());
        } catch (Exception e) {
            if (!hasIoCause(e)) {
                throw new IllegalStateException("The harness could not send " + where + ": " + redactor.redact(String.valueOf(e.getMessage())), e);
            }
            throw unreachable(where, e);
        }
        Duration elapsed = Duration.ofNanos(System.nanoTime() - started);
        Long statusLine = statusLineArrived.get();
        Duration firstByte = statusLine == null ? elapsed : Duration.ofNanos(statusLine - started);
        Map<String, String> headers = new LinkedHashMap<>();
        for (Header h : response.getHeaders()) {
            headers.putIfAbsent(h.getName(), redactor.redactHeader(h.getName(), h.getValue()));
        }
        GatewayReply reply = new GatewayReply(request, response.getStatusCode(), headers, response.asString(), firstByte, elapsed);
        reply.json().map(j -> j.path("usage").path("total_tokens")).filter(n -> n.isInt()).ifPresent(n -> budget.recordTokens(n.asInt()));
        return reply;
    }

    /**
     * Sends a streaming request and reads its server-sent events line by line, timing the first byte and the first
     * data chunk. REST Assured hands over a body only once it is complete, so this one exchange uses the JDK's
     * HttpClient, under the same timeouts, request cap and redaction.
     */
    public StreamedReply stream(OutgoingRequest request) {
        String where = request.method() + " " + redactor.redact(request.url().toString());
        budget.spendOne(where);
        HttpRequest.Builder builder = HttpRequest.newBuilder(request.url()).timeout(readTimeout)
                .method(request.method(), HttpRequest.BodyPublishers.ofString(request.body() == null ? "" : request.body()));
        request.headers().forEach(h -> builder.header(h.name(), h.value()));
        long started = System.nanoTime();
        try {
            HttpResponse<java.io.InputStream> response = streamingHttp.send(builder.build(), HttpResponse.BodyHandlers.ofInputStream());
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
                        throw new SocketTimeoutException("the stream did not end within " + readTimeout.multipliedBy(2).toSeconds() + " s");
                    }
                }
            }
            StreamedReply reply = new StreamedReply(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
                    lines, firstByte, Optional.ofNullable(firstChunk), Duration.ofNanos(System.nanoTime() - started));
            Evidence.attach("Streamed response " + reply.status(), "text/plain", String.join("\n", reply.lines()));
            return reply;
        } catch (HttpTimeoutException e) {
            throw unreachable(where, new SocketTimeoutException(e.getMessage()));
        } catch (IOException e) {
            throw unreachable(where, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("Interrupted while reading " + where, e);
        }
    }

    private static boolean hasIoCause(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof IOException) {
                return true;
            }
        }
        return false;
    }

    private GatewayUnreachable unreachable(String where, Throwable e) {
        Throwable root = e;
        while (!(root instanceof IOException) && root.getCause() != null) {
            root = root.getCause();
        }
        String what;
        // A gateway that cannot be reached at all points at a wrong URL; one that breaks off mid-answer, at load.
        CommonError row = CommonError.INTERMITTENT;
        if (root instanceof ConnectTimeoutException || (root instanceof SocketTimeoutException && root.getMessage() != null && root.getMessage().contains("connect"))) {
            what = "no connection within the connect timeout (crazyrouter.connectTimeout)";
        } else if (root instanceof SocketTimeoutException) {
            what = "no answer within " + readTimeout.toSeconds() + " s (crazyrouter.readTimeout); a Coze node would time out the same way";
        } else if (root instanceof ConnectException) {
            what = "connection refused: nothing listens at that address";
            row = CommonError.NOT_FOUND_URL;
        } else if (root instanceof UnknownHostException) {
            what = "unknown host: check the URL's spelling";
            row = CommonError.NOT_FOUND_URL;
        } else if (root instanceof SSLException) {
            what = "TLS handshake failed: " + root.getMessage();
            row = CommonError.NOT_FOUND_URL;
        } else if (root instanceof NoHttpResponseException) {
            what = "the gateway closed the connection without an HTTP answer";
        } else if (root instanceof SocketException) {
            what = "the connection broke (" + root.getMessage() + ")";
        } else {
            what = "the answer could not be read (" + root.getClass().getSimpleName() + ": " + root.getMessage() + ")";
        }
        return new GatewayUnreachable("Crazyrouter gave no HTTP answer to " + where + ": " + redactor.redact(what)
                + ". Check the URL and that the gateway is up; " + row.advice(), row);
    }
}
