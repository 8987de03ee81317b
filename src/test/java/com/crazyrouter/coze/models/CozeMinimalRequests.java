package com.crazyrouter.coze.models;

import com.crazyrouter.coze.config.Settings;
import com.crazyrouter.coze.config.TokenKind;
import com.crazyrouter.coze.contract.ModelLists;
import com.crazyrouter.coze.guide.Route;
import com.crazyrouter.coze.route.InputPlacement;
import com.crazyrouter.coze.run.CozeNode;
import com.crazyrouter.coze.run.RequestBudget;
import com.crazyrouter.coze.run.ScenarioState;
import com.crazyrouter.coze.run.Tokens;
import com.crazyrouter.coze.transport.AnswerBeyondLimits;
import com.crazyrouter.coze.transport.CrazyrouterClient;
import com.crazyrouter.coze.transport.GatewayUnreachable;
import com.crazyrouter.coze.transport.GatewayUrl;
import com.crazyrouter.coze.transport.OffWireMarks;
import com.crazyrouter.coze.transport.Redactor;
import java.util.Optional;

/**
 * The minimal test as Coze runs it: the guide's setup, "Reply only OK", through a fresh {@link CozeNode} for every
 * run (each node run stands alone, so samples sent side by side share nothing), with the dedicated token where its
 * allowlist has the model, otherwise a token without an allowlist, as the model matrix does. Sent by a client of its
 * own that spends from the run's request cap but does not retry a status: Coze never does, so neither may the count.
 * Its failures are what it measures, so they do not stop the run as a gateway that stopped answering would; it stops with the run.
 */
public class CozeMinimalRequests implements Sampler.MinimalRequest {
    /** Samples count answers; they diagnose none, so they read no model list. */
    private static final ModelLists NO_MODEL_LISTS = new ModelLists(kind -> Optional.empty());
    private final Settings settings;
    private final Tokens tokens;
    private final GatewayUrl gateway;
    private final RequestBudget budget;
    private final CrazyrouterClient client;
    private final OffWireMarks marks;

    /**
     * {@code marks}: how the embedded stub tells a workflow node's request from another scenario's identical one
     * (stubs/ScenarioMarks); without it, a sample sent while a scenario's identical request is in flight would be taken
     * for that scenario's and meet what the stub holds for it alone (its one 429).
     */
    public CozeMinimalRequests(Settings settings, Tokens tokens, GatewayUrl gateway, Redactor redactor, RequestBudget budget, OffWireMarks marks) {
        this.settings = settings;
        this.tokens = tokens;
        this.gateway = gateway;
        this.budget = budget;
        this.marks = marks;
        this.client = new CrazyrouterClient(settings.withoutRetries(), redactor, budget.withoutFailureStreak());
    }

    CozeMinimalRequests(Settings settings, Tokens tokens, GatewayUrl gateway, Redactor redactor, RequestBudget budget) {
        this(settings, tokens, gateway, redactor, budget, OffWireMarks.NONE);
    }

    @Override
    public SampleStats.Sample send(String model, Route route) {
        CozeNode node = new CozeNode(new ScenarioState(), tokens, client, gateway, settings, NO_MODEL_LISTS, marks);
        node.useToken(tokenFor(model).orElseThrow(() -> new IllegalStateException(model + " is not sampled: " + whyNot(model).orElse(""))));
        try {
            return SampleStats.Sample.of(node.send(InputPlacement.defaultFor(route), model, Sampler.MINIMAL_INPUT));
        } catch (AnswerBeyondLimits beyond) {
            return SampleStats.Sample.beyondLimits(beyond);
        } catch (GatewayUnreachable unreachable) {
            return SampleStats.Sample.noAnswer(unreachable.getMessage());
        }
    }

    /** Why a model cannot be sampled in this run, if it cannot: no token at hand allows it. */
    public Optional<String> whyNot(String model) {
        return tokenFor(model).isPresent()
                ? Optional.empty()
                : Optional.of("no token at hand allows " + model + " (set " + TokenKind.UNRESTRICTED.environmentVariable() + ")");
    }

    /** How many more requests the run may send under its cap (crazyrouter.maxRequests). */
    public int requestsLeft() {
        return Math.max(0, budget.requestCap() - budget.requests());
    }

    private Optional<TokenKind> tokenFor(String model) {
        if (tokens.allowlistOf(TokenKind.DEDICATED).allows(model) && tokens.find(TokenKind.DEDICATED).isPresent()) {
            return Optional.of(TokenKind.DEDICATED);
        }
        return tokens.find(TokenKind.UNRESTRICTED).map(token -> TokenKind.UNRESTRICTED);
    }
}
