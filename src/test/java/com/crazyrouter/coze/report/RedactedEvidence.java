package com.crazyrouter.coze.report;

import com.crazyrouter.coze.text.ShownText;
import com.crazyrouter.coze.transport.GatewayReply;
import com.crazyrouter.coze.transport.OutgoingRequest;
import com.crazyrouter.coze.transport.Redactor;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Puts each request and response into the Allure report, redacted, as Allure's own HTTP attachments show them.
 * The reply's body it is given is already redacted by the client (a gateway may echo a token in an error message, in
 * disguise too: u-escaped, as character references, percent-encoded); its headers and the harness's note on why it
 * stopped reading are redacted here again, cheaply, as what an attachment shows is decoded by a browser. Bodies are
 * cut and escaped only after redaction, so a cut can never leave half a token where the redactor no longer sees it.
 */
public final class RedactedEvidence {
    private final Redactor redactor;

    public RedactedEvidence(Redactor redactor) {
        this.redactor = redactor;
    }

    public void request(OutgoingRequest request) {
        if (!AllureSteps.recorded()) {
            return;
        }
        String url = redactor.redact(request.url().toString());
        Map<String, String> headers = new LinkedHashMap<>();
        request.headers().forEach(h -> headers.put(ShownText.oneLine(h.name()), ShownText.oneLine(redactor.redactHeader(h.name(), h.value()))));
        String body = request.body() == null ? "" : AllureSteps.shown(redactor.redact(request.body()));
        attach("Request " + request.method() + " " + url, HttpAttachmentHtml.request(request.method(), url, headers, body));
    }

    public void response(GatewayReply reply) {
        response(reply, "");
    }

    /** A response, with a first line saying why the harness stopped reading it, when it did. */
    public void response(GatewayReply reply, String stoppedReading) {
        if (!AllureSteps.recorded()) {
            return;
        }
        Map<String, String> headers = new LinkedHashMap<>();
        reply.headers().forEach((name, value) -> headers.put(ShownText.oneLine(name), ShownText.oneLine(redactor.redact(value))));
        String body = stoppedReading.isEmpty() ? reply.body() : "[" + redactor.redact(stoppedReading) + "]\n" + reply.body();
        attach("Response " + reply.status(), HttpAttachmentHtml.response(reply.status(), redactor.redact(reply.request().url().toString()), headers,
                AllureSteps.shown(body)));
    }

    private static void attach(String name, String html) {
        AllureSteps.attachRendered(name, "text/html", ".html", html);
    }
}
