package com.crazyrouter.coze.route;

import com.crazyrouter.coze.transport.OutgoingRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

/** What Go's net/http (under both Coze routes) does with the headers a builder typed. */
final class HeaderRules {
    private HeaderRules() {
    }

    /**
     * Go's transport refuses a header value with a control character such as a pasted line break: nothing is sent.
     * {@code shownAs} puts Go's error into the route's own failure text.
     */
    static void refuseControlCharacters(List<OutgoingRequest.Header> headers, UnaryOperator<String> shownAs) {
        for (OutgoingRequest.Header header : headers) {
            if (header.value().chars().anyMatch(c -> (c < 0x20 && c != '\t') || c == 0x7f)) {
                throw new CozeRefusedToSend(shownAs.apply("net/http: invalid header field value for \"" + header.name() + "\""));
            }
        }
    }

    /** Header.Set: replaces any value under that name (names compare without case). */
    static List<OutgoingRequest.Header> set(List<OutgoingRequest.Header> headers, String name, String value) {
        List<OutgoingRequest.Header> out = new ArrayList<>(headers.stream().filter(h -> !h.name().equalsIgnoreCase(name)).toList());
        out.add(new OutgoingRequest.Header(name, value));
        return out;
    }

    static boolean has(List<OutgoingRequest.Header> headers, String name) {
        return headers.stream().anyMatch(h -> h.name().equalsIgnoreCase(name));
    }
}
