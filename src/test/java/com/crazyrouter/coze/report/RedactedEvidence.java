package com.crazyrouter.coze.report;

import com.crazyrouter.coze.gateway.Redactor;
import io.qameta.allure.attachment.DefaultAttachmentProcessor;
import io.qameta.allure.attachment.FreemarkerAttachmentRenderer;
import io.qameta.allure.attachment.http.HttpRequestAttachment;
import io.qameta.allure.attachment.http.HttpResponseAttachment;
import io.restassured.builder.ResponseBuilder;
import io.restassured.filter.FilterContext;
import io.restassured.filter.OrderedFilter;
import io.restassured.http.Header;
import io.restassured.response.Response;
import io.restassured.specification.FilterableRequestSpecification;
import io.restassured.specification.FilterableResponseSpecification;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The REST Assured filter that puts each request and response into the Allure report, redacted, using
 * Allure's own HTTP attachment templates. It sits closest to the network, so it also hands the rest of the
 * harness a response whose body is already redacted (a gateway may echo a token in an error message).
 * Allure's AllureRestAssured is not used: it attaches the raw response body.
 */
public final class RedactedEvidence implements OrderedFilter {
    private final Redactor redactor;
    private final DefaultAttachmentProcessor attachments = new DefaultAttachmentProcessor();

    public RedactedEvidence(Redactor redactor) {
        this.redactor = redactor;
    }

    @Override
    public Response filter(FilterableRequestSpecification request, FilterableResponseSpecification responseSpec, FilterContext ctx) {
        String url = redactor.redact(request.getURI());
        Map<String, String> requestHeaders = new LinkedHashMap<>();
        for (Header h : request.getHeaders()) {
            requestHeaders.put(h.getName(), redactor.redactHeader(h.getName(), h.getValue()));
        }
        Object body = request.getBody();
        String requestBody = body == null ? "" : redactor.redact(body instanceof byte[] bytes ? new String(bytes, java.nio.charset.StandardCharsets.UTF_8) : body.toString());
        boolean recorded = Evidence.recorded();
        if (recorded) {
            attachments.addAttachment(HttpRequestAttachment.Builder.create("Request " + request.getMethod() + " " + url, url)
                    .setMethod(request.getMethod()).setHeaders(requestHeaders).setBody(requestBody).build(),
                    new FreemarkerAttachmentRenderer("http-request.ftl"));
        }

        Response response = ctx.next(request, responseSpec);

        String responseBody = redactor.redact(response.asString());
        Map<String, String> responseHeaders = new LinkedHashMap<>();
        for (Header h : response.getHeaders()) {
            responseHeaders.put(h.getName(), redactor.redactHeader(h.getName(), h.getValue()));
        }
        if (recorded) {
            attachments.addAttachment(HttpResponseAttachment.Builder.create("Response " + response.getStatusCode())
                    .setUrl(url).setResponseCode(response.getStatusCode()).setHeaders(responseHeaders).setBody(responseBody).build(),
                    new FreemarkerAttachmentRenderer("http-response.ftl"));
        }
        return new ResponseBuilder().clone(response).setBody(responseBody).build();
    }

    @Override
    public int getOrder() {
        return Integer.MAX_VALUE;
    }
}
