package com.crazyrouter.coze.text;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class JsonTest {
    private static final JsonNode REPLY = Json.parse("""
            {"choices":[{"message":{"content":"OK","refusal":null}}],"data":[[1,2],[3,4]],"usage":{"total_tokens":12}}
            """).orElseThrow();

    @Test
    void aMappingPathFindsTheReplyText() {
        assertThat(Json.at(REPLY, "choices[0].message.content").map(Json::text), equalTo(Optional.of("OK")));
    }

    @Test
    void nestedIndexesAndNumbers() {
        assertThat(Json.at(REPLY, "data[1][0]").map(JsonNode::asInt), equalTo(Optional.of(3)));
        assertThat(Json.at(REPLY, "usage").map(Json::text), equalTo(Optional.of("{\"total_tokens\":12}")));
    }

    @Test
    void nothingThereIsEmptyAJsonNullToo() {
        assertThat(Json.at(REPLY, "data.content"), equalTo(Optional.empty()));
        assertThat(Json.at(REPLY, "choices[1].message.content"), equalTo(Optional.empty()));
        assertThat(Json.at(REPLY, "choices[0].message.refusal"), equalTo(Optional.empty()));
        assertThat(Json.at(REPLY, "choices[x]"), equalTo(Optional.empty()));
    }
}
