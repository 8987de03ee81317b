package com.crazyrouter.coze.route;

import java.util.Map;

/** Go's status text, as Coze's error messages print it ("401 Unauthorized"). */
final class StatusText {
    private static final Map<Integer, String> TEXT = Map.ofEntries(Map.entry(200, "OK"), Map.entry(301, "Moved Permanently"),
            Map.entry(302, "Found"), Map.entry(307, "Temporary Redirect"), Map.entry(308, "Permanent Redirect"), Map.entry(400, "Bad Request"),
            Map.entry(401, "Unauthorized"), Map.entry(403, "Forbidden"), Map.entry(404, "Not Found"), Map.entry(405, "Method Not Allowed"),
            Map.entry(413, "Request Entity Too Large"), Map.entry(429, "Too Many Requests"), Map.entry(500, "Internal Server Error"),
            Map.entry(502, "Bad Gateway"), Map.entry(503, "Service Unavailable"), Map.entry(504, "Gateway Timeout"));

    private StatusText() {
    }

    static String of(int status) {
        return status + (TEXT.containsKey(status) ? " " + TEXT.get(status) : "");
    }
}
