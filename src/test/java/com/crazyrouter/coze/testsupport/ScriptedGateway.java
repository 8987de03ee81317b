package com.crazyrouter.coze.testsupport;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A hostile gateway on loopback, for the client's limits: it reads each request, then answers with a script of its own
 * — bytes, pauses, silence, an endless stream — over a raw socket, which no HTTP server library would let it do. A
 * script may look at the request (method, path, body) to answer each kind its own way; a connection the client keeps
 * open gets its next request answered the same way. It notices when the client hangs up, so a test can show the
 * harness left no connection open.
 */
public final class ScriptedGateway implements AutoCloseable {
    public interface Script {
        void answer(OutputStream out) throws IOException, InterruptedException;
    }

    /** A script that answers each request by what it asks. */
    public interface RequestScript {
        void answer(Request request, OutputStream out) throws IOException, InterruptedException;
    }

    /** What a request asked: its method, its path (with any query) and its body, as text. */
    public record Request(String method, String path, String body) {
    }

    /** Whether this JVM's HTTP client has made its first exchange (see {@link #warmUpHttpClient}). */
    private static boolean warm;

    private final ServerSocket server;
    private final RequestScript script;
    private final CountDownLatch hungUp = new CountDownLatch(1);
    private final AtomicInteger requests = new AtomicInteger();

    public ScriptedGateway(Script script) throws IOException {
        this((request, out) -> script.answer(out));
    }

    public ScriptedGateway(RequestScript script) throws IOException {
        this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        this.script = script;
        Thread acceptor = new Thread(this::accept, "scripted-gateway");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    public URI url(String path) {
        return URI.create("http://127.0.0.1:" + server.getLocalPort() + path);
    }

    /** How many requests came. */
    public int requests() {
        return requests.get();
    }

    /**
     * How many requests came, once at least {@code expected} have or {@code wait} has passed. A request counts once the
     * gateway has read it; one the client gave up on before any answer (headers that never came) may still be being
     * read when the client's call returns, on a loaded machine (a node's 4 tries sent, 3 counted: once in 18 self-checks).
     */
    public int requestsOnceAtLeast(int expected, Duration wait) throws InterruptedException {
        long deadline = System.nanoTime() + wait.toNanos();
        while (requests.get() < expected && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        return requests.get();
    }

    /** Whether the client closed the connection within the wait. */
    public boolean clientHungUpWithin(Duration wait) throws InterruptedException {
        return hungUp.await(wait.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public void close() throws IOException {
        server.close();
    }

    private void accept() {
        while (!server.isClosed()) {
            try {
                Socket connection = server.accept();
                Thread answering = new Thread(() -> answer(connection), "scripted-gateway-answer");
                answering.setDaemon(true);
                answering.start();
            } catch (IOException closed) {
                return;
            }
        }
    }

    /** Answers request after request until the client hangs up (or the script ends the answer by closing). */
    private void answer(Socket connection) {
        try (connection) {
            InputStream in = connection.getInputStream();
            for (Optional<Request> request = read(in); request.isPresent(); request = read(in)) {
                requests.incrementAndGet();
                script.answer(request.get(), connection.getOutputStream());
                connection.getOutputStream().flush();
            }
        } catch (IOException | InterruptedException hungUpMidAnswer) {
            // the client closed the connection while the script still wrote
        }
        hungUp.countDown();
    }

    /** The next request's head and its Content-Length body; empty once the client has hung up. */
    private static Optional<Request> read(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        while (!head.toString(StandardCharsets.ISO_8859_1).endsWith("\r\n\r\n")) {
            int b = in.read();
            if (b < 0) {
                return Optional.empty();
            }
            head.write(b);
        }
        String[] lines = head.toString(StandardCharsets.ISO_8859_1).split("\r\n");
        byte[] body = new byte[0];
        for (String line : lines) {
            if (line.toLowerCase(Locale.ROOT).startsWith("content-length:")) {
                body = in.readNBytes(Integer.parseInt(line.substring("content-length:".length()).trim()));
            }
        }
        String[] requestLine = lines[0].split(" ");
        return Optional.of(new Request(requestLine[0], requestLine.length > 1 ? requestLine[1] : "", new String(body, StandardCharsets.UTF_8)));
    }

    /**
     * Makes this JVM's first exchange over the JDK's HTTP client, the way the harness's client reads an answer, so that
     * a test's limit measures the gateway, not the loading of the client: the first exchange in a JVM loads and
     * initialises a few hundred classes, which on a cold or loaded machine takes longer than a limit under test lasts
     * (a cold build's first stream waited more than its 300 ms stream limit for headers sent at once). Once per JVM.
     */
    public static synchronized void warmUpHttpClient() throws IOException, InterruptedException {
        if (warm) {
            return;
        }
        warm = true;
        try (ScriptedGateway gateway = new ScriptedGateway(answering("application/json", "{}".getBytes(StandardCharsets.US_ASCII)))) {
            HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
            HttpResponse<Flow.Publisher<List<ByteBuffer>>> answer = http.sendAsync(
                    HttpRequest.newBuilder(gateway.url("/warm-up")).POST(HttpRequest.BodyPublishers.ofString("{}")).build(),
                    HttpResponse.BodyHandlers.ofPublisher()).join();
            CountDownLatch read = new CountDownLatch(1);
            answer.body().subscribe(new Flow.Subscriber<>() {
                @Override
                public void onSubscribe(Flow.Subscription subscription) {
                    subscription.request(Long.MAX_VALUE);
                }

                @Override
                public void onNext(List<ByteBuffer> item) {
                    // the bytes are not needed, only the path they take
                }

                @Override
                public void onError(Throwable failure) {
                    read.countDown();
                }

                @Override
                public void onComplete() {
                    read.countDown();
                }
            });
            read.await(30, TimeUnit.SECONDS);
        }
    }

    /** A whole answer: 200 with this body and its length. */
    public static Script answering(String contentType, byte[] body) {
        return out -> {
            out.write(head(contentType, body.length));
            out.write(body);
        };
    }

    /** The status line and headers of an answer whose body runs until the connection closes (or forever). */
    public static byte[] head(String contentType) {
        return head(200, contentType, -1);
    }

    /** The status line and headers of an answer with a body of this length. */
    public static byte[] head(String contentType, long contentLength) {
        return head(200, contentType, contentLength);
    }

    /**
     * The status line and headers of an answer with a body of this length, or, for -1, one that runs until the
     * connection closes; {@code moreHeaders} as "Name: value".
     */
    public static byte[] head(int status, String contentType, long contentLength, String... moreHeaders) {
        StringBuilder head = new StringBuilder("HTTP/1.1 " + status + " " + reason(status) + "\r\nContent-Type: " + contentType + "\r\n");
        head.append(contentLength >= 0 ? "Content-Length: " + contentLength + "\r\n" : "Connection: close\r\n");
        for (String header : moreHeaders) {
            head.append(header).append("\r\n");
        }
        return head.append("\r\n").toString().getBytes(StandardCharsets.US_ASCII);
    }

    private static String reason(int status) {
        return switch (status) {
            case 200 -> "OK";
            case 404 -> "Not Found";
            case 429 -> "Too Many Requests";
            case 500 -> "Internal Server Error";
            case 502 -> "Bad Gateway";
            case 503 -> "Service Unavailable";
            case 504 -> "Gateway Timeout";
            default -> "Status " + status;
        };
    }
}
