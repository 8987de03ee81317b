package com.crazyrouter.coze.contract;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import com.crazyrouter.coze.transport.GatewayReply;
import org.hamcrest.StringDescription;
import org.junit.jupiter.api.Test;

/** Which model a chat reply may name for the model asked for (guide/ModelNames.sameModel, docs/GATEWAY.md "Model ids"). */
class ReplyMatchersTest {

    @Test
    void aReplyFromTheModelOrADatedSnapshotOfItIsAChatReplyFromIt() {
        assertThat(ReplyMatchers.chatReplyFrom("gpt-5.4").matches(completion("gpt-5.4")), equalTo(true));
        assertThat(ReplyMatchers.chatReplyFrom("gpt-5.4").matches(completion("gpt-5.4-2026-03-05")), equalTo(true));
        assertThat(ReplyMatchers.chatReplyFrom("gpt-5.4").matches(completion("gpt-5.4-20260305")), equalTo(true));
    }

    @Test
    void aReplyFromASmallerVariantIsFromAnotherModel() {
        GatewayReply mini = completion("gpt-5.4-mini");
        assertThat(ReplyMatchers.chatReplyFrom("gpt-5.4").matches(mini), equalTo(false));
        StringDescription why = new StringDescription();
        ReplyMatchers.chatReplyFrom("gpt-5.4").describeMismatch(mini, why);
        assertThat(why.toString(), containsString("the reply is from model 'gpt-5.4-mini', not the requested 'gpt-5.4'"));
    }

    @Test
    void aReplyFromAnotherFamilyOrCaseIsFromAnotherModel() {
        assertThat(ReplyMatchers.chatReplyFrom("gpt-5.4").matches(completion("gpt-4o-mini")), equalTo(false));
        assertThat(ReplyMatchers.chatReplyFrom("gpt-5.4").matches(completion("gpt-5.4-preview")), equalTo(false));
    }

    private static GatewayReply completion(String model) {
        return OutcomeTest.reply(200, "{\"id\":\"chatcmpl-1\",\"object\":\"chat.completion\",\"created\":1767225600,\"model\":\"" + model
                + "\",\"choices\":[{\"index\":0,\"message\":{\"role\":\"assistant\",\"content\":\"OK\"},\"finish_reason\":\"stop\"}],"
                + "\"usage\":{\"prompt_tokens\":11,\"completion_tokens\":1,\"total_tokens\":12}}");
    }
}
