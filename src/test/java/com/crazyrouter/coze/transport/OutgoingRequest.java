package com.crazyrouter.coze.transport;

import java.net.URI;
import java.util.List;
import java.util.Optional;

/** One HTTP request exactly as Coze would put it on the wire: method, full URL, headers in order, body text. */
public record OutgoingRequest(String method, URI url, List<Header> headers, String body) {

    public record Header(String name, String value) {
        /** Never the value: it may be a token. */
        @Override
        public String toString() {
            return name + ": [value not shown]";
        }
    }

    /** "crazyrouter-coze-contract/1.0 (preflight)": how the harness names itself, and what each request is for. */
    public static String userAgent(String purpose) {
        return "crazyrouter-coze-contract/1.0 (" + purpose + ")";
    }

    public OutgoingRequest {
        headers = List.copyOf(headers);
    }

    public Optional<String> header(String name) {
        return headers.stream().filter(h -> h.name().equalsIgnoreCase(name)).map(Header::value).findFirst();
    }

    public OutgoingRequest withHeader(String name, String value) {
        List<Header> others = headers.stream().filter(h -> !h.name().equalsIgnoreCase(name)).toList();
        List<Header> all = new java.util.ArrayList<>(others);
        all.add(new Header(name, value));
        return new OutgoingRequest(method, url, all, body);
    }
}
