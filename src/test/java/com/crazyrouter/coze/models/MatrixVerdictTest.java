package com.crazyrouter.coze.models;

import static com.crazyrouter.coze.models.CannedProbeGateway.completion;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.crazyrouter.coze.guide.CommonError;
import com.crazyrouter.coze.guide.ContractViolation;
import com.crazyrouter.coze.guide.GuideLine;
import com.crazyrouter.coze.guide.Route;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** A model matrix's red in a reader's words: one line per failed cell, what the Coze builder sees, no Java. */
class MatrixVerdictTest {
    private static final String MODEL = CannedProbeGateway.MODEL;
    private static final String PLUGIN = Route.PLUGIN.title();
    /**
     * What gives Java away in a message: a record's or an Optional's form, a constant's name, Hamcrest's wording of a
     * failed match, an object's identity, a class or exception name.
     */
    private static final Pattern JAVA = Pattern.compile("Cell\\[|Optional|Expected: |\\bbut: |an empty collection|<\\[|]>|\\b[A-Z]+_[A-Z_]+\\b"
            + "|\\w+@[0-9a-f]{5,}|java\\.|Exception|Error:|check\\(s\\)|\\b(?:PASS|FAIL)\\b|capability=|verdict=");

    private final CannedProbeGateway gateway = new CannedProbeGateway();

    /** A mock gateway that gets every probe but the plain reply wrong: each failed cell is a line of its own. */
    @Test
    void aMatrixRedNamesEachFailedCellInWordsAndHasNoJavaInIt() {
        gateway.system = completion(MODEL, "OK", "stop", true);
        gateway.limited = completion(MODEL, "1 2 3 4 5 6 7 8 9 10", "stop", true);
        gateway.jsonMode = completion(MODEL, "Sure! {\"answer\": \"OK\"}", "stop", true);
        gateway.plain = completion("gpt-4o-mini", "OK", "stop", false);
        gateway.streamStatus = 401;
        List<Cell> cells = new CapabilityProbe(gateway.rendering(), gateway::send, gateway::stream).probe(MODEL, PLUGIN, true, 1);

        ContractViolation red = assertThrows(ContractViolation.class, () -> MatrixVerdict.of(MODEL, cells).check());

        String message = red.getMessage();
        assertThat(message, javaIn(message), is(""));
        assertThat(message, allOf(containsString(MODEL + " through the " + PLUGIN + ": 6 capability checks failed.\n"),
                containsString("\n- " + MODEL + " through the " + PLUGIN
                        + ", system message: fail. asked for PONG by the system message, replied \"OK\", not only PONG. "
                        + "What the Coze builder sees: replies that ignore the system prompt the builder wrote"),
                containsString("\n- " + MODEL + " through the " + PLUGIN
                        + ", max_tokens limit: fail. max_tokens 1 gave finish_reason 'stop'. What the Coze builder sees: "),
                containsString("\n- " + MODEL + " through the " + PLUGIN + ", streaming: fail. HTTP 401 — HTTP 401 (text/event-stream), 14 lines: "),
                containsString("What the Coze builder sees: nothing; neither Coze route streams"),
                containsString(
                        "\n- " + MODEL + " through the " + PLUGIN + ", JSON mode: fail. content Sure! {\"answer\": \"OK\"}. What the Coze builder sees: "),
                containsString("\n- " + MODEL + " through the " + PLUGIN + ", reply names the model: fail."),
                containsString("\n- " + MODEL + " through the " + PLUGIN + ", usage: fail. no usage in the reply."),
                containsString("The model answers, so it has not gone")));
        assertThat(red.cozeShows(), equalTo(Optional.of("a reply whose model field names another model than the one set (inferred: it may come from that "
                + "model).")));
        assertThat("no cell passed is listed", message.contains("plain reply:"), is(false));
    }

    /** A probe that got no answer speaks in its own words and the row that applies; nothing is guessed for the builder. */
    @Test
    void aCellThatFailedWithoutAnAnswerKeepsItsOwnWordsAndRow() {
        Cell noAnswer = Cell.failedWithoutAnswer(MODEL, PLUGIN, Capability.PLAIN_REPLY, "Crazyrouter gave no HTTP answer to POST http://127.0.0.1:1/v1/chat"
                + "/completions: connection refused\nCheck the base URL.", Optional.of(CommonError.INTERMITTENT));
        List<Cell> cells = new ArrayList<>(List.of(noAnswer));
        cells.add(Cell.notChecked(MODEL, PLUGIN, Capability.NAMES_MODEL, "not checked: the plain reply probe failed without an answer to judge"));

        ContractViolation red = assertThrows(ContractViolation.class, () -> MatrixVerdict.of(MODEL, cells).check());

        assertThat(red.getMessage(), javaIn(red.getMessage()), is(""));
        assertThat(red.getMessage(), containsString("\n- " + MODEL + " through the " + PLUGIN + ", plain reply: fail. Crazyrouter gave no HTTP answer to POST "
                + "http://127.0.0.1:1/v1/chat/completions: connection refused Check the base URL.\n"));
        assertThat(red.row(), equalTo(Optional.<GuideLine>of(CommonError.INTERMITTENT)));
        assertThat(red.cozeShows(), equalTo(Optional.empty()));
    }

    @Test
    void aRowWithoutAFailedCellPasses() {
        List<Cell> cells = new CapabilityProbe(gateway.rendering(), gateway::send, gateway::stream).probe(MODEL, PLUGIN, false, 1);

        assertDoesNotThrow(() -> MatrixVerdict.of(MODEL, cells).check());
    }

    @Test
    void aRowWhereOnlyStreamingFailsSaysTheCozeSetupNeedsNoChange() {
        gateway.streamStatus = 401;
        List<Cell> cells = new CapabilityProbe(gateway.rendering(), gateway::send, gateway::stream).probe(MODEL, PLUGIN, true, 1);

        ContractViolation red = assertThrows(ContractViolation.class, () -> MatrixVerdict.of(MODEL, cells).check());

        assertThat(red.getMessage(), allOf(containsString("1 capability check failed."), containsString("\nOnly streaming fails, which no Coze route uses: "
                + "nothing in the Coze setup needs to change.")));
        assertThat(red.getMessage(), javaIn(red.getMessage()), is(""));
    }

    /** Should a cell or a verdict reach a message through string concatenation, it reads as words there too. */
    @Test
    void aCellOrVerdictShownByAccidentReadsAsWords() {
        Cell failed = new Cell(MODEL, PLUGIN, Capability.USAGE, Cell.Verdict.FAIL, "no usage in the reply", Optional.empty(), 0);

        assertThat(String.valueOf(List.of(failed)), equalTo("[" + MODEL + " through the " + PLUGIN + ", usage: fail. no usage in the reply.]"));
        assertThat(MatrixVerdict.of(MODEL, List.of(failed)).toString(), allOf(containsString("1 capability check failed."), containsString("usage: fail.")));
    }

    private static String javaIn(String message) {
        var found = JAVA.matcher(message);
        return found.find() ? "Java in a reader's message: " + found.group() : "";
    }
}
