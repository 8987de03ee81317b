package com.crazyrouter.coze.report;

import com.crazyrouter.coze.contract.OpenAiConformance;
import com.crazyrouter.coze.guide.Finding;
import com.crazyrouter.coze.guide.GuideLine;
import com.crazyrouter.coze.models.Cell;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ConcurrentSkipListMap;

/** What a run found, gathered from parallel scenarios for the summary written at its end. */
public final class RunLedger {
    /** A finished scenario: where it is (feature:line), its name, tags, status (passed, failed, skipped...), route and model. */
    public record ScenarioResult(String location, String name, List<String> tags, String status, String route, String model) {
        /** Its id across runs: feature, name and example values, not its line ({@link ScenarioKey}); Allure's historyId too. */
        public String key() {
            return ScenarioKey.ofLocation(location, name);
        }
    }

    private final Collection<Cell> cells = new ConcurrentLinkedQueue<>();
    private final Collection<ScenarioResult> scenarios = new ConcurrentLinkedQueue<>();
    private final Map<String, String> notes = new ConcurrentSkipListMap<>();
    /** Behaviour that differs between gateway releases and harms no Coze builder, by what was tried: reported, never judged. */
    private final Map<String, String> releaseFacts = new ConcurrentSkipListMap<>();
    /** The summary's section for {@link #releaseFact}. */
    public static final String RELEASE_FACTS = "What this gateway's release does (reported, not judged)";
    /** By location (feature:line): names repeat across outline rows, locations do not. */
    private final Map<String, Retried> retried = new ConcurrentSkipListMap<>();

    /** A scenario that passed only after retries: its name, and what happened and what that means for Coze. */
    public record Retried(String scenario, String note) {
    }
    private final Map<String, Failure> failures = new ConcurrentHashMap<>();
    /** Why each skipped scenario was skipped, by location: a run that skipped everything, or stopped early, says why. */
    private final Map<String, String> skipReasons = new ConcurrentHashMap<>();
    /** Crazyrouter's model list as the run fetched it, for the run history; none when no scenario fetched it. */
    private final java.util.concurrent.atomic.AtomicReference<List<String>> modelList = new java.util.concurrent.atomic.AtomicReference<>();
    /** The run's answers against OpenAI's schemas, report only; a snapshot shares it. */
    private final OpenAiConformance conformance;

    public RunLedger() {
        this(new OpenAiConformance());
    }

    private RunLedger(OpenAiConformance conformance) {
        this.conformance = conformance;
    }

    public OpenAiConformance conformance() {
        return conformance;
    }

    /**
     * Why a scenario failed: its assertion message (already redacted), what the assertion diagnosed it as, and
     * what the Coze builder sees there (redacted too).
     */
    public record Failure(String message, Optional<Finding> finding, Optional<String> cozeShows) {
        public Optional<GuideLine> row() {
            return finding.flatMap(Finding::row);
        }
    }

    /**
     * What the ledger holds now, kept still: a run cut short (killed) writes its summary while scenarios still finish,
     * and the summary's counts and its opening words must come from the same moment.
     */
    public RunLedger snapshot() {
        RunLedger copy = new RunLedger(conformance);
        copy.cells.addAll(cells);
        copy.scenarios.addAll(scenarios);
        copy.notes.putAll(notes);
        copy.releaseFacts.putAll(releaseFacts);
        copy.retried.putAll(retried);
        copy.failures.putAll(failures);
        copy.skipReasons.putAll(skipReasons);
        copy.modelList.set(modelList.get());
        return copy;
    }

    /** A section of its own in the summary, e.g. the model-list drift. */
    public void note(String title, String markdown) {
        notes.put(title, markdown);
    }

    /**
     * What the gateway did where new-api's releases differ and neither harms a Coze builder (e.g. "`bearer {token}`" →
     * "accepted: …"): one line each in the summary's section {@link #RELEASE_FACTS}.
     */
    public void releaseFact(String tried, String observed) {
        releaseFacts.put(tried, observed);
    }

    /** The sections of their own, the release facts among them when there are any. */
    public Map<String, String> notes() {
        if (releaseFacts.isEmpty()) {
            return Map.copyOf(notes);
        }
        Map<String, String> all = new ConcurrentSkipListMap<>(notes);
        StringBuilder facts = new StringBuilder("Where new-api releases differ and neither way harms a Coze builder, the run says what this gateway "
                + "does and passes either way (docs/GATEWAY.md §5, §10).\n");
        releaseFacts.forEach((tried, observed) -> facts.append("\n- ").append(tried).append(": ").append(observed));
        all.put(RELEASE_FACTS, facts.toString());
        return Collections.unmodifiableMap(all);
    }

    /**
     * A scenario that passed only after retries: where it is (feature:line), its name, and a note that says what happened
     * ("passed after 1 retry"), then " — " and what that means for Coze.
     */
    public void recordRetried(String location, String scenario, String note) {
        retried.put(location, new Retried(scenario, note));
    }

    /** The retry note of the scenario at {@code location} (feature:line): names repeat across outline rows, locations do not. */
    public Optional<String> retriedNote(String location) {
        return Optional.ofNullable(retried.get(location)).map(Retried::note);
    }

    public List<Retried> retried() {
        return List.copyOf(retried.values());
    }

    /** The model ids Crazyrouter's model list had (GET /v1/models), for "Changed since the previous run". */
    public void recordModelList(List<String> ids) {
        modelList.set(List.copyOf(ids));
    }

    public Optional<List<String>> modelList() {
        return Optional.ofNullable(modelList.get());
    }

    public void record(Cell cell) {
        cells.add(cell);
    }

    public void record(ScenarioResult scenario) {
        scenarios.add(scenario);
    }

    /** Why the scenario at {@code location} (feature:line) failed. */
    public void recordFailure(String location, Failure failure) {
        failures.put(location, failure);
    }

    public Optional<Failure> failure(String location) {
        return Optional.ofNullable(failures.get(location));
    }

    /** Why the scenario at {@code location} (feature:line) was skipped, as its assumption said. */
    public void recordSkipped(String location, String reason) {
        skipReasons.put(location, reason);
    }

    public Optional<String> skipReason(String location) {
        return Optional.ofNullable(skipReasons.get(location));
    }

    public List<Cell> cells() {
        return List.copyOf(cells);
    }

    public List<ScenarioResult> scenarios() {
        return List.copyOf(scenarios);
    }

    /** The scenarios that failed, in the order they finished. */
    public List<ScenarioResult> red() {
        return scenarios.stream().filter(s -> s.status().equals("FAILED")).toList();
    }
}
