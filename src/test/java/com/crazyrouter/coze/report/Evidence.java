package com.crazyrouter.coze.report;

import com.crazyrouter.coze.coze.setup.SetupCheck;
import com.crazyrouter.coze.models.Cell;
import io.qameta.allure.Allure;
import io.qameta.allure.model.Status;

/**
 * Steps and attachments for the Allure report. When no report is being written for the scenario (the fault
 * catalogue runs the features in-process without Allure's plugin), they are dropped quietly instead of making
 * Allure log an error per call.
 */
public final class Evidence {
    private Evidence() {
    }

    /** True while Allure records a scenario on this thread. */
    public static boolean recorded() {
        return Allure.getLifecycle().getCurrentTestCase().isPresent();
    }

    public static void step(String words) {
        if (recorded()) {
            Allure.step(words);
        }
    }

    public static void step(String words, Status status) {
        if (recorded()) {
            Allure.step(words, status);
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

    public static void attach(String name, String mediaType, String content) {
        if (recorded()) {
            Allure.addAttachment(name, mediaType, content);
        }
    }
}
