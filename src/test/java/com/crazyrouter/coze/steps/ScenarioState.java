package com.crazyrouter.coze.steps;

import com.crazyrouter.coze.Harness;
import com.crazyrouter.coze.config.Secret;
import com.crazyrouter.coze.config.TokenKind;
import com.crazyrouter.coze.coze.CozeHttpSetup;
import com.crazyrouter.coze.coze.CozeRefusedToSend;
import com.crazyrouter.coze.coze.InputPlacement;
import com.crazyrouter.coze.gateway.Attempt;
import com.crazyrouter.coze.gateway.GatewayReply;
import com.crazyrouter.coze.gateway.OutgoingRequest;
import com.crazyrouter.coze.gateway.StreamedReply;
import com.crazyrouter.coze.gateway.TokenAllowlist;
import com.crazyrouter.coze.report.AllureLabels;
import com.crazyrouter.coze.report.GuideReference;
import java.net.URI;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Assumptions;

/** One scenario's state, created fresh for each scenario by Cucumber's PicoContainer. */
public class ScenarioState {
    private final Harness harness = Harness.current();
    private final String mark = UUID.randomUUID().toString().substring(0, 13);
    private final Set<String> routes = new LinkedHashSet<>();
    private final Set<String> models = new LinkedHashSet<>();
    private final List<Attempt> attempts = new ArrayList<>();
    private Collection<String> tags = List.of();
    private TokenKind tokenKind = TokenKind.DEDICATED;
    private CozeHttpSetup setup;

    public Harness harness() {
        return harness;
    }

    /** The mark in this scenario's User-Agent, so the stub's request log can tell its requests apart. */
    public String mark() {
        return mark;
    }

    void begin(Collection<String> scenarioTags) {
        this.tags = List.copyOf(scenarioTags);
    }

    public Collection<String> tags() {
        return tags;
    }

    public void useToken(TokenKind kind) {
        this.tokenKind = kind;
        this.setup = CozeHttpSetup.guide(token(kind).reveal());
    }

    public Secret token(TokenKind kind) {
        Optional<Secret> token = harness.settings().token(kind);
        Assumptions.assumeTrue(token.isPresent(), () -> "Skipped: this scenario needs " + kind.words() + "; set "
                + kind.environmentVariable() + " in the environment to run it.");
        return token.orElseThrow();
    }

    public CozeHttpSetup setup() {
        if (setup == null) {
            useToken(TokenKind.DEDICATED);
        }
        return setup;
    }

    public void changeSetup(CozeHttpSetup changed) {
        this.setup = changed;
    }

    /** The allowlist the token in use is expected to have: the dedicated token's is configuration. */
    public TokenAllowlist allowlist() {
        return allowlistOf(tokenKind);
    }

    public TokenAllowlist allowlistOf(TokenKind kind) {
        return kind == TokenKind.DEDICATED ? new TokenAllowlist(harness.settings().expectedAllowlist()) : TokenAllowlist.NONE;
    }

    /** Coze renders its setup with this input and sends it, or refuses to; either way the attempt is kept. */
    public Attempt send(InputPlacement placement, String model, String input) {
        routes.add(placement.route().title());
        models.add(model);
        labelForReport();
        Attempt attempt;
        try {
            OutgoingRequest request = setup().render(harness.gatewayUrl(), model, input, placement);
            attempt = Attempt.sent(placement.route().words(), model, sendMarked(request));
        } catch (CozeRefusedToSend refused) {
            attempt = Attempt.refused(placement.route().words(), model, refused.getMessage());
        }
        attempts.add(attempt);
        return attempt;
    }

    /** Sends the last request once more, as Coze does when a node is retried. */
    public Attempt resend() {
        Attempt last = lastAttempt();
        GatewayReply reply = sendMarked(last.reply().orElseThrow(() -> new AssertionError("There is no sent request to send again")).request());
        Attempt again = Attempt.sent(last.route(), last.model(), reply);
        attempts.add(again);
        return again;
    }

    /** A GET on the gateway with the token as Coze's setup carries it, e.g. "/v1/models". */
    public GatewayReply fetch(String pathAndQuery) {
        URI url = URI.create(harness.gatewayUrl().toString().replaceAll("/+$", "") + pathAndQuery);
        List<OutgoingRequest.Header> headers = new ArrayList<>();
        setup().authorization().ifPresent(value -> headers.add(new OutgoingRequest.Header("Authorization", value)));
        return sendMarked(new OutgoingRequest("GET", url, headers, null));
    }

    public GatewayReply sendMarked(OutgoingRequest request) {
        labelForReport();
        return harness.client().send(marked(request));
    }

    public StreamedReply streamMarked(OutgoingRequest request) {
        labelForReport();
        return harness.client().stream(marked(request));
    }

    private OutgoingRequest marked(OutgoingRequest request) {
        return request.withHeader("User-Agent", "crazyrouter-coze-contract/1.0 (scenario " + mark + ")");
    }

    /** The route and model this scenario is grouped under in the reports. */
    public String reportRoute() {
        return switch (routes.size()) {
            case 0 -> AllureLabels.NO_ROUTE;
            case 1 -> routes.iterator().next();
            default -> AllureLabels.BOTH_ROUTES;
        };
    }

    public String reportModel() {
        List<String> recommended = harness.settings().modelsUnderTest();
        return models.stream().filter(recommended::contains).findFirst()
                .orElse(models.isEmpty() ? AllureLabels.NO_MODEL : models.iterator().next());
    }

    public void noteRoute(String routeTitle, String model) {
        routes.add(routeTitle);
        models.add(model);
    }

    /** Allure groups by route and model; labels are set while a step runs, where Allure can reach the test case. */
    private void labelForReport() {
        AllureLabels.apply(reportRoute(), reportModel(), GuideReference.of(tags).orElse("Other checks"), harness.settings().target().label());
    }

    public Attempt lastAttempt() {
        if (attempts.isEmpty()) {
            throw new AssertionError("No request was sent in this scenario yet");
        }
        return attempts.get(attempts.size() - 1);
    }

    public GatewayReply lastReply() {
        Attempt last = lastAttempt();
        return last.reply().orElseThrow(() -> new AssertionError("Coze did not send the request: " + last.refusal().orElse("")));
    }

}
