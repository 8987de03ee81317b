package com.crazyrouter.coze.models;

import com.crazyrouter.coze.contract.Diagnosis;
import com.crazyrouter.coze.guide.Finding;
import com.crazyrouter.coze.route.Attempt;
import com.crazyrouter.coze.transport.AnswerBeyondLimits;
import com.crazyrouter.coze.transport.GatewayReply;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * What a batch of minimal requests got: how many were sent, the answers by status ("200: 19, 502: 1"), how many
 * failed as a Coze node run fails on them, and the p50 / p95 time to first byte and total time of the answered ones.
 * Percentiles are nearest-rank (the smallest value that at least p % of the samples do not exceed), as in the summary's
 * model table.
 */
public record SampleStats(int requests, Map<String, Integer> answers, int failed, List<Duration> firstBytes, List<Duration> totals,
        Optional<String> cozeShows, Optional<Finding> offGuide) {

    /**
     * What the request got when no HTTP answer came (a reset, a timeout), after the route's own retries of that; an
     * answer that came but passed one of the harness's limits is counted by its status and the limit instead.
     */
    public static final String NO_ANSWER = "no answer";
    /** An answer below 400 that is not a chat reply: the plugin fails on it, the node hands on something no next node can use. */
    public static final String NOT_A_CHAT_REPLY = " (not a chat reply)";

    public SampleStats {
        answers = Map.copyOf(answers);
        firstBytes = firstBytes.stream().sorted().toList();
        totals = totals.stream().sorted().toList();
    }

    /**
     * One minimal request: what came back ("200", "502", "no answer"), whether the Coze node run failed on it (anything
     * but a chat reply), its timing when an answer came, and what the builder sees.
     */
    public record Sample(String answer, boolean failed, Optional<Duration> firstByte, Optional<Duration> total, String cozeShows,
            Optional<Finding> diagnosed) {

        public Sample(String answer, boolean failed, Optional<Duration> firstByte, Optional<Duration> total, String cozeShows) {
            this(answer, failed, firstByte, total, cozeShows, Optional.empty());
        }

        /** A request Coze sent (or, rarely, refused to send) and what the route made of the answer. */
        public static Sample of(Attempt attempt) {
            if (attempt.reply().isEmpty()) {
                return new Sample("not sent", true, Optional.empty(), Optional.empty(), attempt.cozeShows());
            }
            GatewayReply reply = attempt.reply().orElseThrow();
            boolean failed = attempt.cozeFails() || !reply.isChatCompletion() || reply.replyText().filter(t -> !t.isBlank()).isEmpty();
            String answer = reply.status() + (failed && reply.status() < 400 ? NOT_A_CHAT_REPLY : "");
            return new Sample(answer, failed, Optional.of(reply.firstByte()), Optional.of(reply.elapsed()), attempt.cozeShows(),
                    failed ? Diagnosis.verdictOf(reply).map(Diagnosis.Verdict::finding) : Optional.empty());
        }

        public static Sample noAnswer(String cozeShows) {
            return new Sample(NO_ANSWER, true, Optional.empty(), Optional.empty(), cozeShows);
        }

        /** An answer the harness stopped reading at one of its limits, counted as what it was: "200 (the body did not end within 60 s)". */
        public static Sample beyondLimits(AnswerBeyondLimits stopped) {
            return new Sample(stopped.status() + " (" + stopped.inShort() + ")", true, Optional.empty(), Optional.empty(), stopped.unmarked());
        }
    }

    public static SampleStats of(List<Sample> samples) {
        Map<String, Integer> answers = new TreeMap<>(BY_STATUS);
        samples.forEach(s -> answers.merge(s.answer(), 1, Integer::sum));
        return new SampleStats(samples.size(), answers, (int) samples.stream().filter(Sample::failed).count(),
                samples.stream().map(Sample::firstByte).flatMap(Optional::stream).toList(),
                samples.stream().map(Sample::total).flatMap(Optional::stream).toList(),
                samples.stream().filter(Sample::failed).map(Sample::cozeShows).findFirst(), offGuide(samples));
    }

    /** What every failed request was diagnosed as, where each was a cause the guide has no row for (a page from the site's front). */
    private static Optional<Finding> offGuide(List<Sample> samples) {
        List<Sample> failed = samples.stream().filter(Sample::failed).toList();
        boolean allOffGuide = !failed.isEmpty() && failed.stream().allMatch(s -> s.diagnosed().filter(f -> f.row().isEmpty()).isPresent());
        return allOffGuide ? failed.get(0).diagnosed() : Optional.empty();
    }

    /** Statuses in numeric order, then what is not a status ("no answer", "not sent"). */
    private static final Comparator<String> BY_STATUS = Comparator.comparing((String a) -> !Character.isDigit(a.charAt(0)))
            .thenComparing(a -> a.replaceAll("\\D.*", "").isEmpty() ? 0 : Integer.parseInt(a.replaceAll("\\D.*", "")))
            .thenComparing(Comparator.naturalOrder());

    /** The answers by status, in status order: "200: 19, 502: 1". */
    public String answerWords() {
        return answers.entrySet().stream().sorted(Map.Entry.comparingByKey(BY_STATUS))
                .map(e -> e.getKey() + ": " + e.getValue()).collect(Collectors.joining(", "));
    }

    /** "5 % failed", "0 % failed", "33.3 % failed". */
    public String failureWords() {
        return percent(failed, requests) + " failed";
    }

    /** "200: 19, 502: 1 → 5 % failed". */
    public String outcomeWords() {
        return answerWords() + " → " + failureWords();
    }

    public Optional<Duration> firstByte(int percent) {
        return percentile(firstBytes, percent);
    }

    public Optional<Duration> total(int percent) {
        return percentile(totals, percent);
    }

    /** Nearest rank: the value at position ⌈p/100 × n⌉ of the sorted values; empty when nothing was timed. */
    static Optional<Duration> percentile(List<Duration> sorted, int percent) {
        if (sorted.isEmpty()) {
            return Optional.empty();
        }
        int rank = (int) Math.ceil(percent / 100.0 * sorted.size());
        return Optional.of(sorted.get(Math.min(sorted.size(), Math.max(1, rank)) - 1));
    }

    /** A share of a whole in percent, whole where it is whole, else to one decimal: "20 %", "33.3 %". */
    static String percent(int part, int whole) {
        if (whole == 0) {
            return "— %";
        }
        double value = Math.round(part * 1000.0 / whole) / 10.0;
        return (value == Math.rint(value) ? String.valueOf((long) value) : String.format(Locale.ROOT, "%.1f", value)) + " %";
    }

    static String ms(Optional<Duration> duration) {
        return duration.map(d -> d.toMillis() + " ms").orElse("—");
    }
}
