package com.crazyrouter.coze.run;

import com.crazyrouter.coze.config.Limits;
import com.crazyrouter.coze.guide.CommonError;
import com.crazyrouter.coze.guide.GuideLine;
import com.crazyrouter.coze.transport.AnswerBeyondLimits;
import com.crazyrouter.coze.transport.GatewayError;
import com.crazyrouter.coze.transport.GatewayReply;
import com.crazyrouter.coze.transport.GatewayUnreachable;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * "The gateway stopped answering": this many chat requests in a row without a usable answer — no HTTP answer at all
 * (refused, reset, timed out), a 5xx or a 429, after the harness's own retries — stop the run with one message, instead
 * of a red scenario per request against a gateway that is down. Any other answer (a 4xx a scenario expects, new-api's
 * own 503 that it has no channel for the model) is the gateway answering, and the count starts over (docs/GATEWAY.md
 * §10). What Coze shows then: a status fails a plugin tool or workflow node without a retry, a transport error after
 * the node's own retries (docs/COZE.md §4.2, §4.3).
 */
public final class FailureStreak {
    private static final int LONGEST_DETAIL = 300;

    private static final String FAILS_NOW = "every API plugin tool and workflow HTTP node that calls Crazyrouter fails the same way now, ";
    private static final String ON_A_STATUS = FAILS_NOW + "on the status (Coze never retries on a status)";
    private static final String TRANSPORT_ERROR = FAILS_NOW + "with a transport error once the workflow node's own retries are spent";
    private static final String TIMEOUT = FAILS_NOW + "with a timeout once the workflow node's own retries are spent";
    private static final String NOT_CHECKED = "not checked: Coze reads a reply of any size with its own parser (docs/COZE.md §6), so what its "
            + "plugin tools and workflow HTTP nodes make of such answers is not known";

    /** One chat request without a usable answer: what it was, what came back, what Coze shows for it, and the guide row for it. */
    record Miss(String request, String answer, Optional<String> detail, String cozeShows, GuideLine row) {
    }

    private final int limit;
    private final RunStop stop;
    private final List<Miss> misses = new ArrayList<>();

    public FailureStreak(int limit, RunStop stop) {
        this.limit = limit;
        this.stop = stop;
    }

    /** Whether an answer shows the gateway at work: anything but a 429 or a 5xx other than new-api's own "no channel for the model". */
    static boolean usable(GatewayReply reply) {
        return reply.status() != 429 && (reply.status() < 500 || GatewayError.noChannel(reply));
    }

    /** The final answer to a chat request (after any retries); true when it made the run stop. */
    public synchronized boolean answered(String request, GatewayReply reply) {
        if (usable(reply)) {
            misses.clear();
            return false;
        }
        return missed(new Miss(request, "HTTP " + reply.status(), Optional.empty(), ON_A_STATUS, CommonError.INTERMITTENT));
    }

    /**
     * A chat request that got no usable HTTP answer: none at all, or one the harness stopped reading at a limit (counted
     * as what it was: "HTTP 200 but the stream never ended", never "no HTTP answer"); true when it made the run stop.
     */
    public synchronized boolean unanswered(String request, GatewayUnreachable why) {
        GuideLine row = why.row().orElse(CommonError.INTERMITTENT);
        String said = why instanceof AnswerBeyondLimits beyond ? beyond.whatHappened() : why.unmarked();
        // the row's advice is quoted once, at the end of the stop's message, not in the middle of a sentence
        String message = said.replace(row.advice(), "").replaceAll("\\s+", " ").replaceFirst("[\\s;,]+$", "").trim();
        Optional<String> detail = Optional.of(message.length() > LONGEST_DETAIL ? message.substring(0, LONGEST_DETAIL) + "…" : message);
        if (why instanceof AnswerBeyondLimits beyond) {
            return missed(new Miss(request, "HTTP " + beyond.status() + " but " + beyond.inShort(), detail,
                    beyond.cozeGivesUpToo() ? TIMEOUT : NOT_CHECKED, row));
        }
        return missed(new Miss(request, "no HTTP answer", detail, TRANSPORT_ERROR, row));
    }

    private boolean missed(Miss miss) {
        misses.add(miss);
        if (misses.size() < limit) {
            return false;
        }
        boolean stoppedNow = stop.stop(stopOf(List.copyOf(misses), limit));
        misses.clear();
        return stoppedNow;
    }

    /** The one message a stopped gateway gets: the request, the answers with their counts, what Coze shows, the guide's row. */
    static RunStop.Stop stopOf(List<Miss> misses, int limit) {
        Map<String, Long> answers = misses.stream().collect(Collectors.groupingBy(Miss::answer, LinkedHashMap::new, Collectors.counting()));
        String counted = answers.entrySet().stream().map(e -> e.getKey() + " ×" + e.getValue()).collect(Collectors.joining(", "));
        Miss last = misses.get(misses.size() - 1);
        // A gateway that cannot be reached at all points at the URL (Common Errors 2); any other run of failures, at load.
        GuideLine row = misses.stream().map(Miss::row).filter(r -> r != CommonError.INTERMITTENT).findFirst().orElse(CommonError.INTERMITTENT);
        String reason = "Crazyrouter stopped answering (" + misses.size() + " chat requests in a row without a usable answer: " + counted
                + "; " + Limits.STOP_AFTER_FAILURES + "=" + limit + ")";
        String message = "Crazyrouter stopped answering: " + misses.size() + " chat requests in a row got no usable answer (" + counted + "; -D"
                + Limits.STOP_AFTER_FAILURES + "=" + limit + "), the last " + last.request()
                + last.detail().map(d -> " (" + d + ")").orElse("") + ". Nothing more was sent: the scenarios not yet run were skipped. "
                + "What Coze shows: " + last.cozeShows() + ". " + row.advice();
        return new RunStop.Stop(reason, message);
    }
}
