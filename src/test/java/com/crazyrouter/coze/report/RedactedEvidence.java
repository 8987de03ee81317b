package com.crazyrouter.coze.report;

import com.crazyrouter.coze.gateway.GatewayReply;
import com.crazyrouter.coze.gateway.OutgoingRequest;
import com.crazyrouter.coze.gateway.Redactor;
import io.qameta.allure.attachment.DefaultAttachmentProcessor;
import io.qameta.allure.attachment.FreemarkerAttachmentRenderer;
import io.qameta.allure.attachment.http.HttpRequestAttachment;
import io.qameta.allure.attachment.http.HttpResponseAttachment;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Puts each request and response into the Allure report, redacted, with Allure's own HTTP attachment templates.
 * The reply it is given is already redacted by the client (a gateway may echo a token in an error message).
 */
public final class RedactedEvidence {
    private final Redactor redactor;
    private final DefaultAttachmentProcessor attachments = new DefaultAttachmentProcessor();

    public RedactedEvidence(Redactor redactor) {
        this.redactor = redactor;
    }

    public void request(OutgoingRequest request) {
        if (!Evidence.recorded()) {
            return;
        }
        String url = redactor.redact(request.url().toString());
        Map<String, String> headers = new LinkedHashMap<>();
        request.headers().forEach(h -> headers.put(h.name(), redactor.redactHeader(h.name(), h.value())));
        attachments.addAttachment(HttpRequestAttachment.Builder.create("Request " + request.method() + " " + url, url)
                .setMethod(request.method()).setHeaders(headers).setBody(request.body() == null ? "" : redactor.redact(request.body())).build(),
                new FreemarkerAttachmentRenderer("http-request.ftl"));
    }

    public void response(GatewayReply reply) {
        if (!Evidence.recorded()) {
            return;
        }
        attachments.addAttachment(HttpResponseAttachment.Builder.create("Response " + reply.status())
                .setUrl(redactor.redact(reply.request().url().toString())).setResponseCode(reply.status()).setHeaders(reply.headers())
                .setBody(reply.body()).build(), new FreemarkerAttachmentRenderer("http-response.ftl"));
    }
}
