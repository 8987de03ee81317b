package com.crazyrouter.coze.stubs;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.crazyrouter.coze.config.ConfigurationException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
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

    private Path mapping(String name, String text) throws IOException {
        Files.createDirectories(root.resolve("__files"));
        Path file = root.resolve("mappings").resolve(name);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
        return file;
    }
}
