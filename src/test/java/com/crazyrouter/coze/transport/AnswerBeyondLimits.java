package com.crazyrouter.coze.transport;

import com.crazyrouter.coze.config.Limits;
import com.crazyrouter.coze.guide.CommonError;
import com.crazyrouter.coze.text.Amounts;
import java.time.Duration;

/**
 * Crazyrouter answered — its status line and headers came — but the answer went past one of the harness's limits: the
 * body did not end in time, a stream went silent or never ended, the body was larger than the cap, or its JSON is
 * beyond what the harness's parser reads. The harness stopped there and checks nothing of it. Callers handle it as they
 * handle no answer at all (a Coze route gets no usable answer either), but its message says that an answer came, which
 * limit passed and how much had arrived: "the stream never ended" is not "no answer".
 */
public final class AnswerBeyondLimits extends GatewayUnreachable {
    /** Coze reads an answer to its end (neither route consumes a stream) and gives up only at its own timeout. */
    private static final String COZE_WAITS = "A Coze node reads an answer to its end (neither route consumes a stream) and waits at most its "
            + "timeout for it (the workflow HTTP node: 120 s by default, docs/COZE.md §2), then fails with a timeout.";
    private static final String COZE_READS_ANY_SIZE = "Coze sets no size limit on a reply (docs/COZE.md §6), so what it makes of the rest is not checked.";
    private static final String STREAM_NEVER_ENDED = "the stream never ended";

    public enum Limit {
        REQUEST_TIMEOUT(Limits.REQUEST_TIMEOUT), STREAM_IDLE_TIMEOUT(Limits.STREAM_IDLE_TIMEOUT), STREAM_TIMEOUT(Limits.STREAM_TIMEOUT), MAX_BODY(
                Limits.MAX_BODY), JSON_PARSER("Jackson's StreamReadConstraints");

        private final String setting;

        Limit(String setting) {
            this.setting = setting;
        }

        /** The setting that holds the limit, as a person types it: "crazyrouter.streamIdleTimeout". */
        public String setting() {
            return setting;
        }
    }

    private final Limit limit;
    private final int status;
    private final String whatHappened;
    private final String inShort;

    private AnswerBeyondLimits(String whatHappened, String cozeNote, Limit limit, int status, String inShort) {
        super(whatHappened + ". " + cozeNote, CommonError.INTERMITTENT);
        this.limit = limit;
        this.status = status;
        this.whatHappened = whatHappened;
        this.inShort = inShort;
    }

    private AnswerBeyondLimits(AnswerBeyondLimits stopped, String message) {
        super(message, stopped.row().orElse(CommonError.INTERMITTENT));
        this.limit = stopped.limit;
        this.status = stopped.status;
        this.whatHappened = stopped.whatHappened;
        this.inShort = stopped.inShort;
    }

    public Limit limit() {
        return limit;
    }

    /** The status the gateway answered with before the harness stopped reading. */
    public int status() {
        return status;
    }

    /** What came and which limit passed, without what Coze would do: "Crazyrouter answered 200 to GET …, but the reply body …". */
    public String whatHappened() {
        return whatHappened;
    }

    /** The answer in a few words, for a count of answers: "the stream never ended", "the body is larger than 10 MB". */
    public String inShort() {
        return inShort;
    }

    /** The same stop with more said after it (what the Coze builder sees), keeping what it was. */
    public AnswerBeyondLimits saying(String more) {
        return new AnswerBeyondLimits(this, unmarked() + more);
    }

    /** Whether Coze, given the same answer, would give up on it too: it waits only so long, but reads any size and parses with its own parser. */
    public boolean cozeGivesUpToo() {
        return limit == Limit.REQUEST_TIMEOUT || limit == Limit.STREAM_IDLE_TIMEOUT || limit == Limit.STREAM_TIMEOUT;
    }

    public static AnswerBeyondLimits bodyTooSlow(String where, int status, Duration requestTimeout, long bytes) {
        return new AnswerBeyondLimits("Crazyrouter answered " + status + " to " + where + ", but the reply body did not end within "
                + Amounts.duration(requestTimeout) + " (" + Limit.REQUEST_TIMEOUT.setting() + ", the whole exchange); the harness stopped reading after "
                + bytes(bytes), COZE_WAITS, Limit.REQUEST_TIMEOUT, status, "the body did not end within " + Amounts.duration(requestTimeout));
    }

    public static AnswerBeyondLimits streamWentSilent(String where, int status, Duration idle, int lines, long bytes) {
        String silence = lines == 0 ? "sent nothing for " : "then sent nothing for ";
        return new AnswerBeyondLimits("Crazyrouter answered " + status + " to " + where + " and started streaming, but " + silence
                + Amounts.duration(idle) + " (" + Limit.STREAM_IDLE_TIMEOUT.setting() + "): the stream never ended; the harness stopped reading after "
                + received(lines, bytes), COZE_WAITS, Limit.STREAM_IDLE_TIMEOUT, status, STREAM_NEVER_ENDED);
    }

    public static AnswerBeyondLimits streamNeverEnded(String where, int status, Duration total, int lines, long bytes) {
        return new AnswerBeyondLimits("Crazyrouter answered " + status + " to " + where + " and streamed for " + Amounts.duration(total) + " ("
                + Limit.STREAM_TIMEOUT.setting() + ") without ending the stream: the stream never ended; the harness stopped reading after "
                + received(lines, bytes), COZE_WAITS, Limit.STREAM_TIMEOUT, status, STREAM_NEVER_ENDED);
    }

    public static AnswerBeyondLimits bodyTooLarge(String where, int status, long maxBody) {
        return new AnswerBeyondLimits("Crazyrouter answered " + status + " to " + where + ", but the reply body is larger than " + Amounts.size(maxBody)
                + " (" + Limit.MAX_BODY.setting() + "); the harness read the first " + Amounts.size(maxBody) + " and stopped", COZE_READS_ANY_SIZE,
                Limit.MAX_BODY, status, "the body is larger than " + Amounts.size(maxBody));
    }

    /** A gzip body whose decoded bytes pass the cap (the cap holds for the bytes that arrive and for what they decode to). */
    public static AnswerBeyondLimits decodedTooLarge(String where, int status, long maxBody, long compressed) {
        return new AnswerBeyondLimits("Crazyrouter answered " + status + " to " + where + " with a gzip body of " + bytes(compressed)
                + " that decodes to more than " + Amounts.size(maxBody) + " (" + Limit.MAX_BODY.setting() + ", applied to the decoded body too); "
                + "the harness decoded the first " + Amounts.size(maxBody) + " and stopped", COZE_READS_ANY_SIZE, Limit.MAX_BODY, status,
                "the body decodes to more than " + Amounts.size(maxBody));
    }

    public static AnswerBeyondLimits streamTooLarge(String where, int status, long maxBody, int lines) {
        return new AnswerBeyondLimits("Crazyrouter answered " + status + " to " + where + " and streamed more than " + Amounts.size(maxBody)
                + " (" + Limit.MAX_BODY.setting() + "); the harness read the first " + Amounts.size(maxBody) + " (" + lines(lines)
                + ") and stopped: the stream had not ended", COZE_READS_ANY_SIZE, Limit.MAX_BODY, status, "the stream is larger than " + Amounts.size(maxBody));
    }

    public static AnswerBeyondLimits beyondJsonParser(String where, int status, String parserSays) {
        return new AnswerBeyondLimits("Crazyrouter answered " + status + " to " + where + " with a body that may well be JSON, but one beyond the limits of "
                + "the harness's JSON parser (" + parserSays + "; " + Limit.JSON_PARSER.setting() + "), so the harness cannot check it",
                "Coze parses with its own parser, whose limits were not traced.", Limit.JSON_PARSER, status, "the JSON is beyond the harness's parser");
    }

    /** How much of the answer had come: "3 lines (412 bytes)". */
    private static String received(int lines, long bytes) {
        return lines(lines) + " (" + bytes(bytes) + ")";
    }

    private static String lines(int lines) {
        return Amounts.count(lines) + (lines == 1 ? " line" : " lines");
    }

    private static String bytes(long bytes) {
        return Amounts.count(bytes) + (bytes == 1 ? " byte" : " bytes");
    }
}
