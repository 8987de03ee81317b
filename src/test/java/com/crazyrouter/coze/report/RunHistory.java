package com.crazyrouter.coze.report;

import com.crazyrouter.coze.config.Target;
import com.crazyrouter.coze.text.Json;
import com.crazyrouter.coze.transport.Redactor;
import com.fasterxml.jackson.core.type.TypeReference;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The runs kept for one target, oldest first, in one small JSON file: {@code <history folder>/<target>.json}, where the
 * target is "stub", or "live-" / "record-" and the gateway's host and port (never its user, path or query). The stub and
 * each gateway keep histories of their own, so a stub run is never compared with production. At most {@link #KEPT}
 * runs are kept. Deleting the file (or the folder) starts the history over.
 */
public final class RunHistory {
    /** How many runs a history keeps: a month of nights, enough to see a scenario flip back and forth. */
    public static final int KEPT = 30;
    private static final TypeReference<List<RunRecord>> RUNS = new TypeReference<>() {
    };
    private final Path file;

    public RunHistory(Path folder, String target) {
        this.file = folder.resolve(target + ".json");
    }

    /** "stub"; "live-crazyrouter.com"; "live-127.0.0.1-41234": the gateway's host and port only, as a file name. */
    public static String target(Target target, Optional<URI> gateway) {
        if (target.isStub()) {
            return target.label();
        }
        String host = gateway.map(URI::getHost).orElse("crazyrouter.com");
        int port = gateway.map(URI::getPort).orElse(-1);
        return (target.label() + "-" + host + (port > 0 ? "-" + port : "")).toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9.-]", "-");
    }

    public Path file() {
        return file;
    }

    /** The kept runs, oldest first; a history that cannot be read says why and counts as none (it starts over). */
    public Kept read() {
        if (!Files.isRegularFile(file)) {
            return new Kept(List.of(), Optional.empty());
        }
        try {
            List<RunRecord> runs = Json.MAPPER.readValue(file.toFile(), RUNS);
            return new Kept(runs == null ? List.of() : List.copyOf(runs), Optional.empty());
        } catch (IOException | RuntimeException unreadable) {
            return new Kept(List.of(), Optional.of("The run history " + file + " could not be read (" + unreadable.getClass().getSimpleName()
                    + "), so nothing was compared; it starts over with this run."));
        }
    }

    /** The runs read, and why none could be, if so. */
    public record Kept(List<RunRecord> runs, Optional<String> unreadable) {
        public Optional<RunRecord> previous() {
            return runs.isEmpty() ? Optional.empty() : Optional.of(runs.get(runs.size() - 1));
        }
    }

    /** Adds {@code now} after {@code earlier}, keeping the last {@link #KEPT}; written whole, then moved into place. */
    public void keep(List<RunRecord> earlier, RunRecord now, Redactor redactor) {
        List<RunRecord> runs = new ArrayList<>(earlier);
        runs.add(now);
        List<RunRecord> kept = runs.subList(Math.max(0, runs.size() - KEPT), runs.size());
        try {
            Files.createDirectories(file.getParent());
            Path partial = file.resolveSibling(file.getFileName() + ".partial");
            Files.writeString(partial, redactor.redact(Json.PRETTY.writeValueAsString(kept)) + "\n", StandardCharsets.UTF_8);
            Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot keep the run history in " + file, e);
        }
    }
}
