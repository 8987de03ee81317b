package com.crazyrouter.coze.report;

import com.crazyrouter.coze.models.Cell;
import com.crazyrouter.coze.setup.SetupCheck;
import com.crazyrouter.coze.text.ShownText;
import io.qameta.allure.Allure;
import io.qameta.allure.model.Status;
import java.nio.charset.StandardCharsets;

/**
 * Steps and attachments for the Allure report. When no report is being written for the scenario (the fault
 * catalogue runs the features in-process without Allure's plugin), they are dropped quietly instead of making
 * Allure log an error per call. What they show of a gateway's text is escaped and bounded ({@link AttachmentAllowance}:
 * one per JVM, and a `mvn verify` has one run per JVM).
 */
public final class AllureSteps {
    private static final AttachmentAllowance ALLOWANCE = AttachmentAllowance.standard();

    private AllureSteps() {
    }

    /** True while Allure records a scenario on this thread. */
    public static boolean recorded() {
        return Allure.getLifecycle().getCurrentTestCase().isPresent();
    }

    public static void step(String words) {
        if (recorded()) {
            Allure.step(ShownText.escaped(words));
        }
    }

    public static void step(String words, Status status) {
        if (recorded()) {
            Allure.step(ShownText.escaped(words), status);
        }
    }

    /** A model-matrix cell as a step of its own, passed, failed or skipped (an extra latency sample is not shown). */
    public static void step(Cell cell) {
        Status status = switch (cell.verdict()) {
            case PASS -> Status.PASSED;
            case FAIL -> Status.FAILED;
            case LATENCY_SAMPLE -> null;
            default -> Status.SKIPPED;
        };
        if (status != null) {
            step(cell.words(), status);
        }
    }

    /** A line of a setup check as a step: passed, failed, or skipped when the file cannot show it. */
    public static void step(SetupCheck.Line line) {
        Status status = switch (line.verdict()) {
            case PASSED -> Status.PASSED;
            case FAILED -> Status.FAILED;
            default -> Status.SKIPPED;
        };
        step(line.line().title() + ": " + line.verdict().words() + " — " + line.finding(), status);
    }

    /** A text attachment, escaped and cut at the size of one attachment. */
    public static void attach(String name, String mediaType, String content) {
        if (recorded()) {
            String shown = ALLOWANCE.shown(content);
            if (ALLOWANCE.admits(shown.getBytes(StandardCharsets.UTF_8).length)) {
                Allure.addAttachment(name, mediaType, shown);
            } else {
                Allure.addAttachment(name, "text/plain", ALLOWANCE.note());
            }
        }
    }

    /** The text of one attachment as {@link #attach} would show it: for a rendered attachment whose parts are shown separately. */
    static String shown(String content) {
        return ALLOWANCE.shown(content);
    }

    /** An attachment already rendered (an HTTP exchange in Allure's template), counted against the run's allowance. */
    static void attachRendered(String name, String mediaType, String fileExtension, String rendered) {
        byte[] bytes = rendered.getBytes(StandardCharsets.UTF_8);
        if (ALLOWANCE.admits(bytes.length)) {
            Allure.getLifecycle().addAttachment(name, mediaType, fileExtension, bytes);
        } else {
            Allure.addAttachment(name, "text/plain", ALLOWANCE.note());
        }
    }
}
