package com.crazyrouter.coze.report;

import com.crazyrouter.coze.models.Cell;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.commonmark.Extension;
import org.commonmark.ext.gfm.tables.TableBlock;
import org.commonmark.ext.gfm.tables.TableCell;
import org.commonmark.ext.gfm.tables.TableHead;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.Node;
import org.commonmark.node.Paragraph;
import org.commonmark.node.StrongEmphasis;
import org.commonmark.node.Text;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.AttributeProvider;
import org.commonmark.renderer.html.HtmlRenderer;

/**
 * The summary's Markdown as one page for a browser, read offline and printed: styles inline, no script, nothing
 * fetched. The verdict line is coloured green or red, the capability matrix's cells by verdict, the model × route
 * table's failed column when it is not 0; the words stay, so the page reads the same in black and white.
 */
final class SummaryHtml {
    private static final String STYLE = "body{font-family:system-ui,sans-serif;margin:2em;max-width:80em;color:#111}"
            + "table{border-collapse:collapse;margin:1em 0}td,th{border:1px solid #bbb;padding:.3em .6em;text-align:left}th{background:#f3f3f3}"
            + "blockquote{margin:.5em 0;padding:.3em 1em;border-left:4px solid #d33;background:#fdf3f3;white-space:pre-wrap}"
            + ".verdict-green{background:#e3f4e6;border-left:6px solid #2e7d32;padding:.4em .8em}"
            + ".verdict-red{background:#fbe3e3;border-left:6px solid #c62828;padding:.4em .8em}"
            + "td.pass{background:#e3f4e6}td.fail{background:#fbd5d5;font-weight:bold}td.not-supported{background:#eeeeee}"
            + "td.not-probed,td.not-checked{background:#fff3cd}"
            + "@media print{body{margin:0;max-width:none;font-size:10pt}*{-webkit-print-color-adjust:exact;print-color-adjust:exact}"
            + "table{page-break-inside:auto}tr{page-break-inside:avoid}a{color:inherit;text-decoration:none}h2{page-break-after:avoid}}";
    /** The model × route table's header, by its third column; the capability matrix's, by its capabilities. */
    private static final String PASSED_COLUMN = "capabilities passed";
    private static final String FAILED_COLUMN = "failed";
    private static final List<String> VERDICTS = Arrays.stream(Cell.Verdict.values()).map(Cell.Verdict::words).toList();

    private SummaryHtml() {
    }

    static String of(String markdown) {
        List<Extension> tables = List.of(TablesExtension.create());
        Node document = Parser.builder().extensions(tables).build().parse(markdown);
        return "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Crazyrouter contract — summary</title>"
                + "<style>" + STYLE + "</style></head><body>\n"
                + HtmlRenderer.builder().extensions(tables).escapeHtml(true).attributeProviderFactory(context -> new Colours()).build().render(document)
                + "</body></html>\n";
    }

    /** Classes by verdict: the verdict line's paragraph, a matrix cell, the failed column. */
    private static final class Colours implements AttributeProvider {
        @Override
        public void setAttributes(Node node, String tagName, Map<String, String> attributes) {
            if (node instanceof Paragraph paragraph && paragraph.getFirstChild() instanceof StrongEmphasis strong) {
                String words = text(strong);
                if (words.startsWith("Verdict: ")) {
                    attributes.put("class", "verdict-" + words.substring("Verdict: ".length()).strip());
                }
            }
            if (node instanceof TableCell cell && !cell.isHeader()) {
                classOf(cell).ifPresent(c -> attributes.put("class", c));
            }
        }

        private static Optional<String> classOf(TableCell cell) {
            List<String> header = header(cell);
            int column = column(cell);
            String words = text(cell).strip();
            if (header.size() > 2 && header.get(2).equals(PASSED_COLUMN)) {
                return column < header.size() && header.get(column).equals(FAILED_COLUMN) && !words.equals("0") ? Optional.of("fail") : Optional.empty();
            }
            boolean matrix = header.size() > 2 && header.get(0).equals("model") && header.get(1).equals("route");
            return matrix && column >= 2 && VERDICTS.contains(words) ? Optional.of(words.toLowerCase(Locale.ROOT).replace(' ', '-')) : Optional.empty();
        }

        private static int column(TableCell cell) {
            int column = 0;
            for (Node sibling = cell.getPrevious(); sibling != null; sibling = sibling.getPrevious()) {
                column++;
            }
            return column;
        }

        private static List<String> header(TableCell cell) {
            Node table = cell;
            while (table != null && !(table instanceof TableBlock)) {
                table = table.getParent();
            }
            List<String> header = new ArrayList<>();
            if (table != null && table.getFirstChild() instanceof TableHead head && head.getFirstChild() != null) {
                for (Node th = head.getFirstChild().getFirstChild(); th != null; th = th.getNext()) {
                    header.add(text(th).strip());
                }
            }
            return header;
        }
    }

    private static String text(Node node) {
        StringBuilder text = new StringBuilder();
        node.accept(new AbstractVisitor() {
            @Override
            public void visit(Text t) {
                text.append(t.getLiteral());
            }
        });
        return text.toString();
    }
}
