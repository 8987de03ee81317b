package com.crazyrouter.coze.gateway;

import static io.restassured.RestAssured.given;

import com.crazyrouter.coze.report.RedactedEvidence;
import io.restassured.config.EncoderConfig;
import io.restassured.config.HttpClientConfig;
import io.restassured.config.RedirectConfig;
import io.restassured.config.RestAssuredConfig;
import io.restassured.http.ContentType;
import io.restassured.http.Header;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.io.IOException;
import java.net.ConnectException;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
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

    public CrazyrouterClient(Duration connectTimeout, Duration readTimeout, Redactor redactor, RequestBudget budget) {
        int connectMs = Math.toIntExact(connectTimeout.toMillis());
        int readMs = Math.toIntExact(readTimeout.toMillis());
        this.config = RestAssuredConfig.config()
                .httpClient(HttpClientConfig.httpClientConfig()
                        .setParam("http.connection.timeout", connectMs)
                        .setParam("http.socket.timeout", readMs)
                        .setParam("http.connection-manager.timeout", (long) connectMs))
                .encoderConfig(EncoderConfig.encoderConfig()
                        .appendDefaultContentCharsetToContentTypeIfUndefined(false)
                        // the body is already rendered; a form Content-Type must not make REST Assured re-encode it
                        .encodeContentTypeAs("application/x-www-form-urlencoded", ContentType.BINARY))
                .redirect(RedirectConfig.redirectConfig().followRedirects(false));
        this.evidence = new RedactedEvidence(redactor);
        this.redactor = redactor;
        this.budget = budget;
        this.readTimeout = readTimeout;
    }

    public GatewayReply send(OutgoingRequest request) {
        String where = request.method() + " " + redactor.redact(request.url().toString());
        budget.spendOne(where);
        RequestSpecification spec = given().config(config).filter(evidence).urlEncodingEnabled(false);
        request.headers().forEach(h -> spec.header(h.name(), h.value()));
        if (request.body() != null) {
            spec.body(request.body().getBytes(StandardCharsets.UTF_8));
        }
        long started = System.nanoTime();
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
        Map<String, String> headers = new LinkedHashMap<>();
        for (Header h : response.getHeaders()) {
            headers.putIfAbsent(h.getName(), redactor.redactHeader(h.getName(), h.getValue()));
        }
        return new GatewayReply(request, response.getStatusCode(), headers, response.asString(), elapsed);
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
        if (root instanceof ConnectTimeoutException || (root instanceof SocketTimeoutException && root.getMessage() != null && root.getMessage().contains("connect"))) {
            what = "no connection within the connect timeout (crazyrouter.connectTimeout)";
        } else if (root instanceof SocketTimeoutException) {
            what = "no answer within " + readTimeout.toSeconds() + " s (crazyrouter.readTimeout); a Coze node would time out the same way";
        } else if (root instanceof ConnectException) {
            what = "connection refused: nothing listens at that address";
        } else if (root instanceof UnknownHostException) {
            what = "unknown host: check the URL's spelling";
        } else if (root instanceof SSLException) {
            what = "TLS handshake failed: " + root.getMessage();
        } else if (root instanceof NoHttpResponseException) {
            what = "the gateway closed the connection without an HTTP answer";
        } else if (root instanceof SocketException) {
            what = "the connection broke (" + root.getMessage() + ")";
        } else {
            what = "the answer could not be read (" + root.getClass().getSimpleName() + ": " + root.getMessage() + ")";
        }
        return new GatewayUnreachable("Crazyrouter gave no HTTP answer to " + where + ": " + redactor.redact(what)
                + ". Check the URL and that the gateway is up; " + GuideRow.INTERMITTENT.advice(), null);
    }
}
