package com.crazyrouter.coze.run;

import com.crazyrouter.coze.config.Secret;
import com.crazyrouter.coze.config.Settings;
import com.crazyrouter.coze.config.ShownUrl;
import com.crazyrouter.coze.config.TokenKind;
import com.crazyrouter.coze.contract.Diagnosis;
import com.crazyrouter.coze.contract.ListedModels;
import com.crazyrouter.coze.contract.ModelLists;
import com.crazyrouter.coze.contract.TokenAllowlist;
import com.crazyrouter.coze.guide.CommonError;
import com.crazyrouter.coze.guide.ContractViolation;
import com.crazyrouter.coze.guide.GuideLine;
import com.crazyrouter.coze.guide.OtherCheck;
import com.crazyrouter.coze.guide.Route;
import com.crazyrouter.coze.route.Attempt;
import com.crazyrouter.coze.route.CozeRefusedToSend;
import com.crazyrouter.coze.route.CozeSetup;
import com.crazyrouter.coze.route.CozeView;
import com.crazyrouter.coze.route.CozeWireHeaders;
import com.crazyrouter.coze.route.InputPlacement;
import com.crazyrouter.coze.route.PluginTool;
import com.crazyrouter.coze.route.WorkflowHttpNode;
import com.crazyrouter.coze.setup.BuilderSetup;
import com.crazyrouter.coze.text.Json;
import com.crazyrouter.coze.transport.AnswerBeyondLimits;
import com.crazyrouter.coze.transport.CrazyrouterClient;
import com.crazyrouter.coze.transport.Evidence;
import com.crazyrouter.coze.transport.GatewayReply;
import com.crazyrouter.coze.transport.GatewayUnreachable;
import com.crazyrouter.coze.transport.GatewayUrl;
import com.crazyrouter.coze.transport.OffWireMarks;
import com.crazyrouter.coze.transport.OutgoingRequest;
import com.crazyrouter.coze.transport.StreamedReply;
import com.crazyrouter.coze.transport.UndecodableBody;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

/**
 * The Coze plugin tool and workflow HTTP node of one scenario: it holds what the builder set up, renders the
 * request the way the route does, marks it as this scenario's, sends it to the run's gateway — following redirects
 * and retrying transport errors as the route does — and keeps each attempt with what the builder sees.
 */
public class CozeNode {
    private static final Set<Integer> REDIRECTS = Set.of(301, 302, 303, 307, 308);
    private static final int MOST_REDIRECTS = 10;
    private final ScenarioState state;
    private final Tokens tokens;
    private final CrazyrouterClient client;
    private final GatewayUrl gateway;
    private final Settings settings;
    private final ModelLists modelLists;
    private final OffWireMarks marks;

    /** {@code marks}: how a stand-in gateway is told which scenario sends a request that carries no mark of its own (the workflow node's). */
    public CozeNode(ScenarioState state, Tokens tokens, CrazyrouterClient client, GatewayUrl gateway, Settings settings, ModelLists modelLists,
            OffWireMarks marks) {
        this.marks = marks;
        this.state = state;
        this.tokens = tokens;
        this.client = client;
        this.gateway = gateway;
        this.settings = settings;
        this.modelLists = modelLists;
    }

    /** The builder pastes this kind of token into the guide's setup, on both routes. */
    public void useToken(TokenKind kind) {
        state.use(kind, CozeSetup.guide(tokens.require(kind).reveal()));
    }

    /** The builder's own setup (from -Dcoze.setup) on its route, with the run's dedicated token in it; the guide's on the other. */
    public void useOwnSetup(BuilderSetup own) {
        state.use(TokenKind.DEDICATED, own.onItsRoute(CozeSetup.guide(tokens.require(TokenKind.DEDICATED).reveal())));
    }

    /** What the builder has set up: the guide's setup with the dedicated token until a step changes it. */
    public CozeSetup setup() {
        if (state.setup().isEmpty()) {
            useToken(TokenKind.DEDICATED);
        }
        return state.setup().orElseThrow();
    }

    public void change(UnaryOperator<CozeSetup> edit) {
        state.change(edit.apply(setup()));
    }

    /** The allowlist the token in use is expected to have. */
    public TokenAllowlist allowlist() {
        return tokens.allowlistOf(state.tokenKind());
    }

    /** The run's token that has a model allowlist (the dedicated one, when the run expects it to have one): a probe asks it for a model outside the list. */
    public Optional<Secret> tokenWithAllowlist() {
        return tokens.allowlistOf(TokenKind.DEDICATED).restricted() ? tokens.find(TokenKind.DEDICATED) : Optional.empty();
    }

    /** Crazyrouter's model lists for the token in use and for a token without an allowlist: the evidence for a refused model. */
    public ListedModels listedModels() {
        return modelLists.evidenceFor(state.tokenKind());
    }

    /** The route renders the setup with this input and sends it, or fails before sending; either way the attempt is kept. */
    public Attempt send(InputPlacement placement, String model, String input) {
        Route route = placement.route();
        state.addressed(route.title(), model);
        label();
        Attempt attempt = route == Route.PLUGIN
                ? attempt(route, model, () -> setup().plugin().render(chatArguments(model, input, setup().pluginArguments()), gateway), 0)
                : attempt(route, model, () -> setup().node().render(Map.of("model", model, "input", placement.variable(input),
                        "escaped_input", InputPlacement.WORKFLOW_ESCAPED.variable(input)), gateway), setup().node().retries());
        state.add(attempt);
        return attempt;
    }

    /** Sends the last request once more, as a builder does by running the node again. */
    public Attempt resend() {
        Attempt last = state.lastAttempt();
        Route route = Route.fromWords(last.route()).orElseThrow();
        Attempt again = attempt(route, last.model(), () -> newCall(state.lastReply().request()), 0);
        state.add(again);
        return again;
    }

    /** A GET on the gateway with the token as the setup carries it, e.g. "/v1/models". */
    public GatewayReply fetch(String pathAndQuery) {
        List<OutgoingRequest.Header> headers = new ArrayList<>();
        setup().authorization().ifPresent(value -> headers.add(new OutgoingRequest.Header("Authorization", value)));
        return sendOwn(new OutgoingRequest("GET", gateway.resolve(pathAndQuery), headers, null));
    }

    /** A GET on the gateway with this token in the Authorization header as "Bearer …", never in the URL, e.g. the token's own log. */
    public GatewayReply fetch(String path, Secret token) {
        return sendOwn(
                new OutgoingRequest("GET", gateway.resolve(path), List.of(new OutgoingRequest.Header("Authorization", "Bearer " + token.reveal())), null));
    }

    /** A probe body of the harness's own making, rendered as the route renders it, with the guide's setup around it. */
    public OutgoingRequest guideRendering(Secret token, Route route, String body) {
        CozeSetup guide = CozeSetup.guide(token.reveal());
        return route == Route.PLUGIN
                ? guide.plugin().render(Json.MAPPER.convertValue(Json.parse(body).orElseThrow(), new TypeReference<Map<String, Object>>() {
                }), gateway)
                : guide.node().withBody(WorkflowHttpNode.BodyType.JSON, body).render(Map.of(), gateway);
    }

    /**
     * Sends a capability probe. Probes are the harness's own requests, so they alone get the live run's output limit
     * (crazyrouter.probeMaxTokens).
     */
    public GatewayReply sendProbe(OutgoingRequest request) {
        label();
        OutgoingRequest marked = marked(request);
        return markedOffTheWire(marked, () -> client.sendProbe(marked));
    }

    /** Streams a capability probe, within the same output limit as {@link #sendProbe}. */
    public StreamedReply streamProbe(OutgoingRequest request) {
        label();
        OutgoingRequest marked = marked(request);
        return markedOffTheWire(marked, () -> client.streamProbe(marked));
    }

    private Attempt attempt(Route route, String model, Supplier<OutgoingRequest> render, int transportRetries) {
        OutgoingRequest request;
        try {
            request = render.get();
        } catch (CozeRefusedToSend refused) {
            Evidence.SHOWN.step("Coze fails before sending anything: " + refused.getMessage());
            return Attempt.refused(route.words(), model, refused.getMessage());
        }
        // a setup that fixes the model in its body sends that one, whatever the scenario named
        String sent = modelIn(request).orElse(model);
        for (int retry = 0;; retry++) {
            try {
                GatewayReply reply = followingRedirects(route, request);
                if (reply.retries() > 0) {
                    Evidence.SHOWN.step("Crazyrouter answered only after " + reply.retries() + " retr" + (reply.retries() == 1 ? "y" : "ies")
                            + " by this harness: Coze would have failed here (" + CommonError.INTERMITTENT.title() + "), it never retries on a status");
                }
                CozeView view = shows(route, reply);
                return Attempt.sent(route.words(), sent, reply, view.failed(), view.describe());
            } catch (AnswerBeyondLimits beyond) {
                if (!beyond.cozeGivesUpToo()) {
                    throw beyond; // Coze reads any size with its own parser: no transport error for it to show or retry
                }
                // The answer's headers came, so Go's client.Do returned and the node's retry loop, which repeats only a Do
                // that failed, is over: reading the body then fails at the node's timeout, once (docs/COZE.md §4.2).
                CozeView view = route == Route.PLUGIN
                        ? PluginTool.showsTransportError(beyond.getMessage())
                        : setup().node().showsUnreadBody(beyond.getMessage());
                throw beyond.saying(" What the Coze builder sees: " + view.describe());
            } catch (UndecodableBody undecodable) {
                // the answer's headers came: reading its body fails once, on either route, as reading a body that ends too soon does
                CozeView view = route == Route.PLUGIN
                        ? PluginTool.showsTransportError(undecodable.goError())
                        : setup().node().showsUnreadBody(undecodable.goError());
                throw Diagnosis.undecodableBody(route.words(), undecodable, view.describe());
            } catch (GatewayUnreachable unreachable) {
                if (retry >= transportRetries) {
                    CozeView view = route == Route.PLUGIN
                            ? PluginTool.showsTransportError(unreachable.getMessage())
                            : setup().node().showsTransportError(unreachable.getMessage());
                    throw new GatewayUnreachable(unreachable.getMessage() + " What the Coze builder sees: " + view.describe(),
                            unreachable.row().orElse(CommonError.INTERMITTENT));
                }
                Evidence.SHOWN.step("The workflow node retries after a transport error (" + (retry + 1) + " of " + transportRetries + "), as Coze does");
            }
        }
    }

    /** The "model" of a JSON body, as the gateway reads it; empty for any other body. */
    static Optional<String> modelIn(OutgoingRequest request) {
        return Optional.ofNullable(request.body()).flatMap(Json::parse).filter(JsonNode::isObject).map(body -> body.get("model"))
                .filter(JsonNode::isTextual).map(JsonNode::asText);
    }

    private CozeView shows(Route route, GatewayReply reply) {
        CozeView view = route == Route.PLUGIN ? setup().plugin().shows(reply) : setup().node().shows(reply);
        Evidence.SHOWN.step("Crazyrouter answered " + reply.describe());
        Evidence.SHOWN.step("What the Coze builder sees: " + view.describe());
        return view;
    }

    /**
     * Redirects as Go's HTTP client follows them: 301/302/303 turn the request into a GET; 307/308 send it again, which
     * the plugin can (resty keeps the body) and the workflow node only without a body (docs/COZE.md §4.2). A redirect to
     * another host is not followed here: nothing is sent there, and the scenario is red, saying so (§4.3).
     */
    private GatewayReply followingRedirects(Route route, OutgoingRequest first) {
        OutgoingRequest request = first;
        GatewayReply reply = send(request);
        for (int hop = 1; hop <= MOST_REDIRECTS && follows(route, reply) && reply.header("Location").isPresent(); hop++) {
            URI next = nextHop(route, request, reply);
            boolean resend = reply.status() == 307 || reply.status() == 308;
            // Go keeps Authorization only for the first request's host or a subdomain of it; against a stand-in every
            // host is the stand-in's, so only a run against crazyrouter.com itself can tell
            boolean dropsAuthorization = gateway.isPublicGateway() && !isDomainOrSubdomain(next.getHost(), first.url().getHost());
            List<OutgoingRequest.Header> headers = dropsAuthorization
                    ? request.headers().stream().filter(h -> !h.name().equalsIgnoreCase("Authorization")).toList()
                    : request.headers();
            request = new OutgoingRequest(resend ? request.method() : "GET", next, headers, resend ? request.body() : null);
            Evidence.SHOWN.step("Coze follows the " + reply.status() + " redirect to " + (dropsAuthorization ? next.getHost() : "") + next.getRawPath()
                    + (resend ? "" : " as a GET without the body") + (dropsAuthorization ? ", without the Authorization header (another host)" : ""));
            reply = send(request);
        }
        return reply;
    }

    /**
     * Where a redirect leads: on the same host, there; a crazyrouter.com URL in a run against a stand-in (the stub, a
     * staging gateway), onto the stand-in as the builder's own URLs are. Any other host is another server, which this
     * run does not send to.
     */
    private URI nextHop(Route route, OutgoingRequest request, GatewayReply reply) {
        String location = reply.header("Location").orElseThrow().strip();
        URI next;
        try {
            next = request.url().resolve(location);
        } catch (IllegalArgumentException unreadable) {
            throw Diagnosis.unreadableRedirect(route.words(), reply, location);
        }
        if (sameHost(next, request.url())) {
            return next;
        }
        if (next.getHost() != null && isGatewayHost(next.getHost())) {
            return gateway.rebase(next.toString()).orElseThrow(() -> offHost(route, reply, "to " + ShownUrl.of(location)));
        }
        throw offHost(route, reply, "to another host, " + Optional.ofNullable(next.getHost()).orElse(ShownUrl.of(location)));
    }

    private ContractViolation offHost(Route route, GatewayReply reply, String where) {
        return Diagnosis.offHostRedirect(route.words(), reply, where);
    }

    private static boolean sameHost(URI a, URI b) {
        return a.getHost() != null && a.getHost().equalsIgnoreCase(b.getHost()) && a.getPort() == b.getPort()
                && String.valueOf(a.getScheme()).equalsIgnoreCase(String.valueOf(b.getScheme()));
    }

    /** Go's rule for keeping Authorization on a redirect (net/http client.go, isDomainOrSubdomain). */
    private static boolean isDomainOrSubdomain(String host, String parent) {
        String sub = host.toLowerCase(java.util.Locale.ROOT);
        String of = parent.toLowerCase(java.util.Locale.ROOT);
        return sub.equals(of) || sub.endsWith("." + of);
    }

    private static boolean isGatewayHost(String host) {
        String publicHost = Settings.PUBLIC_BASE_URL.getHost();
        String lower = host.toLowerCase(java.util.Locale.ROOT);
        return lower.equals(publicHost) || lower.endsWith("." + publicHost);
    }

    private boolean follows(Route route, GatewayReply reply) {
        return REDIRECTS.contains(reply.status()) && (route == Route.PLUGIN || setup().node().followsRedirect(reply.status()));
    }

    private static Map<String, Object> chatArguments(String model, String input, Map<String, Object> fixed) {
        Map<String, Object> message = new LinkedHashMap<>();
        message.put("role", "user");
        message.put("content", input);
        Map<String, Object> arguments = new LinkedHashMap<>();
        arguments.put("model", model);
        arguments.put("messages", List.of(message));
        arguments.putAll(fixed);
        return arguments;
    }

    private GatewayReply send(OutgoingRequest request) {
        label();
        OutgoingRequest marked = marked(request);
        return markedOffTheWire(marked, () -> client.send(marked));
    }

    /** A request of the harness's own (not Coze's), which names itself and the scenario in its User-Agent. */
    private GatewayReply sendOwn(OutgoingRequest request) {
        label();
        return client.send(request.withHeader("User-Agent", OutgoingRequest.userAgent("scenario " + state.mark())));
    }

    /**
     * The scenario's mark goes where Coze puts a value of its own on every call: the plugin's log id, a UUID that here
     * starts with the mark (a redirect keeps the call's log id, as Go resends the same headers). A request without one
     * (the workflow node's) is marked off the wire.
     */
    private OutgoingRequest marked(OutgoingRequest request) {
        return request.header(CozeWireHeaders.LOG_ID).filter(id -> !id.startsWith(state.mark()))
                .map(id -> request.withHeader(CozeWireHeaders.LOG_ID, state.mark() + UUID.randomUUID().toString().substring(state.mark().length())))
                .orElse(request);
    }

    private <T> T markedOffTheWire(OutgoingRequest request, Supplier<T> send) {
        return request.header(CozeWireHeaders.LOG_ID).isPresent() ? send.get() : marks.sending(request, state.mark(), send);
    }

    /** The same request sent again as a new call: a plugin call gets a log id of its own. */
    private static OutgoingRequest newCall(OutgoingRequest request) {
        return request.header(CozeWireHeaders.LOG_ID).map(id -> request.withHeader(CozeWireHeaders.LOG_ID, UUID.randomUUID().toString())).orElse(request);
    }

    /** Allure groups by route and model; labels are set while a step runs, where Allure can reach the test case. */
    private void label() {
        ScenarioGrouping.REPORTED.group(state.reportRoute(), state.reportModel(settings.modelsUnderTest()),
                GuideLine.of(state.tags()).map(GuideLine::title).orElse(OtherCheck.NO_LINE), settings.target().label());
    }
}
