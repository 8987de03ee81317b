package com.crazyrouter.coze.route;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The workflow node's template rendering (coze-studio, backend/domain/workflow/internal/nodes/template.go,
 * TemplatePart.Render; COZE.md 2): a string goes in as it is, never JSON-escaped; an unknown variable stays literal.
 */
class TemplateTest {

    // template.go's own unit test renders {"v1":{{v1}}} with a string and expects {"v1":v1}
    @Test
    void aStringVariableIsInsertedWithoutQuotesAsCozesOwnTestExpects() {
        assertThat(Template.render("{\"v1\":{{v1}}}", Map.of("v1", "v1")), equalTo("{\"v1\":v1}"));
    }

    @Test
    void aQuoteALineBreakATabAndABackslashAreInsertedRawNeverJsonEscaped() {
        String typed = "He said \"hi\"\nname\tprice C:\\Users";
        assertThat(Template.render("{\"content\":\"{{input}}\"}", Map.of("input", typed)), equalTo("{\"content\":\"" + typed + "\"}"));
    }

    @Test
    void anUnknownVariableStaysAsTheLiteralTemplate() {
        assertThat(Template.render("{{x}} and {{input}}", Map.of("input", "Hello")), equalTo("{{x}} and Hello"));
    }

    @Test
    void theSameVariableIsFilledEveryTimeItAppears() {
        assertThat(Template.render("{{model}}/{{model}}", Map.of("model", "gpt-5.4")), equalTo("gpt-5.4/gpt-5.4"));
    }

    @Test
    void aDollarSignAndABackslashInAValueAreInsertedLiterally() {
        assertThat(Template.render("[{{input}}]", Map.of("input", "costs $1 \\$2 \\1")), equalTo("[costs $1 \\$2 \\1]"));
    }

    @Test
    void aValueThatLooksLikeAVariableIsNotFilledInAgain() {
        assertThat(Template.render("{{input}}", Map.of("input", "{{model}}", "model", "gpt-5.4")), equalTo("{{model}}"));
    }

    @Test
    void anEmptyValueLeavesNothing() {
        assertThat(Template.render("\"{{input}}\"", Map.of("input", "")), equalTo("\"\""));
    }

    @Test
    void aTemplateWithoutVariablesIsReturnedAsItIs() {
        String body = "{\"model\":\"gpt-5.4\",\"messages\":[]}";
        assertThat(Template.render(body, Map.of("input", "Hello")), equalTo(body));
    }
}
