package com.crazyrouter.coze.coze;

import com.crazyrouter.coze.config.Secret;
import com.crazyrouter.coze.config.Settings;
import com.crazyrouter.coze.config.TokenKind;
import com.crazyrouter.coze.gateway.Attempt;
import com.crazyrouter.coze.gateway.CrazyrouterClient;
import com.crazyrouter.coze.gateway.GatewayReply;
import com.crazyrouter.coze.gateway.GatewayUrl;
import com.crazyrouter.coze.gateway.OutgoingRequest;
import com.crazyrouter.coze.gateway.StreamedReply;
import com.crazyrouter.coze.gateway.TokenAllowlist;
import com.crazyrouter.coze.guide.GuideLine;
import com.crazyrouter.coze.guide.OtherCheck;
import com.crazyrouter.coze.models.CapabilityProbe;
import com.crazyrouter.coze.report.AllureLabels;
import com.crazyrouter.coze.run.ScenarioState;
import com.crazyrouter.coze.run.Tokens;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * The Coze plugin or HTTP node of one scenario: it holds what the builder set up, renders the request the way Coze
 * does, marks it as this scenario's, sends it to the run's gateway and keeps each attempt. Made per scenario by
 * PicoContainer.
 */
public class CozeNode {
    private final ScenarioState state;
    private final Tokens tokens;
    private final CrazyrouterClient client;
    private final GatewayUrl gateway;
    private final Settings settings;

    public CozeNode(ScenarioState state, Tokens tokens, CrazyrouterClient client, GatewayUrl gateway, Settings settings) {
        this.state = state;
        this.tokens = tokens;
        this.client = client;
        this.gateway = gateway;
        this.settings = settings;
    }

    /** The builder pastes this kind of token into the guide's setup. */
    public void useToken(TokenKind kind) {
        state.use(kind, CozeHttpSetup.guide(tokens.require(kind).reveal()));
    }

    /** What the builder has set up: the guide's setup with the dedicated token until a step changes it. */
    public CozeHttpSetup setup() {
        if (state.setup().isEmpty()) {
            useToken(TokenKind.DEDICATED);
        }
        return state.setup().orElseThrow();
    }

    public void change(UnaryOperator<CozeHttpSetup> edit) {
        state.change(edit.apply(setup()));
    }

    /** The allowlist the token in use is expected to have. */
    public TokenAllowlist allowlist() {
        return tokens.allowlistOf(state.tokenKind());
    }

    /** Coze renders its setup with this input and sends it, or refuses to; either way the attempt is kept. */
    public Attempt send(InputPlacement placement, String model, String input) {
        state.addressed(placement.route().title(), model);
        label();
        Attempt attempt;
        try {
            OutgoingRequest request = setup().render(gateway, model, input, placement);
            attempt = Attempt.sent(placement.route().words(), model, send(request));
        } catch (CozeRefusedToSend refused) {
            attempt = Attempt.refused(placement.route().words(), model, refused.getMessage());
        }
        state.add(attempt);
        return attempt;
    }

    /** Sends the last request once more. */
    public Attempt resend() {
        Attempt last = state.lastAttempt();
        GatewayReply reply = send(state.lastReply().request());
        Attempt again = Attempt.sent(last.route(), last.model(), reply);
        state.add(again);
        return again;
    }

    /** A GET on the gateway with the token as the setup carries it, e.g. "/v1/models". */
    public GatewayReply fetch(String pathAndQuery) {
        List<OutgoingRequest.Header> headers = new ArrayList<>();
        setup().authorization().ifPresent(value -> headers.add(new OutgoingRequest.Header("Authorization", value)));
        return send(new OutgoingRequest("GET", gateway.resolve(pathAndQuery), headers, null));
    }

    /** Probes a model's capabilities through a route, with the guide's setup around each probe's body. */
    public CapabilityProbe probe(Secret token, String model, Route route) {
        CozeHttpSetup probeSetup = CozeHttpSetup.guide(token.reveal());
        InputPlacement placement = InputPlacement.defaultFor(route);
        return new CapabilityProbe(body -> probeSetup.withBody(body).render(gateway, model, "", placement), this::send, this::stream);
    }

    private GatewayReply send(OutgoingRequest request) {
        label();
        return client.send(marked(request));
    }

    private StreamedReply stream(OutgoingRequest request) {
        label();
        return client.stream(marked(request));
    }

    private OutgoingRequest marked(OutgoingRequest request) {
        return request.withHeader("User-Agent", OutgoingRequest.userAgent("scenario " + state.mark()));
    }

    /** Allure groups by route and model; labels are set while a step runs, where Allure can reach the test case. */
    private void label() {
        AllureLabels.apply(state.reportRoute(), state.reportModel(settings.modelsUnderTest()),
                GuideLine.of(state.tags()).map(GuideLine::title).orElse(OtherCheck.NO_LINE), settings.target().label());
    }
}
