package com.crazyrouter.coze.contract;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;

import com.crazyrouter.coze.config.TokenKind;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Each token's model list is asked for once per run, and not at all when the preflight already read it. */
class ModelListsTest {
    @Test
    void aListIsReadOnceAndTheSeededOneNever() {
        List<TokenKind> asked = new ArrayList<>();
        ModelLists lists = new ModelLists(kind -> {
            asked.add(kind);
            return kind == TokenKind.UNRESTRICTED ? Optional.of(List.of("gpt-5.4", "gemini-3-pro-preview")) : Optional.empty();
        });
        lists.seed(TokenKind.DEDICATED, List.of("gpt-5.4"));

        ListedModels first = lists.evidenceFor(TokenKind.DEDICATED);
        ListedModels again = lists.evidenceFor(TokenKind.DEDICATED);

        assertThat(asked, equalTo(List.of(TokenKind.UNRESTRICTED)));
        assertThat(first, equalTo(again));
        assertThat(first.forToken(), equalTo(Optional.of(List.of("gpt-5.4"))));
        assertThat(first.all(), equalTo(new java.util.LinkedHashSet<>(List.of("gpt-5.4", "gemini-3-pro-preview"))));
    }
}
