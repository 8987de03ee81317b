package com.crazyrouter.coze.setup;

import com.crazyrouter.coze.guide.ChecklistLine;
import com.crazyrouter.coze.guide.CommonError;
import com.crazyrouter.coze.route.PluginTool;
import com.crazyrouter.coze.setup.SetupCheck.Line;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Checklist 3, the URL: what Coze calls (for a plugin, the server and tool path joined as text, as Coze joins them),
 * parsed into scheme, host, path and query and judged against https://crazyrouter.com/v1/chat/completions and POST.
 */
final class UrlCheck {
    private static final String GUIDE_URL = PluginTool.guide("").url();
    static final String GUIDE_PATH = "/v1/chat/completions";
    private static final Pattern URL = Pattern.compile("(?i)^(https?)://([^/?#\\s]*)([^?#\\s]*)(\\?[^#\\s]*)?(#\\S*)?$");
    private static final String GUIDE_404 = CommonError.NOT_FOUND_URL.fix();

    private UrlCheck() {
    }

    static Line line(String url, String method, Optional<PluginTool> plugin) {
        ChecklistLine line = ChecklistLine.FULL_URL;
        if (plugin.isEmpty() && url.contains("{{")) {
            return Problems.notCheckable(line, "the URL holds a variable (" + url + "): what Coze calls depends on its value.",
                    "Write the full URL " + GUIDE_URL + " without variables, as the guide does.");
        }
        Problems problems = new Problems();
        String fixUrl = plugin.isPresent()
                ? GUIDE_404 + ": server https://crazyrouter.com and tool path " + GUIDE_PATH + "."
                : GUIDE_404 + ": " + GUIDE_URL + ".";
        Matcher m = URL.matcher(url);
        if (!m.matches() || m.group(2).isEmpty()) {
            problems.add("The URL Coze calls, " + Problems.quoted(url) + ", is not an http(s) URL with a host.", "Coze cannot send the request.", fixUrl);
            return problems.line(line, "", "");
        }
        String host = m.group(2).toLowerCase(Locale.ROOT);
        String path = m.group(3);
        if (m.group(1).equalsIgnoreCase("http")) {
            problems.add("The URL starts with http://, not https://.", "Coze calls http://" + host + path + ". If Crazyrouter redirects that to https:// "
                    + "with a 301 or 302, Coze's Go HTTP client repeats it as a GET without the body, so no chat reply (a guess, " + Problems.NOTHING_SENT
                    + ").",
                    "Use https://: " + fixUrl);
        }
        if (host.equals("www.crazyrouter.com")) {
            problems.add("The host is www.crazyrouter.com, not the guide's crazyrouter.com.", "What www.crazyrouter.com answers is a guess ("
                    + Problems.NOTHING_SENT + "): the web site, or a redirect that Coze's client may turn into a GET without the body.",
                    "Use the host crazyrouter.com: " + fixUrl);
        } else if (!host.equals("crazyrouter.com")) {
            problems.add("The host is " + host + ", not crazyrouter.com.", "Coze sends the request, token included, to " + host + ", not to Crazyrouter.",
                    fixUrl);
        }
        if (!path.equals(GUIDE_PATH)) {
            String server = plugin.map(PluginTool::serverUrl).orElse("");
            String toolPath = plugin.map(PluginTool::path).orElse("");
            String pathNoSlash = path.replaceAll("/+$", "");
            String finding;
            if (pathNoSlash.equals(GUIDE_PATH)) {
                finding = plugin.isPresent() && toolPath.equals("/")
                        ? "The server is the full URL (" + server + ") and the tool path is \"/\". Coze joins server and path as text, with no "
                                + "clean-up, so it calls " + url + " (a trailing slash)."
                        : "The URL ends in a slash: " + url + ".";
            } else if (path.replaceAll("/{2,}", "/").equals(GUIDE_PATH)) {
                finding = plugin.isPresent() && server.endsWith("/") && toolPath.startsWith("/")
                        ? "The server ends in \"/\" (" + server + ") and the tool path starts with \"/\" (" + toolPath + "). Coze joins them as text, "
                                + "so it calls " + url + " (with \"//\")."
                        : "The URL has \"//\" in its path: " + url + ".";
            } else {
                finding = (plugin.isPresent()
                        ? "Server " + server + " + tool path " + toolPath + " (Coze joins them as text) is " + url
                        : "The URL is " + url) + ": "
                        + (path.contains("/chat/completions") || path.isEmpty() || path.equals("/")
                                ? "its path is " + Problems.quoted(path) + ", not " + GUIDE_PATH + "."
                                : "it is missing " + GUIDE_PATH + ".");
            }
            problems.add(finding, "Coze sends the request to " + url + ", which is not the guide's URL. " + wrongPathAnswer(path, plugin.isPresent()), fixUrl);
        }
        if (m.group(4) != null && m.group(4).length() > 1) {
            problems.note("The URL adds a query (" + m.group(4) + "), which the guide's URL does not have.");
        }
        if (!method.equalsIgnoreCase("POST")) {
            problems.add("The method is " + method + ", not POST.", "Coze sends a " + method + "; Crazyrouter's chat endpoint takes POST (the guide's "
                    + "Step 3: Method POST), so no chat reply.", "Set the method to POST.");
        }
        String passed = plugin.map(t -> "Server " + t.serverUrl() + " + tool path " + t.path() + " = " + url
                + ": exactly the guide's URL (Coze joins the two as text), method POST.").orElse("The URL is exactly the guide's, " + url + ", method POST.");
        return problems.line(line, passed, "Coze sends POST " + url + ".");
    }

    /** What new-api (gin v1.9.1, read in code: docs/GATEWAY.md, "Paths Coze can produce") answers a path that is not the guide's. */
    private static String wrongPathAnswer(String path, boolean plugin) {
        if (path.replaceAll("/+$", "").equals(GUIDE_PATH) && path.endsWith("/")) {
            return "Crazyrouter answers it with a 307 redirect to " + GUIDE_PATH + (plugin
                    ? ", which the plugin follows with the same request, so it works — through a redirect, and only while Crazyrouter keeps it."
                    : ", which the workflow node does not follow: the node succeeds with statusCode 307 and an empty body, and the next node gets no reply.");
        }
        if (path.startsWith("//")) {
            return "Crazyrouter answers a path that starts with // with its web page (status 200, HTML), not a chat reply.";
        }
        return "Crazyrouter answers a wrong path under /v1 with a 404 (Invalid URL) and any other path with its web page (status 200, HTML), "
                + "not a chat reply.";
    }
}
