package com.crazyrouter.coze.steps;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.matchesPattern;

import com.crazyrouter.coze.contract.Outcome;
import com.crazyrouter.coze.guide.Route;
import com.crazyrouter.coze.route.InputPlacement;
import com.crazyrouter.coze.route.UserInput;
import io.cucumber.java.ParameterType;
import java.util.Arrays;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Cucumber needs each parameter type's words as a constant regex; this keeps those in step with the enums. */
class ParameterTypesTest {

    @Test
    void everyRouteIsAWordScenariosCanUse() {
        assertAllAccepted("route", Arrays.stream(Route.values()).map(Route::words));
    }

    @Test
    void everyUserInputIsAWordScenariosCanUse() {
        assertAllAccepted("input", Arrays.stream(UserInput.values()).map(UserInput::words));
    }

    @Test
    void everyPlacementIsAWordScenariosCanUse() {
        assertAllAccepted("placement", Arrays.stream(InputPlacement.values()).map(InputPlacement::words));
    }

    @Test
    void everyOutcomeIsAPhraseScenariosCanUse() {
        assertAllAccepted("outcome", Arrays.stream(Outcome.values()).map(Outcome::phrase));
    }

    @Test
    void everyTokenProblemIsAWordScenariosCanUse() {
        assertAllAccepted("tokenProblem", Arrays.stream(TokenSteps.TokenProblem.values()).map(p -> p.name().toLowerCase(java.util.Locale.ROOT)));
    }

    private static void assertAllAccepted(String method, Stream<String> words) {
        Pattern pattern = Pattern.compile(Arrays.stream(ParameterTypes.class.getMethods()).filter(m -> m.getName().equals(method))
                .findFirst().map(m -> m.getAnnotation(ParameterType.class).value()).orElseThrow());
        words.forEach(w -> assertThat(method, w, matchesPattern(pattern)));
    }
}
