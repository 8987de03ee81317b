package com.crazyrouter.coze.config;

import io.cucumber.tagexpressions.Expression;
import io.cucumber.tagexpressions.TagExpressionException;
import io.cucumber.tagexpressions.TagExpressionParser;
import java.util.List;
import org.junit.platform.engine.FilterResult;
import org.junit.platform.engine.TestDescriptor;
import org.junit.platform.launcher.PostDiscoveryFilter;

/**
 * Applies -Dcucumber.filter.tags when the plan is made, so scenarios it does not select are left out of the run
 * (and out of the counts: `-Dcucumber.filter.tags=@smoke` runs one scenario) rather than reported as skipped.
 * Cucumber's own filter still applies and agrees with this one. Scenarios about a builder's own setup (@setup) are
 * left out unless the run is given one (-Dcoze.setup=FILE); the sampling scenario (@samples), unless the run asks for
 * more than one sample (-Dsamples=N).
 */
public class ScenarioSelection implements PostDiscoveryFilter {
    @Override
    public FilterResult apply(TestDescriptor descriptor) {
        String selection = Settings.tagSelection();
        boolean cucumberScenario = descriptor.isTest()
                && descriptor.getUniqueId().getSegments().stream().anyMatch(s -> s.getType().equals("engine") && s.getValue().equals("cucumber"));
        if (cucumberScenario && !Settings.ownSetupGiven() && descriptor.getTags().stream().anyMatch(t -> t.getName().equals("setup"))) {
            return FilterResult.excluded("a builder's own setup is checked only when the run is given one (-D" + Settings.COZE_SETUP + "=FILE)");
        }
        if (cucumberScenario && !Settings.samplingAsked() && descriptor.getTags().stream().anyMatch(t -> t.getName().equals("samples"))) {
            return FilterResult.excluded("the sampling scenario runs only when the run asks for samples (-D" + Settings.SAMPLES + "=N, N above 1)");
        }
        if (selection.isEmpty() || !cucumberScenario) {
            return FilterResult.included("no tag selection applies");
        }
        Expression expression;
        try {
            expression = TagExpressionParser.parse(selection);
        } catch (TagExpressionException e) {
            throw new ConfigurationException("-D" + Settings.TAG_SELECTION + "='" + selection + "' is not a tag expression: " + e.getMessage()
                    + ". Write e.g. @smoke, \"@error-1 or @error-2\", \"@checklist-4 and not @stub-only\".");
        }
        List<String> tags = descriptor.getTags().stream().map(t -> "@" + t.getName()).toList();
        return expression.evaluate(tags)
                ? FilterResult.included("selected by " + Settings.TAG_SELECTION)
                : FilterResult.excluded("not selected by " + Settings.TAG_SELECTION + "=" + selection);
    }
}
