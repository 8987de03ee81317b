package com.crazyrouter.coze.report;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.lessThan;
import static org.hamcrest.Matchers.not;

import com.crazyrouter.coze.config.Secret;
import com.crazyrouter.coze.testsupport.TokenLeaks;
import com.crazyrouter.coze.transport.GatewayReply;
import com.crazyrouter.coze.transport.OutgoingRequest;
import com.crazyrouter.coze.transport.Redactor;
import io.qameta.allure.Allure;
import io.qameta.allure.AllureLifecycle;
import io.qameta.allure.AllureResultsWriter;
import io.qameta.allure.model.TestResult;
import io.qameta.allure.model.TestResultContainer;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Isolated;

/** An exchange's evidence in the Allure report: redacted first, then cut and escaped, so neither a token nor raw bytes get in. */
@Isolated // it swaps Allure's one lifecycle for its own; the other test classes run side by side
class RedactedEvidenceTest {
    private static final String TOKEN = "sk-testEvidenceCanary000000000000000000000000";
    private static final URI CHAT = URI.create("http://127.0.0.1:9/v1/chat/completions");

    private final List<String> attachments = new CopyOnWriteArrayList<>();
    private final RedactedEvidence evidence = new RedactedEvidence(new Redactor(List.of(new Secret(TOKEN))));
    private AllureLifecycle original;
    private String testCase;

    @BeforeEach
    void recordAScenario() {
        original = Allure.getLifecycle();
        Allure.setLifecycle(new AllureLifecycle(new InMemoryResults()));
        testCase = UUID.randomUUID().toString();
        Allure.getLifecycle().scheduleTestCase(new TestResult().setUuid(testCase).setName("evidence"));
        Allure.getLifecycle().startTestCase(testCase);
    }

    @AfterEach
    void restore() {
        Allure.getLifecycle().stopTestCase(testCase);
        Allure.setLifecycle(original);
    }

    @Test
    void aTokenAtTheCutIsRedactedBeforeTheCutSoNoPartOfItGetsIn() {
        String body = "x".repeat((int) AttachmentAllowance.PER_ATTACHMENT - 20) + TOKEN + "y".repeat(1 << 20);

        evidence.response(reply(body));

        assertThat(attachments, hasSize(1));
        String shown = attachments.get(0);
        assertThat(shown, not(containsString(TOKEN.substring(3, 14))));
        assertThat(shown, containsString("… cut: "));
        assertThat(shown.getBytes(StandardCharsets.UTF_8).length, lessThan(2 * (int) AttachmentAllowance.PER_ATTACHMENT));
    }

    @Test
    void aBinaryBodyAndHeaderAreShownEscaped() {
        evidence.response(new GatewayReply(new OutgoingRequest("POST", CHAT, List.of(), "{}"), 200, Map.of("X-Odd", "a\u0007b"),
                "\u0000\u0001{\"object\":\"chat.completion\"}\u001B[2J", Duration.ZERO, Duration.ZERO));

        String shown = attachments.get(0);
        assertThat(shown, containsString("\\x00\\x01{&quot;object&quot;:&quot;chat.completion&quot;}\\x1B[2J"));
        assertThat(shown, containsString("X-Odd: a\\x07b"));
        assertThat(shown.chars().anyMatch(c -> c < 0x20 && c != '\n' && c != '\r' && c != '\t'), is(false));
    }

    @Test
    void aRequestBodyIsRedactedAndItsTokenHeaderMasked() {
        evidence.request(new OutgoingRequest("POST", CHAT, List.of(new OutgoingRequest.Header("Authorization", "Bearer " + TOKEN)),
                "{\"note\":\"" + TOKEN + "\"}"));

        assertThat(attachments.get(0), not(containsString(TOKEN.substring(3))));
        assertThat(attachments.get(0), containsString("Authorization: Bearer sk-[REDACTED]"));
    }

    @Test
    void aReplyTheHarnessStoppedReadingSaysWhyFirst() {
        evidence.response(reply("{\"object\":"), "the reply body is larger than 10 MB (crazyrouter.maxBody)");

        assertThat(attachments.get(0), containsString("[the reply body is larger than 10 MB (crazyrouter.maxBody)]\n{&quot;object&quot;:"));
    }

    /** A gateway that echoes the token u-escaped, as character references and percent-encoded, in its body and a header. */
    @Test
    void aTokenEchoedInDisguiseReachesNoAttachment() {
        String escaped = TOKEN.chars().mapToObj(c -> String.format("\\u%04X", c)).collect(Collectors.joining());
        String references = TOKEN.chars().mapToObj(c -> "&#x" + Integer.toHexString(c) + ";").collect(Collectors.joining());
        String percent = TOKEN.chars().mapToObj(c -> "%" + Integer.toHexString(c)).collect(Collectors.joining());
        Redactor redactor = new Redactor(List.of(new Secret(TOKEN)));
        String body = "{\"error\":{\"message\":\"Invalid token " + escaped + ", " + references + ", " + percent + "\",\"type\":\"new_api_error\"}}";
        Map<String, String> headers = Map.of("X-Echo", redactor.redactHeader("X-Echo", percent), "Content-Type", "application/json");

        evidence.request(new OutgoingRequest("POST", CHAT, List.of(new OutgoingRequest.Header("X-Note", references)), "{\"note\":\"" + escaped + "\"}"));
        evidence.response(new GatewayReply(new OutgoingRequest("POST", CHAT, List.of(), "{}"), 401, headers, redactor.redact(body), Duration.ZERO,
                Duration.ZERO), "stopped at " + percent);

        assertThat(attachments, hasSize(2));
        List<String> needles = TokenLeaks.needles(List.of(new Secret(TOKEN)));
        attachments.forEach(shown -> assertThat(TokenLeaks.found(shown, needles), is(Optional.empty())));
        assertThat(attachments.get(1), containsString("Invalid token [REDACTED], [REDACTED], [REDACTED]"));
    }

    private GatewayReply reply(String body) {
        Redactor redactor = new Redactor(List.of(new Secret(TOKEN)));
        return new GatewayReply(new OutgoingRequest("POST", CHAT, List.of(), "{}"), 200, Map.of("Content-Type", "application/json"),
                redactor.redact(body), Duration.ZERO, Duration.ZERO);
    }

    private final class InMemoryResults implements AllureResultsWriter {
        @Override
        public void write(TestResult result) {
        }

        @Override
        public void write(TestResultContainer container) {
        }

        @Override
        public void write(String source, InputStream attachment) {
            try (attachment) {
                attachments.add(new String(attachment.readAllBytes(), StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
