package com.crazyrouter.coze.coze;

import com.crazyrouter.coze.gateway.OutgoingRequest;
import java.util.ArrayList;
import java.util.List;

/** What Go's net/http (under both Coze routes) does with the headers a builder typed. */
final class HeaderRules {
    private HeaderRules() {
    }

    /** Go's transport refuses a header value with a control character such as a pasted line break: nothing is sent. */
    static void refuseControlCharacters(List<OutgoingRequest.Header> headers, String url) {
        for (OutgoingRequest.Header header : headers) {
            if (header.value().chars().anyMatch(c -> (c < 0x20 && c != '\t') || c == 0x7f)) {
                throw new CozeRefusedToSend("Post \"" + url + "\": net/http: invalid header field value for \"" + header.name()
                        + "\" (it contains a line break or another control character, e.g. from copy-paste)");
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
