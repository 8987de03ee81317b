package com.crazyrouter.coze.testsupport;

import com.crazyrouter.coze.config.ModelTable;
import com.crazyrouter.coze.config.Secret;
import com.crazyrouter.coze.config.Settings;
import com.crazyrouter.coze.config.TokenKind;
import com.crazyrouter.coze.stubs.ExactHeaderValues;
import com.crazyrouter.coze.stubs.StubModels;
import com.crazyrouter.coze.stubs.StubTokens;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.common.Notifier;
import com.github.tomakehurst.wiremock.standalone.CommandLineOptions;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * A stand-in for production on loopback: WireMock standalone's server, configured by the same command-line options
 * (`--extensions`, `--root-dir`, `--async-response-enabled`) that `java -jar wiremock-standalone.jar` reads, serving a
 * copy of the stub set whose mappings have their token placeholders ({@link StubTokens}) filled with the given tokens,
 * so it recognises exactly those (and, for a kind not given, the stub set's fake). The live and record profiles run
 * against it exactly as they would against crazyrouter.com. It runs in the calling JVM: the contract run under test
 * is the process of its own (ChildRun); a JVM per gateway cost about 4 s of CPU each to start (docs/PERFORMANCE.md).
 */
public final class LocalGateway implements AutoCloseable {
    /** A hang guard on WireMock's admin API, which answers in milliseconds, seconds when the machine is loaded. */
    private static final Duration ADMIN_ANSWERS_WITHIN = Duration.ofSeconds(30);
    private final WireMockServer server;
    private final Path root;

    private LocalGateway(WireMockServer server, Path root) {
        this.server = server;
        this.root = root;
    }

    /** {@code extraFiles}: path under the copied root → content, written over the copy (e.g. a flaky mapping). */
    public static LocalGateway start(Path stubs, Map<TokenKind, Secret> tokens, Map<String, String> extraFiles) throws IOException, InterruptedException {
        return start(stubs, Optional.empty(), tokens, extraFiles);
    }

    /**
     * As a gateway release the fault catalogue describes: the stub set with a catalogue folder's {@code mappings/} laid
     * over it, filled like the stub set's own (e.g. {@code faults/older-release}: new-api v0.6.x, no code and Chinese
     * messages). An overlay file replaces the stub file of the same path under mappings/ (WireMock standalone breaks a
     * tie of priorities in no set order, so a replacement must not rely on one); any other overlay file is added.
     */
    public static LocalGateway start(Path stubs, Optional<Path> overlay, Map<TokenKind, Secret> tokens, Map<String, String> extraFiles)
            throws IOException, InterruptedException {
        Path root = Files.createTempDirectory("local-gateway-");
        // the given tokens fill their placeholders; a kind not given is filled with the stub set's fake, so none is left over
        Map<TokenKind, Secret> filling = new EnumMap<>(Settings.stubTokens(stubs));
        filling.putAll(tokens);
        ModelTable models = ModelTable.load(ModelTable.DEFAULT);
        copy(stubs, root, stubs.resolve("mappings"), filling, models);
        if (overlay.isPresent()) {
            copy(overlay.get(), root.resolve("mappings"), overlay.get(), filling, models);
        }
        for (Map.Entry<String, String> extra : extraFiles.entrySet()) {
            Path target = root.resolve(extra.getKey());
            Files.createDirectories(target.getParent());
            Files.writeString(target, extra.getValue(), StandardCharsets.UTF_8);
        }
        // port 0: WireMock binds a free port itself (a port found free and handed on could be taken by another test's server first)
        WireMockServer server = new WireMockServer(new StandaloneOptions(root, "--extensions", ExactHeaderValues.class.getName(), "--port", "0",
                "--bind-address", "127.0.0.1", "--root-dir", root.toString(), "--disable-banner", "--async-response-enabled", "true"));
        try {
            server.start();
        } catch (RuntimeException notStarted) {
            ChildRun.deleteTree(root);
            throw new IllegalStateException("WireMock did not start on " + root + ": " + notStarted.getMessage(), notStarted);
        }
        return new LocalGateway(server, root);
    }

    /** WireMock standalone's options, with what it has to say written to the gateway's wiremock.log rather than this JVM's console. */
    private static final class StandaloneOptions extends CommandLineOptions {
        private final Notifier log;

        StandaloneOptions(Path root, String... args) {
            super(args);
            this.log = new LogFile(root.resolve("wiremock.log"));
        }

        @Override
        public Notifier notifier() {
            return log;
        }
    }

    /** A notifier that appends to a file, as the standalone process's redirected output did. */
    private record LogFile(Path file) implements Notifier {
        @Override
        public void info(String message) {
            append(message);
        }

        @Override
        public void error(String message) {
            append(message);
        }

        @Override
        public void error(String message, Throwable t) {
            append(message + ": " + t);
        }

        private synchronized void append(String message) {
            try {
                Files.writeString(file, message + System.lineSeparator(), StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
            } catch (IOException ignored) {
                // the log is for a person reading after a failure; a line lost does not change what was served
            }
        }
    }

    /** Copies {@code from} into {@code to}, the mappings under {@code mappings} with their token and model placeholders filled. */
    private static void copy(Path from, Path to, Path mappings, Map<TokenKind, Secret> filling, ModelTable models) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path source : files.toList()) {
                Path target = to.resolve(from.relativize(source).toString());
                if (Files.isDirectory(source)) {
                    Files.createDirectories(target);
                } else if (source.startsWith(mappings) && source.toString().endsWith(".json")) {
                    String text = StubTokens.fill(source, StubModels.fill(source, Files.readString(source, StandardCharsets.UTF_8), models), filling);
                    Files.writeString(target, text, StandardCharsets.UTF_8);
                } else {
                    Files.copy(source, target, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }

    /**
     * Serves the stub set (stubs/, its fake tokens) on loopback until stdin closes or the process is stopped, for
     * timing a live run against it (scripts/timing.sh): prints one line, the base URL.
     */
    public static void main(String[] args) throws Exception {
        // a second argument serves a fault's or a control's mappings over the stub set: an older release, a CDN page in front
        LocalGateway gateway = args.length > 1
                ? start(Path.of(args[0]), Optional.of(Path.of(args[1])), Map.of(), Map.of())
                : start(Path.of(args.length > 0 ? args[0] : "stubs"), Map.of(), Map.of());
        Runtime.getRuntime().addShutdownHook(new Thread(gateway::close));
        System.out.println(gateway.baseUrl());
        System.out.flush();
        while (System.in.read() >= 0) {
            // serve until the caller closes stdin (or stops the process: the shutdown hook stops the gateway)
        }
        // the server's threads would keep this JVM alive after main returns
        gateway.close();
    }

    public URI baseUrl() {
        return URI.create("http://127.0.0.1:" + server.port());
    }

    /** How many requests reached this gateway so far. */
    public int requestsReceived() throws IOException, InterruptedException {
        HttpResponse<String> count = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(baseUrl() + "/__admin/requests/count"))
                .POST(HttpRequest.BodyPublishers.ofString("{}")).timeout(ADMIN_ANSWERS_WITHIN).build(), HttpResponse.BodyHandlers.ofString());
        return Integer.parseInt(count.body().replaceAll("\\D+", ""));
    }

    /** Puts every stateful mapping (e.g. a 503 once) back to its start, so a test does not depend on which ran before it. */
    public void resetScenarios() throws IOException, InterruptedException {
        HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(baseUrl() + "/__admin/scenarios/reset"))
                .POST(HttpRequest.BodyPublishers.noBody()).timeout(ADMIN_ANSWERS_WITHIN).build(), HttpResponse.BodyHandlers.discarding());
    }

    @Override
    public void close() {
        server.stop();
        try {
            ChildRun.deleteTree(root);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
