package com.crazyrouter.coze.transport;

import com.crazyrouter.coze.text.Amounts;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * When and how Go's transport decodes a reply for Coze: when it asked for gzip itself (the route's
 * {@code Accept-Encoding: gzip}) and the reply says {@code Content-Encoding: gzip}; it then hands on the decoded body
 * without the Content-Encoding and Content-Length headers (net/http transport with DisableCompression unset, as both
 * routes' clients are: inferred from Go's documented behaviour, docs/COZE.md §3.1).
 */
final class GoDecoding {
    private GoDecoding() {
    }

    static boolean decodes(OutgoingRequest request, Map<String, String> replyHeaders) {
        boolean asked = request.header("Accept-Encoding").filter(value -> value.equalsIgnoreCase("gzip")).isPresent();
        boolean gzip = replyHeaders.entrySet().stream()
                .anyMatch(e -> e.getKey().equalsIgnoreCase("Content-Encoding") && e.getValue().strip().equalsIgnoreCase("gzip"));
        return asked && gzip;
    }

    /**
     * The reply decoded, within the body cap applied to the decoded bytes too (the bytes that arrived were capped while
     * reading them): a gzip bomb stops at the cap. A body Go cannot decode fails as reading it fails in Coze, on either
     * route, whatever the status.
     */
    static GatewayReply decoded(GatewayReply compressed, byte[] bytes, String where, long maxBody, Redactor redactor) {
        try {
            byte[] plain = GzipBody.decode(bytes, maxBody);
            Evidence.SHOWN.step("Crazyrouter's reply came gzip-compressed (" + Amounts.count(bytes.length) + " bytes, " + Amounts.count(plain.length)
                    + " decoded): Coze's Go client asks for gzip and decodes it, and so does the harness");
            Map<String, String> headers = new LinkedHashMap<>(compressed.headers());
            headers.keySet().removeIf(name -> name.equalsIgnoreCase("Content-Encoding") || name.equalsIgnoreCase("Content-Length"));
            return new GatewayReply(compressed.request(), compressed.status(), headers, redactor.redact(new String(plain, StandardCharsets.UTF_8)),
                    compressed.firstByte(), compressed.elapsed());
        } catch (GzipBody.TooLarge beyond) {
            AnswerBeyondLimits why = AnswerBeyondLimits.decodedTooLarge(where, compressed.status(), maxBody, bytes.length);
            Evidence.SHOWN.response(compressed, why.getMessage(), redactor);
            throw why;
        } catch (GzipBody.Broken broken) {
            Evidence.SHOWN.response(compressed, "the body says Content-Encoding: gzip but does not decode: " + broken.getMessage(), redactor);
            throw new UndecodableBody(compressed, where, broken.getMessage());
        }
    }
}
