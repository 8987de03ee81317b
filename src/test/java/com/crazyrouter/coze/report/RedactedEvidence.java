package com.crazyrouter.coze.report;

import com.crazyrouter.coze.gateway.GatewayReply;
import com.crazyrouter.coze.gateway.OutgoingRequest;
import com.crazyrouter.coze.gateway.Redactor;
import io.qameta.allure.attachment.AttachmentContent;
import io.qameta.allure.attachment.AttachmentData;
import io.qameta.allure.attachment.FreemarkerAttachmentRenderer;
import io.qameta.allure.attachment.http.HttpRequestAttachment;
import io.qameta.allure.attachment.http.HttpResponseAttachment;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Puts each request and response into the Allure report, redacted, with Allure's own HTTP attachment templates.
 * The reply it is given is already redacted by the client (a gateway may echo a token in an error message). Bodies are
 * cut and escaped only after redaction, so a cut can never leave half a token where the redactor no longer sees it.
 */
public final class RedactedEvidence {
    private final Redactor redactor;
    private final FreemarkerAttachmentRenderer requestTemplate = new FreemarkerAttachmentRenderer("http-request.ftl");
    private final FreemarkerAttachmentRenderer responseTemplate = new FreemarkerAttachmentRenderer("http-response.ftl");

    public RedactedEvidence(Redactor redactor) {
        this.redactor = redactor;
    }

    public void request(OutgoingRequest request) {
        if (!Evidence.recorded()) {
            return;
        }
        String url = redactor.redact(request.url().toString());
        Map<String, String> headers = new LinkedHashMap<>();
        request.headers().forEach(h -> headers.put(ShownText.oneLine(h.name()), ShownText.oneLine(redactor.redactHeader(h.name(), h.value()))));
        String body = request.body() == null ? "" : Evidence.shown(redactor.redact(request.body()));
        attach(HttpRequestAttachment.Builder.create("Request " + request.method() + " " + url, url)
                .setMethod(request.method()).setHeaders(headers).setBody(body).build(), requestTemplate);
    }

    public void response(GatewayReply reply) {
        response(reply, "");
    }

    /** A response, with a first line saying why the harness stopped reading it, when it did. */
    public void response(GatewayReply reply, String stoppedReading) {
        if (!Evidence.recorded()) {
            return;
        }
        Map<String, String> headers = new LinkedHashMap<>();
        reply.headers().forEach((name, value) -> headers.put(ShownText.oneLine(name), ShownText.oneLine(value)));
        String body = stoppedReading.isEmpty() ? reply.body() : "[" + stoppedReading + "]\n" + reply.body();
        attach(HttpResponseAttachment.Builder.create("Response " + reply.status())
                .setUrl(redactor.redact(reply.request().url().toString())).setResponseCode(reply.status()).setHeaders(headers)
                .setBody(Evidence.shown(body)).build(), responseTemplate);
    }

    private static void attach(AttachmentData data, FreemarkerAttachmentRenderer template) {
        AttachmentContent content = template.render(data);
        Evidence.attachRendered(data.getName(), content.getContentType(), content.getFileExtension(), content.getContent());
    }
}
