package com.crazyrouter.coze.contract;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;

import com.crazyrouter.coze.transport.GatewayReply;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeType;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.util.ArrayList;
import java.util.List;

/** The models GET /v1/models lists for the token that asked, in the gateway's order. */
public record ModelList(List<String> ids, String describe) {

    /** The listing, or a failure saying what came back instead of a 200 with a "data" list of models. */
    public static ModelList from(GatewayReply reply) {
        assertThat("GET /v1/models should answer 200 with a JSON \"data\" list of models: " + reply.describe(), reply.status(), equalTo(200));
        JsonNode data = reply.json().map(j -> j.path("data")).orElse(MissingNode.getInstance());
        assertThat("GET /v1/models should answer with a JSON \"data\" list of models: " + reply.describe(), data.getNodeType(), equalTo(JsonNodeType.ARRAY));
        List<String> ids = new ArrayList<>();
        data.forEach(model -> ids.add(model.path("id").asText()));
        return new ModelList(List.copyOf(ids), reply.describe());
    }

    /** The ids, failing when the list is empty: a token that may use no model cannot be what a check expects. */
    public List<String> nonEmptyIds() {
        assertThat("The model list is empty: " + describe, ids, is(not(empty())));
        return ids;
    }
}
