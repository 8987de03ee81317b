package com.crazyrouter.coze.setup;

import com.crazyrouter.coze.config.ModelTable;
import com.crazyrouter.coze.guide.ChecklistLine;
import com.crazyrouter.coze.guide.Route;
import com.crazyrouter.coze.route.PluginTool;
import com.crazyrouter.coze.route.WorkflowHttpNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * The guide's Validation Checklist, checked statically against a builder's own setup: no request is sent, no file is
 * written. Each line is PASSED only on evidence in the file, FAILED with what Coze will do and the guide's fix, or
 * NOT_CHECKABLE with the reason (lines 1, 2, 7 and 9 happen in Crazyrouter or Coze, not in a file). The lines a
 * file can show are judged one class each, for both routes: {@link UrlCheck} (3), {@link AuthorizationCheck} (4),
 * {@link ContentTypeCheck} (5), {@link BodyCheck} (6), {@link InputCheck} (8).
 */
public final class SetupCheck {
    private SetupCheck() {
    }

    /** How a line came out. */
    public enum Verdict {
        PASSED("passed"), FAILED("FAILED"), NOT_CHECKABLE("not checkable from the file");

        private final String words;

        Verdict(String words) {
            this.words = words;
        }

        public String words() {
            return words;
        }
    }

    /**
     * One checklist line: what the file shows ({@code finding}), what Coze will do with it ({@code cozeWill}, empty
     * when there is nothing to say) and, for a FAILED line, the fix in the guide's words (for a NOT_CHECKABLE line,
     * how to confirm it by hand).
     */
    public record Line(ChecklistLine line, Verdict verdict, String finding, String cozeWill, String fix) {
    }

    /** The nine checklist lines, in the guide's order, a fixed model judged against the guide's three. */
    public static List<Line> check(BuilderSetup setup) {
        return check(setup, GuideModels.NAMES);
    }

    /** The guide's model ids (its model table), loaded once, when a check needs them. */
    private static final class GuideModels {
        static final List<String> NAMES = ModelTable.load(ModelTable.GUIDE_MODELS).models();
    }

    /**
     * The nine checklist lines, in the guide's order.
     *
     * @param guideModels the model ids a model fixed in the file is compared with (the model table's)
     */
    public static List<Line> check(BuilderSetup setup, Collection<String> guideModels) {
        List<Line> lines = new ArrayList<>();
        lines.add(Problems.notCheckable(ChecklistLine.DEDICATED_TOKEN, "whether the token is a dedicated Coze token is set in Crazyrouter; the file only names "
                + Secrets.API_KEY_PLACEHOLDER + ".",
                "In Crazyrouter, create a token used only by Coze, and allow only gpt-5.4 (and claude-sonnet-4-6) at first."));
        lines.add(Problems.notCheckable(ChecklistLine.ROUTE_CHOSEN, "the file describes a " + setup.route().title() + "; whether that route was chosen first, "
                + "before any custom-model setup, is not in a file.",
                "Start with the API plugin or the workflow HTTP request node, not a custom-model entry."));
        if (setup instanceof BuilderSetup.PluginSetup plugin) {
            PluginTool tool = plugin.tool();
            lines.add(UrlCheck.line(tool.url(), tool.method(), Optional.of(tool)));
            lines.add(AuthorizationCheck.plugin(tool));
            lines.add(ContentTypeCheck.plugin(tool));
            lines.add(BodyCheck.plugin(plugin, guideModels));
            lines.add(standaloneDebugging());
            lines.add(InputCheck.plugin(plugin));
        } else if (setup instanceof BuilderSetup.WorkflowSetup workflow) {
            WorkflowHttpNode node = workflow.node();
            BodyTemplate body = BodyTemplate.of(node.bodyTemplate());
            lines.add(UrlCheck.line(node.url(), node.method(), Optional.empty()));
            lines.add(AuthorizationCheck.workflow(node));
            lines.add(ContentTypeCheck.workflow(node));
            lines.add(BodyCheck.workflow(node, body, guideModels));
            lines.add(standaloneDebugging());
            lines.add(InputCheck.workflow(node, body, workflow.outputs()));
        }
        lines.add(Problems.notCheckable(ChecklistLine.IN_CRAZYROUTER_LOGS, "Crazyrouter's logs are on crazyrouter.com.",
                "After a debug run, find the request (model gpt-5.4, this token) in Crazyrouter's logs."));
        return List.copyOf(lines);
    }

    private static Line standaloneDebugging() {
        return Problems.notCheckable(ChecklistLine.STANDALONE_DEBUGGING, "standalone debugging happens in Coze.",
                "Run the plugin's Debug (or the node's Test run) with the fixed string \"Reply only OK\" and see a chat reply before attaching it.");
    }

    // ---- the report ----------------------------------------------------------------------------------------------

    /** The check of one file, as a Markdown table for the summary and as a plain-text block for the console. */
    public record Report(Path file, Route route, List<String> importNotes, List<Line> lines) {
        public Report {
            importNotes = List.copyOf(importNotes);
            lines = List.copyOf(lines);
        }

        public static Report of(BuilderSetup setup) {
            return of(setup, GuideModels.NAMES);
        }

        public static Report of(BuilderSetup setup, Collection<String> guideModels) {
            List<String> notes = setup instanceof BuilderSetup.PluginSetup plugin ? plugin.importNotes() : List.of();
            return new Report(setup.file(), setup.route(), notes, check(setup, guideModels));
        }

        public boolean anyFailed() {
            return lines.stream().anyMatch(l -> l.verdict() == Verdict.FAILED);
        }

        private String title() {
            long failed = lines.stream().filter(l -> l.verdict() == Verdict.FAILED).count();
            long passed = lines.stream().filter(l -> l.verdict() == Verdict.PASSED).count();
            return "Setup check of " + file + " (" + route.title() + "): " + passed + " passed, " + failed + " failed, "
                    + (lines.size() - passed - failed) + " not checkable from the file. Checked from the file alone; nothing was sent.";
        }

        public String markdown() {
            StringBuilder out = new StringBuilder("### ").append(cell(title())).append("\n\n");
            if (!importNotes.isEmpty()) {
                out.append("What Coze's importer does with it:\n\n");
                importNotes.forEach(note -> out.append("- ").append(cell(note)).append('\n'));
                out.append('\n');
            }
            out.append("| Checklist line | Verdict | Finding | What Coze will do | Fix |\n|---|---|---|---|---|\n");
            for (Line l : lines) {
                out.append("| ").append(cell(l.line().title().replace("Validation Checklist ", ""))).append(" | ")
                        .append(l.verdict() == Verdict.FAILED ? "**FAILED**" : l.verdict().words()).append(" | ").append(cell(l.finding()))
                        .append(" | ").append(cell(l.cozeWill())).append(" | ").append(cell(l.fix())).append(" |\n");
            }
            return out.toString();
        }

        public String plainText() {
            StringBuilder out = new StringBuilder(title()).append('\n');
            importNotes.forEach(note -> out.append("  import: ").append(note).append('\n'));
            for (Line l : lines) {
                out.append(String.format("  [%s] %s%n", l.verdict().words(), l.line().title().replace("Validation Checklist ", "")));
                out.append("      finding: ").append(l.finding()).append('\n');
                if (!l.cozeWill().isEmpty()) {
                    out.append("      Coze will: ").append(l.cozeWill()).append('\n');
                }
                if (!l.fix().isEmpty()) {
                    out.append("      fix: ").append(l.fix()).append('\n');
                }
            }
            return out.toString();
        }

        private static String cell(String text) {
            String one = text == null || text.isBlank() ? "—" : text.replace("\r", "").replace("\n", " ");
            return one.replace("|", "\\|");
        }
    }
}
