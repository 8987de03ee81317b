package com.crazyrouter.coze.coze;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.crazyrouter.coze.gateway.GatewayUrl;
import com.crazyrouter.coze.gateway.OutgoingRequest;
import com.crazyrouter.coze.Json;
import java.net.URI;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class CozeHttpSetupTest {
    private static final GatewayUrl STUB = new GatewayUrl(URI.create("http://127.0.0.1:8080"));
    private final CozeHttpSetup guide = CozeHttpSetup.guide("sk-testCoze");

    @Test
    void theGuidesSetupRendersTheSmallestBodyToTheFullUrl() {
        OutgoingRequest request = guide.render(STUB, "gpt-5.4", "Reply only OK", InputPlacement.PLUGIN_PARAMETER_MAPPING);
        assertThat(request.url(), equalTo(URI.create("http://127.0.0.1:8080/v1/chat/completions")));
        assertThat(request.body(), equalTo("{\"model\":\"gpt-5.4\",\"messages\":[{\"role\":\"user\",\"content\":\"Reply only OK\"}]}"));
        assertThat(request.header("Authorization"), equalTo(Optional.of("Bearer sk-testCoze")));
        assertThat(request.header("Content-Type"), equalTo(Optional.of("application/json")));
    }

    @Test
    void escapedPlacementsKeepEveryInputValidJsonAndIntact() throws Exception {
        for (UserInput input : UserInput.values()) {
            for (InputPlacement placement : new InputPlacement[] {InputPlacement.PLUGIN_PARAMETER_MAPPING, InputPlacement.WORKFLOW_ESCAPED}) {
                String body = guide.render(STUB, "gpt-5.4", input.text(), placement).body();
                assertThat(input.words(), Json.MAPPER.readTree(body).at("/messages/0/content").asText(), equalTo(input.text()));
            }
        }
    }

    @Test
    void plainTextPlacementBreaksJsonOnQuotesLineBreaksTabsAndBackslashes() {
        for (UserInput input : new UserInput[] {UserInput.DOUBLE_QUOTES, UserInput.LINE_BREAK, UserInput.TAB, UserInput.BACKSLASHES}) {
            String body = guide.render(STUB, "gpt-5.4", input.text(), InputPlacement.WORKFLOW_PLAIN_TEXT).body();
            assertThrows(Exception.class, () -> Json.MAPPER.readTree(body), input.words());
        }
    }

    @Test
    void cozeRefusesAHeaderWithALineBreak() {
        CozeHttpSetup pasted = guide.withAuthorization(Optional.of("Bearer sk-testCoze\n"));
        CozeRefusedToSend refused = assertThrows(CozeRefusedToSend.class,
                () -> pasted.render(STUB, "gpt-5.4", "hi", InputPlacement.PLUGIN_PARAMETER_MAPPING));
        assertThat(refused.getMessage(), containsString("invalid header field value for \"Authorization\""));
    }

    @Test
    void scenarioUrlsAreWrittenAsTheGuideWritesThem() {
        assertThrows(IllegalArgumentException.class, () -> guide.withUrl("http://elsewhere.example/v1/chat/completions")
                .render(STUB, "gpt-5.4", "hi", InputPlacement.PLUGIN_PARAMETER_MAPPING));
    }
}
