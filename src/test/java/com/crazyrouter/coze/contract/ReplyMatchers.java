package com.crazyrouter.coze.contract;

import com.crazyrouter.coze.guide.ModelNames;
import com.crazyrouter.coze.route.Attempt;
import com.crazyrouter.coze.transport.GatewayError;
import com.crazyrouter.coze.transport.GatewayReply;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.hamcrest.Description;
import org.hamcrest.Matcher;
import org.hamcrest.TypeSafeDiagnosingMatcher;

/** Hamcrest matchers for what Crazyrouter answers, each describing in plain words what was expected and what came. */
public final class ReplyMatchers {
    private static final String CHAT_SCHEMA = "schemas/chat-completion.json";
    private static final String ERROR_SCHEMA = "schemas/error-envelope.json";

    private ReplyMatchers() {
    }

    /** 200, JSON, a chat.completion that satisfies the schema, for the model that was asked for (guide/ModelNames.sameModel). */
    public static Matcher<GatewayReply> chatReplyFrom(String model) {
        return new TypeSafeDiagnosingMatcher<>() {
            @Override
            public void describeTo(Description d) {
                d.appendText("HTTP 200 with a JSON chat.completion from " + model + " (id, object, created, model, choices[0].message, usage)");
            }

            @Override
            protected boolean matchesSafely(GatewayReply reply, Description mismatch) {
                if (reply.status() != 200) {
                    mismatch.appendText("Crazyrouter answered " + reply.describe());
                    return false;
                }
                if (!reply.isJson()) {
                    mismatch.appendText("the answer is not JSON (Content-Type '" + reply.contentType() + "'): " + reply.describe());
                    return false;
                }
                if (!schemaHolds(CHAT_SCHEMA, reply, mismatch)) {
                    return false;
                }
                String answered = reply.json().map(j -> j.path("model").asText()).orElse("");
                if (!ModelNames.sameModel(model, answered)) {
                    mismatch.appendText("the reply is from model '" + answered + "', not the requested '" + model
                            + "' (the same id, or it with a dated snapshot suffix such as -2026-03-05, is the same model; docs/GATEWAY.md, Model ids)");
                    return false;
                }
                return true;
            }
        };
    }

    /**
     * A rejection as every new-api release sends it: the status, and the error envelope with a text message and this
     * type ({@code type} empty: any type, for an error passed on from the model's provider). A {@code code} and the
     * message's words are not part of it: releases differ in both (v0.6.x sends no code and Chinese messages;
     * docs/GATEWAY.md §3, §4), so they are reported, never required.
     */
    public static Matcher<GatewayReply> rejection(String what, Optional<String> type, int status) {
        return new TypeSafeDiagnosingMatcher<>() {
            @Override
            public void describeTo(Description d) {
                d.appendText("HTTP " + status + " for " + what + ", with the error JSON {\"error\":{\"message\":\"…\",\"type\":"
                        + type.map(t -> "\"" + t + "\"").orElse("\"…\"") + "}}");
            }

            @Override
            protected boolean matchesSafely(GatewayReply reply, Description mismatch) {
                if (reply.status() != status) {
                    mismatch.appendText("Crazyrouter answered " + reply.describe());
                    return false;
                }
                if (!schemaHolds(ERROR_SCHEMA, reply, mismatch)) {
                    return false;
                }
                String answered = reply.error().map(GatewayError::type).orElse("");
                if (type.filter(t -> !t.equals(answered)).isPresent()) {
                    mismatch.appendText("the error's type is \"" + answered + "\", not \"" + type.get() + "\", the type every new-api release gives "
                            + what + ": " + reply.describe());
                    return false;
                }
                return true;
            }
        };
    }

    /** Anything but a chat reply: the dashboard's HTML page, or a 404. */
    public static Matcher<GatewayReply> noChatReply() {
        return new TypeSafeDiagnosingMatcher<>() {
            @Override
            public void describeTo(Description d) {
                d.appendText("no chat reply: Crazyrouter's web page (HTML) or a 404");
            }

            @Override
            protected boolean matchesSafely(GatewayReply reply, Description mismatch) {
                boolean webPage = reply.status() == 200 && reply.isHtml();
                if (webPage || reply.status() == 404) {
                    return true;
                }
                mismatch.appendText("Crazyrouter answered " + reply.describe());
                return false;
            }
        };
    }

    /** Coze put the request on the wire. */
    public static Matcher<Attempt> sentByCoze() {
        return new TypeSafeDiagnosingMatcher<>() {
            @Override
            public void describeTo(Description d) {
                d.appendText("Coze sends the request");
            }

            @Override
            protected boolean matchesSafely(Attempt attempt, Description mismatch) {
                attempt.refusal().ifPresent(why -> mismatch.appendText("Coze would not send " + attempt.describe() + ": " + why));
                return attempt.refusal().isEmpty();
            }
        };
    }

    /** Coze would not put the request on the wire at all. */
    public static Matcher<Attempt> refusedByCoze() {
        return new TypeSafeDiagnosingMatcher<>() {
            @Override
            public void describeTo(Description d) {
                d.appendText("Coze refuses to send it");
            }

            @Override
            protected boolean matchesSafely(Attempt attempt, Description mismatch) {
                attempt.reply().ifPresent(reply -> mismatch.appendText("Coze sent " + attempt.describe() + " and Crazyrouter answered " + reply.describe()));
                return attempt.reply().isEmpty();
            }
        };
    }

    private static boolean schemaHolds(String schema, GatewayReply reply, Description mismatch) {
        if (reply.json().isEmpty()) {
            mismatch.appendText("the body is not JSON: " + reply.describe());
            return false;
        }
        List<JsonSchemas.Violation> violations = JsonSchemas.violations(schema, reply.json().get());
        if (violations.isEmpty()) {
            return true;
        }
        String why = violations.stream().map(JsonSchemas.Violation::toString).collect(Collectors.joining("; "));
        mismatch.appendText("the body breaks " + schema + ": " + why + "; body: " + reply.describe());
        return false;
    }
}
