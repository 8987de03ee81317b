package com.crazyrouter.coze.setup;

import com.crazyrouter.coze.guide.ChecklistLine;
import com.crazyrouter.coze.setup.SetupCheck.Line;
import com.crazyrouter.coze.setup.SetupCheck.Verdict;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;

/**
 * The problems found on one checklist line, and notes that go with the finding either way; with no problem the line
 * passes. Also the wording every line shares: a line not checkable from the file, a quoted value.
 */
final class Problems {
    static final String NOTHING_SENT = "not checked against Crazyrouter: this check sends nothing";

    private final List<String> findings = new ArrayList<>();
    private final List<String> cozeWill = new ArrayList<>();
    private final LinkedHashSet<String> fixes = new LinkedHashSet<>();
    private final List<String> notes = new ArrayList<>();

    void add(String finding, String will, String fix) {
        findings.add(finding);
        cozeWill.add(will);
        fixes.add(fix);
    }

    void note(String note) {
        notes.add(note);
    }

    boolean hasNotes() {
        return !notes.isEmpty();
    }

    boolean isEmpty() {
        return findings.isEmpty();
    }

    Line line(ChecklistLine line, String passedFinding, String passedCozeWill) {
        String withNotes = notes.isEmpty() ? "" : " " + String.join(" ", notes);
        if (findings.isEmpty()) {
            return new Line(line, Verdict.PASSED, (passedFinding + withNotes).strip(), passedCozeWill, "");
        }
        return new Line(line, Verdict.FAILED, (String.join(" ", findings) + withNotes).strip(), String.join(" ", cozeWill), String.join(" ", fixes));
    }

    static Line notCheckable(ChecklistLine line, String reason, String toConfirm) {
        return new Line(line, Verdict.NOT_CHECKABLE, "Not checkable from the file: " + reason, "",
                "To confirm: " + Character.toLowerCase(toConfirm.charAt(0)) + toConfirm.substring(1));
    }

    static String quoted(String text) {
        return "\"" + text + "\"";
    }
}
