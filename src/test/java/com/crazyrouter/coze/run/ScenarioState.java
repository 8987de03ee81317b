package com.crazyrouter.coze.run;

import com.crazyrouter.coze.config.TokenKind;
import com.crazyrouter.coze.route.Attempt;
import com.crazyrouter.coze.route.CozeSetup;
import com.crazyrouter.coze.transport.GatewayReply;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * One scenario's data, made fresh for each scenario by PicoContainer: its tags, the token and Coze setup it uses,
 * the mark its requests carry, and every attempt Coze made. Nothing here sends anything: that is CozeNode.
 */
public class ScenarioState {
    /** The report's groups for a scenario that names no route, both routes, or no model. */
    public static final String NO_ROUTE = "No route: token and setup checks";
    public static final String BOTH_ROUTES = "Both routes";
    public static final String NO_MODEL = "No model";

    private final String mark = UUID.randomUUID().toString().substring(0, 13);
    private final Set<String> routes = new LinkedHashSet<>();
    private final Set<String> models = new LinkedHashSet<>();
    private final List<Attempt> attempts = new ArrayList<>();
    private Collection<String> tags = List.of();
    private int retries;
    private TokenKind tokenKind = TokenKind.DEDICATED;
    private CozeSetup setup;

    /** This scenario's mark, so the stub's request log can tell its requests apart (docs/COZE.md §3.1: where it goes). */
    public String mark() {
        return mark;
    }

    public void begin(Collection<String> scenarioTags) {
        this.tags = List.copyOf(scenarioTags);
    }

    public Collection<String> tags() {
        return tags;
    }

    public TokenKind tokenKind() {
        return tokenKind;
    }

    /** The setup the builder has so far; empty until a token is chosen. */
    public Optional<CozeSetup> setup() {
        return Optional.ofNullable(setup);
    }

    public void use(TokenKind kind, CozeSetup guideSetup) {
        this.tokenKind = kind;
        this.setup = guideSetup;
    }

    public void change(CozeSetup changed) {
        this.setup = changed;
    }

    public void addressed(String routeTitle, String model) {
        routes.add(routeTitle);
        models.add(model);
    }

    public void add(Attempt attempt) {
        attempts.add(attempt);
        retries += attempt.reply().map(GatewayReply::retries).orElse(0);
    }

    /** How many times this scenario's requests had to be sent again before they were answered. */
    public int retries() {
        return retries;
    }

    public Attempt lastAttempt() {
        if (attempts.isEmpty()) {
            throw new IllegalStateException("No request was sent in this scenario yet: a Then step needs a When that sends one");
        }
        return attempts.get(attempts.size() - 1);
    }

    public GatewayReply lastReply() {
        Attempt last = lastAttempt();
        return last.reply().orElseThrow(() -> new AssertionError("Coze did not send the request: " + last.refusal().orElse("")));
    }

    /** The route this scenario is grouped under in the reports. */
    public String reportRoute() {
        return switch (routes.size()) {
            case 0 -> NO_ROUTE;
            case 1 -> routes.iterator().next();
            default -> BOTH_ROUTES;
        };
    }

    /** The model it is grouped under: the first of the models under test it asked, else the first it asked. */
    public String reportModel(List<String> modelsUnderTest) {
        return models.stream().filter(modelsUnderTest::contains).findFirst()
                .orElse(models.isEmpty() ? NO_MODEL : models.iterator().next());
    }
}
