package com.crazyrouter.coze.stubs;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.crazyrouter.coze.config.Secret;
import com.crazyrouter.coze.config.TokenKind;
import com.crazyrouter.coze.transport.Redactor;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.common.ConsoleNotifier;
import com.github.tomakehurst.wiremock.recording.RecordSpecBuilder;
import com.github.tomakehurst.wiremock.stubbing.StubMapping;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The record profile: a WireMock proxy in front of the live gateway that, at the end of the run, turns what it
 * saw into stub mappings for the stub profile. The live tokens become placeholders that name their kind
 * ({@link StubTokens}), so a replay still tells a good token from a bad one and no file holds a token (an exchange
 * with a credential the run does not own is not recorded at all); cookies and volatile headers are dropped, ids,
 * timestamps and request ids are normalised, and each file is named after what it matches, so recording twice
 * rewrites the same files instead of adding duplicates.
 */
public final class Recorder implements AutoCloseable {
    private final WireMockServer proxy;
    private final RecordedMappingCleaner cleaner;
    private final Path into;

    private Recorder(WireMockServer proxy, Map<TokenKind, Secret> liveTokens, Redactor redactor, Path into) {
        this.proxy = proxy;
        this.cleaner = new RecordedMappingCleaner(liveTokens, redactor);
        this.into = into;
    }

    public static Recorder start(URI live, Map<TokenKind, Secret> liveTokens, Redactor redactor, Path into) {
        WireMockServer proxy = new WireMockServer(
                options().httpServerFactory(new ExactHeaderValues()).bindAddress("127.0.0.1").dynamicPort().notifier(new ConsoleNotifier(false)));
        proxy.start();
        proxy.stubFor(any(anyUrl()).atPriority(100).willReturn(aResponse().proxiedFrom(live.toString())));
        return new Recorder(proxy, liveTokens, redactor, into);
    }

    /** Where the run sends its requests: the recording proxy. */
    public URI baseUrl() {
        return URI.create("http://127.0.0.1:" + proxy.port());
    }

    /** Writes the recorded mappings and returns how many files it wrote. */
    public int save() {
        List<StubMapping> recorded = proxy.snapshotRecord(new RecordSpecBuilder()
                .captureHeader("Authorization")
                .captureHeader("Content-Type")
                .matchRequestBodyWithEqualTo(false)
                .extractTextBodiesOver(Long.MAX_VALUE)
                .extractBinaryBodiesOver(Long.MAX_VALUE)
                .makeStubsPersistent(false)).getStubMappings();
        Map<String, String> files = cleaner.files(recorded);
        try {
            Files.createDirectories(into);
            for (Map.Entry<String, String> file : files.entrySet()) {
                Files.writeString(into.resolve(file.getKey()), file.getValue(), StandardCharsets.UTF_8);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write recorded stubs into " + into, e);
        }
        return files.size();
    }

    public Path into() {
        return into;
    }

    @Override
    public void close() {
        proxy.stop();
    }
}
