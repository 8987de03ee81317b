package com.crazyrouter.coze.transport;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * A request as it was put on the wire, in a form that can be compared and shown in a failure: the Authorization
 * value appears redacted, and a digest of it tells a byte-for-byte difference without showing the token.
 */
public record WireRequest(String method, String path, String authorization, String authorizationDigest, String contentType, String body) {

    public static WireRequest of(OutgoingRequest sent, Redactor redactor) {
        String authorization = sent.header("Authorization").orElse(null);
        return new WireRequest(sent.method(), sent.url().getRawPath(), redactor.redactHeader("Authorization", authorization),
                digest(authorization), sent.header("Content-Type").orElse(null), sent.body());
    }

    /** As the stub gateway's request log holds it: method, path with query, headers (null when absent) and body. */
    public static WireRequest arrived(String method, String url, String authorization, String contentType, String body, Redactor redactor) {
        return new WireRequest(method, url, redactor.redactHeader("Authorization", authorization), digest(authorization), contentType, body);
    }

    private static String digest(String value) {
        if (value == null) {
            return "(absent)";
        }
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
            return "sha256:" + HexFormat.of().formatHex(hash, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
