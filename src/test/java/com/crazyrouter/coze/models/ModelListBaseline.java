package com.crazyrouter.coze.models;

import com.crazyrouter.coze.config.Target;
import com.crazyrouter.coze.text.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.TreeSet;

/**
 * The committed model-list baseline beside the model table (model-list-baseline.stub.json, .live.json), and what
 * has drifted from it, as Markdown for the summary. Until a live baseline is accepted, the stub one stands in.
 */
public final class ModelListBaseline {
    private static final int LISTED_BY_NAME = 20;
    private final Path own;
    private final Path stub;

    public ModelListBaseline(Path modelTable, Target target) {
        this.own = modelTable.resolveSibling("model-list-baseline." + (target.isStub() ? "stub" : "live") + ".json");
        this.stub = modelTable.resolveSibling("model-list-baseline.stub.json");
    }

    /** Writes the list as the new baseline of this target; says so. */
    public String accept(List<String> listed) {
        try {
            Files.writeString(own, Json.PRETTY.writeValueAsString(List.copyOf(new TreeSet<>(listed))) + "\n", StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the baseline " + own, e);
        }
        return "The current list (" + new TreeSet<>(listed).size() + " models) was accepted as the new baseline " + own + ".\n";
    }

    /** Models removed, added and still listed, compared with the baseline. */
    public String compare(List<String> listedNow) {
        TreeSet<String> listed = new TreeSet<>(listedNow);
        Path baseline = Files.exists(own) ? own : stub;
        if (!Files.exists(baseline)) {
            return "No baseline " + own + " yet: run once with -Dmodels.acceptBaseline=true to accept the current list (" + listed.size() + " models).\n";
        }
        TreeSet<String> before = new TreeSet<>(read(baseline));
        TreeSet<String> added = new TreeSet<>(listed);
        added.removeAll(before);
        TreeSet<String> removed = new TreeSet<>(before);
        removed.removeAll(listed);
        TreeSet<String> kept = new TreeSet<>(listed);
        kept.retainAll(before);
        StringBuilder diff = new StringBuilder("Compared with " + baseline + (baseline.equals(own)
                ? ""
                : " (there is no " + own.getFileName()
                        + " yet; -Dmodels.acceptBaseline=true accepts the current list)")
                + ":\n\n");
        removed.forEach(m -> diff.append("- removed: ").append(m).append('\n'));
        added.stream().limit(LISTED_BY_NAME).forEach(m -> diff.append("- added: ").append(m).append('\n'));
        if (added.size() > LISTED_BY_NAME) {
            diff.append("- added: ").append(added.size() - LISTED_BY_NAME).append(" more\n");
        }
        diff.append("- still listed: ").append(kept.size()).append(" models").append(kept.size() <= LISTED_BY_NAME ? " (" + String.join(", ", kept) + ")" : "")
                .append('\n');
        return diff.toString();
    }

    private static List<String> read(Path baseline) {
        try {
            return List.of(Json.MAPPER.readValue(baseline.toFile(), String[].class));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the baseline " + baseline, e);
        }
    }
}
