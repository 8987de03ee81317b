package com.crazyrouter.coze.testsupport;

import com.crazyrouter.coze.config.ModelTable;
import com.crazyrouter.coze.config.Secret;
import com.crazyrouter.coze.config.Settings;
import com.crazyrouter.coze.config.TokenKind;
import com.crazyrouter.coze.stubs.ExactHeaderValues;
import com.crazyrouter.coze.stubs.StubModels;
import com.crazyrouter.coze.stubs.StubTokens;
import com.github.tomakehurst.wiremock.WireMockServer;
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
import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * A stand-in for production on loopback: WireMock standalone in a process of its own, serving a copy of the stub
 * set whose mappings have their token placeholders ({@link StubTokens}) filled with the given tokens, so it recognises
 * exactly those (and, for a kind not given, the stub set's fake). The live and record profiles run against it exactly
 * as they would against crazyrouter.com.
 */
public final class LocalGateway implements AutoCloseable {
    private static final Duration STARTS_WITHIN = Duration.ofMinutes(3);
    /** WireMock's start-up line with the port it bound ("port:   40871"). */
    private static final java.util.regex.Pattern BOUND_PORT = java.util.regex.Pattern.compile("^port:\\s+(\\d+)\\s*$");
    /** A hang guard on WireMock's admin API, which answers in milliseconds, seconds when the machine is loaded. */
    private static final Duration ADMIN_ANSWERS_WITHIN = Duration.ofSeconds(30);
    private final Process process;
    private final int port;
    private final Path root;

    private LocalGateway(Process process, int port, Path root) {
        this.process = process;
        this.port = port;
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
        String jar = Path.of(URI.create(WireMockServer.class.getProtectionDomain().getCodeSource().getLocation().toString())).toString();
        String classes = Path.of(URI.create(ExactHeaderValues.class.getProtectionDomain().getCodeSource().getLocation().toString())).toString();
        List<String> command = new java.util.ArrayList<>(List.of(ChildJvm.javaBinary()));
        command.addAll(ChildJvm.vmFlags());
        command.addAll(List.of("-cp", jar + java.io.File.pathSeparator + classes, "wiremock.Run",
                "--extensions", ExactHeaderValues.class.getName(), "--port", "0", "--bind-address", "127.0.0.1",
                "--root-dir", root.toString(), "--disable-banner", "--async-response-enabled", "true"));
        Path log = root.resolve("wiremock.log");
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        LocalGateway gateway = new LocalGateway(process, boundPort(process, log), root);
        gateway.awaitHealthy();
        return gateway;
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
            // serve until the caller closes stdin; the shutdown hook stops the gateway
        }
    }

    public URI baseUrl() {
        return URI.create("http://127.0.0.1:" + port);
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

    /**
     * The port WireMock bound, as its start-up lines say it. WireMock picks a free port itself: a port the harness
     * found free and handed on could be taken by another test's server before WireMock bound it, and the health check
     * would then be answered by that server, which went away mid-test.
     */
    private static int boundPort(Process process, Path log) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + STARTS_WITHIN.toNanos();
        while (System.nanoTime() < deadline) {
            java.util.Optional<Integer> port = Files.readAllLines(log, StandardCharsets.UTF_8).stream().map(BOUND_PORT::matcher)
                    .filter(java.util.regex.Matcher::matches).map(m -> Integer.parseInt(m.group(1))).findFirst();
            if (port.isPresent()) {
                return port.get();
            }
            if (!process.isAlive()) {
                throw new IllegalStateException("WireMock standalone exited; see " + log);
            }
            Thread.sleep(50);
        }
        process.destroyForcibly();
        throw new IllegalStateException("WireMock standalone did not say its port within " + STARTS_WITHIN.toSeconds() + " s; see " + log);
    }

    /**
     * Waits until WireMock answers its health check, or its process has ended. The bound is a hang guard, not a
     * measurement: the wait ends as soon as WireMock is up (2 s on a quiet machine), and on a loaded one its start took
     * more than 30 s.
     */
    private void awaitHealthy() throws InterruptedException {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
        long deadline = System.nanoTime() + STARTS_WITHIN.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("WireMock standalone exited; see " + root.resolve("wiremock.log"));
            }
            try {
                HttpResponse<String> health = http.send(HttpRequest.newBuilder(URI.create(baseUrl() + "/__admin/health"))
                        .timeout(Duration.ofSeconds(1)).build(), HttpResponse.BodyHandlers.ofString());
                if (health.statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // still starting
            }
            Thread.sleep(100);
        }
        close();
        throw new IllegalStateException("WireMock standalone did not come up within " + STARTS_WITHIN.toSeconds() + " s on port " + port + "; see "
                + root.resolve("wiremock.log"));
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(10, java.util.concurrent.TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
            ChildRun.deleteTree(root);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
