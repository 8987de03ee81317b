package com.crazyrouter.coze.transport;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.is;

import java.net.URI;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Where a run's requests go and how a URL a builder typed is put onto the run's target. The path must reach the
 * gateway exactly as Coze sends it: gin's router (RemoveExtraSlash and RedirectFixedPath off, GATEWAY.md 7) answers
 * /v1//chat/completions with 404 and /v1/chat/completions/ with 307, so no slash may be added, folded or dropped.
 */
class GatewayUrlTest {
    private static final GatewayUrl STUB = new GatewayUrl(URI.create("http://127.0.0.1:8080"));
    private static final GatewayUrl PUBLIC = new GatewayUrl(URI.create("https://crazyrouter.com"));

    private static Optional<String> rebased(GatewayUrl gateway, String typed) {
        return gateway.rebase(typed).map(URI::toString);
    }

    // ---- resolve --------------------------------------------------------------------------------------------------

    @Test
    void resolveKeepsADoubledSlash() {
        assertThat(STUB.resolve("/v1//chat/completions").toString(), equalTo("http://127.0.0.1:8080/v1//chat/completions"));
    }

    @Test
    void resolveKeepsATrailingSlashAndTheQuery() {
        assertThat(STUB.resolve("/v1/chat/completions/?a=b%20c").toString(), equalTo("http://127.0.0.1:8080/v1/chat/completions/?a=b%20c"));
    }

    @Test
    void resolveAddsNoSlashAfterABaseThatEndsInOne() {
        assertThat(new GatewayUrl(URI.create("http://127.0.0.1:8080/")).resolve("/v1/models").toString(), equalTo("http://127.0.0.1:8080/v1/models"));
    }

    // ---- rebase against another target: scheme and host become the target's, path and query stay as typed ------

    @Test
    void againstTheStubATypedCrazyrouterUrlKeepsItsDoubledSlashAndQuery() {
        assertThat(rebased(STUB, "https://www.crazyrouter.com/v1//chat/completions?x=1"),
                equalTo(Optional.of("http://127.0.0.1:8080/v1//chat/completions?x=1")));
    }

    @Test
    void againstTheStubATrailingSlashIsKept() {
        assertThat(rebased(STUB, "https://crazyrouter.com/v1/chat/completions/"), equalTo(Optional.of("http://127.0.0.1:8080/v1/chat/completions/")));
    }

    @Test
    void againstTheStubAUrlWithoutAPathGoesToItsRoot() {
        assertThat(rebased(STUB, "https://crazyrouter.com"), equalTo(Optional.of("http://127.0.0.1:8080")));
    }

    @Test
    void surroundingSpacesAreTrimmed() {
        assertThat(rebased(STUB, "  https://crazyrouter.com/v1/models \n"), equalTo(Optional.of("http://127.0.0.1:8080/v1/models")));
    }

    // ---- rebase against crazyrouter.com itself: a crazyrouter.com URL goes as typed --------------------------------

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"https://crazyrouter.com/v1/chat/completions", "http://crazyrouter.com/v1/chat/completions",
            "https://www.crazyrouter.com/v1/chat/completions", "https://cn.crazyrouter.com/v1//chat/completions/?x=1",
            "HTTPS://CrazyRouter.com/v1/chat/completions"})
    void againstCrazyrouterAUrlOnCrazyrouterGoesAsTyped(String typed) {
        assertThat(rebased(PUBLIC, typed), equalTo(Optional.of(typed)));
    }

    @Test
    void againstCrazyrouterAHostThatOnlyEndsInItsNameIsNotCrazyrouter() {
        assertThat(rebased(PUBLIC, "https://evilcrazyrouter.com/v1/chat/completions"), equalTo(Optional.of("https://crazyrouter.com/v1/chat/completions")));
    }

    @Test
    void onlyCrazyrouterItselfIsThePublicGateway() {
        assertThat(PUBLIC.isPublicGateway(), is(true));
        assertThat(STUB.isPublicGateway(), is(false));
    }

    // ---- a URL Coze could not send (Go: unsupported protocol scheme, no host) → empty ---------------------------

    @ParameterizedTest(name = "\"{0}\"")
    @ValueSource(strings = {"crazyrouter.com/v1/chat/completions", "/v1/chat/completions", "ftp://crazyrouter.com/v1", "https:///v1/chat/completions",
            "https://", "https://crazy router.com/v1", ""})
    void aUrlWithoutAnHttpSchemeOrAHostIsEmpty(String typed) {
        assertThat(STUB.rebase(typed), equalTo(Optional.empty()));
        assertThat(PUBLIC.rebase(typed), equalTo(Optional.empty()));
    }

    // ---- rebaseRule: what happened to the URL, for the report --------------------------------------------------

    @Test
    void theRebaseRuleSaysWhereATypedUrlWasSentAndWhy() {
        assertThat(STUB.rebaseRule("https://www.crazyrouter.com/v1//chat/completions?x=1").orElseThrow(), allOf(
                containsString("https://www.crazyrouter.com/v1//chat/completions?x=1"),
                containsString("is sent to http://127.0.0.1:8080/v1//chat/completions?x=1"),
                containsString("the path and query stay as typed")));
    }

    @Test
    void theRebaseRuleIsEmptyWhenTheUrlGoesAsTyped() {
        assertThat(PUBLIC.rebaseRule("https://www.crazyrouter.com/v1/chat/completions"), equalTo(Optional.empty()));
        assertThat(STUB.rebaseRule(" http://127.0.0.1:8080/v1/chat/completions "), equalTo(Optional.empty()));
    }

    @Test
    void theRebaseRuleIsEmptyForAUrlThatCannotBeSent() {
        assertThat(STUB.rebaseRule("crazyrouter.com/v1/chat/completions"), equalTo(Optional.empty()));
    }
}
