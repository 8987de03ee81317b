package com.crazyrouter.coze.report;

import com.crazyrouter.coze.run.ScenarioGrouping;
import com.crazyrouter.coze.transport.Evidence;
import com.crazyrouter.coze.transport.GatewayReply;
import com.crazyrouter.coze.transport.OutgoingRequest;
import com.crazyrouter.coze.transport.Redactor;

/**
 * The Allure report as the client and the Coze node see it: steps, attachments, redacted exchanges, and the groups a
 * scenario is filed under. Found through META-INF/services, so the layers below never import the report.
 */
public final class AllureEvidence implements Evidence, ScenarioGrouping {

    @Override
    public void step(String words) {
        AllureSteps.step(words);
    }

    @Override
    public void attach(String name, String mediaType, String content) {
        AllureSteps.attach(name, mediaType, content);
    }

    @Override
    public void request(OutgoingRequest request, Redactor redactor) {
        new RedactedEvidence(redactor).request(request);
    }

    @Override
    public void response(GatewayReply reply, String stoppedReading, Redactor redactor) {
        new RedactedEvidence(redactor).response(reply, stoppedReading);
    }

    @Override
    public void group(String route, String model, String guideLine, String target) {
        AllureLabels.apply(route, model, guideLine, target);
    }
}
