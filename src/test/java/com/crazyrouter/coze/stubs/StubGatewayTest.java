package com.crazyrouter.coze.stubs;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.crazyrouter.coze.config.ConfigurationException;
import com.crazyrouter.coze.config.Secret;
import com.crazyrouter.coze.config.TokenKind;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A broken stub file is named, with what is wrong in it, before the stub gateway starts. */
class StubGatewayTest {
    @TempDir
    Path root;

    @Test
    void invalidJsonIsNamedWithItsLine() throws IOException {
        Path file = mapping("broken.json", "{\n  \"request\": {\"method\": \"GET\"\n  \"response\": {}\n}");
        String message = assertThrows(ConfigurationException.class, () -> StubGateway.start(root, Optional.empty())).getMessage();
        assertThat(message, allOf(containsString("Malformed stub " + file), containsString("line 3")));
    }

    @Test
    void aMappingWithoutAResponseIsNamed() throws IOException {
        mapping("half.json", "{\"request\": {\"method\": \"GET\", \"url\": \"/\"}}");
        assertThat(assertThrows(ConfigurationException.class, () -> StubGateway.start(root, Optional.empty())).getMessage(),
                containsString("needs a \"request\" and a \"response\""));
    }

    @Test
    void aMissingBodyFileIsNamed() throws IOException {
        mapping("answer.json", "{\"request\": {\"method\": \"GET\", \"url\": \"/\"}, \"response\": {\"status\": 200, \"bodyFileName\": \"nowhere.json\"}}");
        assertThat(assertThrows(ConfigurationException.class, () -> StubGateway.start(root, Optional.empty())).getMessage(),
                containsString("__files/nowhere.json, which does not exist"));
    }

    @Test
    void tokenPlaceholdersAreFilledFromTheStubSet() {
        String filled = StubTokens.fill("Bearer ${token.dedicated} / ${token.dedicated.withoutSk}",
                Map.of(com.crazyrouter.coze.config.TokenKind.DEDICATED, new com.crazyrouter.coze.config.Secret("sk-testFill")));
        assertThat(filled, containsString("Bearer sk-testFill / testFill"));
    }

    @Test
    void theKeyFormIsThePartNewApiLooksUp() {
        Map<String, String> forms = StubTokens.forms(TokenKind.UNRESTRICTED, new Secret("sk-testFill-channel7"));
        assertThat(forms.get("${token.unrestricted.key}"), equalTo("testFill"));
        assertThat(forms.get("${token.unrestricted.withoutSk}"), equalTo("testFill-channel7"));
        assertThat("longest form first", new ArrayList<>(forms.keySet()), equalTo(List.of("${token.unrestricted}",
                "${token.unrestricted.withoutSk}", "${token.unrestricted.firstHalf}", "${token.unrestricted.key}")));
    }

    private Path mapping(String name, String text) throws IOException {
        Files.createDirectories(root.resolve("__files"));
        Path file = root.resolve("mappings").resolve(name);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
        return file;
    }
}
