package com.crazyrouter.coze.report;

import java.util.Map;

/**
 * A request or a response as the HTML of Allure's own HTTP attachment templates (allure-attachments' http-request.ftl
 * and http-response.ftl: the first line, the body, the headers), written directly: rendering them with Freemarker cost
 * the contract run 0.4 s of its 4.4 s for a few hundred small attachments.
 */
final class HttpAttachmentHtml {
    private HttpAttachmentHtml() {
    }

    static String request(String method, String url, Map<String, String> headers, String body) {
        return page("<div>" + escaped(method) + " to " + escaped(url) + "</div>\n", headers, body);
    }

    static String response(int status, String url, Map<String, String> headers, String body) {
        return page("<div>Status code " + status + " </div>\n<div>" + escaped(url) + "</div>\n", headers, body);
    }

    private static String page(String firstLines, Map<String, String> headers, String body) {
        StringBuilder html = new StringBuilder(firstLines);
        html.append("\n<h4>Body</h4>\n<div>\n<pre class=\"preformated-text\">").append(escaped(body)).append("</pre>\n</div>\n");
        if (!headers.isEmpty()) {
            html.append("\n<h4>Headers</h4>\n<div>\n");
            headers.forEach((name, value) -> html.append("<div>").append(escaped(name)).append(": ").append(escaped(value)).append("</div>\n"));
            html.append("</div>\n");
        }
        return html.toString();
    }

    /** As Freemarker's HTML output format escapes: the five characters that could open markup. */
    static String escaped(String text) {
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
