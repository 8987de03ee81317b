package com.crazyrouter.coze.setup;

import com.crazyrouter.coze.guide.ChecklistLine;
import com.crazyrouter.coze.guide.CommonError;
import com.crazyrouter.coze.route.PluginTool;
import com.crazyrouter.coze.route.WorkflowHttpNode;
import com.crazyrouter.coze.setup.SetupCheck.Line;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Checklist 4, Authorization: what Coze puts in the Authorization header (the plugin's service token; the node's
 * hand-written header or its auth, which wins), judged against "Bearer sk-…", the token always shown hidden.
 */
final class AuthorizationCheck {
    private static final Pattern WORDS = Pattern.compile("(\\s*)(\\S+)");
    private static final String GUIDE_401 = "Guide, Common Errors \"401 unauthorized\": " + CommonError.UNAUTHORIZED.fix() + ".";

    private AuthorizationCheck() {
    }

    static Line plugin(PluginTool tool) {
        ChecklistLine line = ChecklistLine.BEARER_HEADER;
        Problems problems = new Problems();
        Optional<PluginTool.Parameter> input = tool.parameters().stream().filter(p -> p.name().equalsIgnoreCase("Authorization")).findFirst();
        if (input.isPresent()) {
            problems.add("Authorization is a tool input (a required parameter), not the plugin's auth: an imported cURL's -H Authorization, or a header "
                    + "parameter without a value, becomes one, and its value is dropped.",
                    "The token is not part of the plugin: the bot or workflow must fill Authorization on every call. Left empty, Coze stops with "
                            + "parameter 'Authorization' is required; filled by the bot's model, the token is whatever the model wrote.",
                    "Delete the Authorization input and set the plugin's auth to Service token / API key: location Header, key Authorization, "
                            + "value Bearer sk-xxx (the token).");
            return problems.line(line, "", "");
        }
        if (tool.serviceToken().isEmpty()) {
            return Problems.notCheckable(line, "the file sets no auth. Coze keeps a plugin's auth in the plugin's settings, not in its OpenAPI document or a "
                    + "cURL import (an OpenAPI file can carry it under " + OpenApiReader.MANIFEST + ", see examples/README.md).",
                    "In the plugin's settings: auth Service token / API key, location Header, key Authorization, value Bearer sk-xxx (the token).");
        }
        PluginTool.ServiceToken token = tool.serviceToken().get();
        String how = "The service token (Service token / API key, sent exactly as typed: Coze adds no \"Bearer \")";
        if (token.location() == PluginTool.Location.QUERY) {
            problems.add(how + " goes in the query as ?" + token.key() + "=…, not in a header.", "Coze puts the token in the URL. The guide's "
                    + "Crazyrouter setup reads it from the Authorization header, so expect 401 unauthorized (a guess, " + Problems.NOTHING_SENT + ").",
                    "Set the service token's location to Header, key Authorization, value Bearer sk-xxx.");
            return problems.line(line, "", "");
        }
        if (!token.key().equalsIgnoreCase("Authorization")) {
            problems.add(how + " is sent as the header " + token.key() + ", not Authorization.", "Coze sends " + token.key() + ": " + shape(token.value())
                    + ". Crazyrouter reads the token from Authorization on " + UrlCheck.GUIDE_PATH + ", so expect 401 unauthorized (a guess, "
                    + Problems.NOTHING_SENT + ").",
                    "Set the service token's key to Authorization and its value to Bearer sk-xxx.");
            return problems.line(line, "", "");
        }
        judgeAuthorization(problems, token.value(), how + " is " + shape(token.value()) + ".", "the service token's value");
        return problems.line(line, how + " is " + shape(token.value()) + (problems.hasNotes() ? "." : ": the guide's form."),
                "Coze sends Authorization: " + shape(token.value()) + ".");
    }

    static Line workflow(WorkflowHttpNode node) {
        ChecklistLine line = ChecklistLine.BEARER_HEADER;
        Problems problems = new Problems();
        Optional<String> header = Declared.header(node.headers(), "Authorization");
        Optional<String> sent = header;
        String how = header.map(v -> "The hand-written Authorization header is " + shape(v) + ".").orElse("");
        String where = "the Authorization header's value";
        boolean authSetsIt = false;
        WorkflowHttpNode.NodeAuth auth = node.auth();
        if (auth instanceof WorkflowHttpNode.BearerAuth bearer) {
            sent = Optional.of("Bearer " + bearer.token());
            authSetsIt = true;
            how = "The node's auth is Bearer: Coze sends \"Bearer \" + the token, " + shape(sent.get()) + ".";
            where = "the Bearer auth's token";
            if (bearer.token().strip().regionMatches(true, 0, "Bearer", 0, 6)) {
                problems.add("The node's auth is Bearer and its token already starts with \"Bearer \": Coze adds \"Bearer \" itself.",
                        "Coze sends Authorization: " + shape(sent.get()) + "; Crazyrouter rejects it (401 unauthorized).",
                        "With Bearer auth, give the token alone (" + Secrets.API_KEY_PLACEHOLDER + "), without \"Bearer \". " + GUIDE_401);
            }
        } else if (auth instanceof WorkflowHttpNode.CustomAuth custom && custom.key().equalsIgnoreCase("Authorization")) {
            if (custom.location() == PluginTool.Location.QUERY) {
                problems.add("The node's custom auth puts Authorization in the query (?" + custom.key() + "=…), not in a header.",
                        "Coze puts the token in the URL; Crazyrouter reads it from the Authorization header, so expect 401 unauthorized (a guess, "
                                + Problems.NOTHING_SENT + ").",
                        "Set the custom auth's location to Header (key Authorization, value Bearer sk-xxx).");
            } else {
                sent = Optional.of(custom.value());
                authSetsIt = true;
                how = "The node's custom auth sets the header Authorization to " + shape(custom.value()) + ".";
                where = "the custom auth's value";
            }
        } else if (auth instanceof WorkflowHttpNode.CustomAuth custom) {
            problems.note("The node's custom auth also sends " + custom.key() + " (in the " + custom.location().name().toLowerCase(Locale.ROOT) + ").");
        }
        if (header.isPresent() && authSetsIt) {
            problems.note("Coze applies the node's auth after the headers, so it overwrites the hand-written Authorization header ("
                    + shape(header.get()) + "): keep one of the two.");
        }
        if (sent.isEmpty()) {
            if (problems.isEmpty()) {
                problems.add("The node sends no Authorization: no Authorization header and no Bearer or custom auth.",
                        "Coze sends the request without a token; Crazyrouter rejects it (401 unauthorized).",
                        "Fill the Authorization header as Bearer sk-xxx (or set the node's auth to Bearer with the token alone). " + GUIDE_401);
            }
            return problems.line(line, "", "");
        }
        if (problems.isEmpty()) {
            judgeAuthorization(problems, sent.get(), how, where);
        }
        return problems.line(line, how + (problems.hasNotes() ? "" : " That is the guide's form."), "Coze sends Authorization: " + shape(sent.get()) + ".");
    }

    /**
     * new-api's releases read a lowercase "bearer " or a doubled space differently (docs/GATEWAY.md §5, §10): no harm a
     * setup file can show, so it is a note, and the run's checklist 4 rows say which release answers.
     */
    static final String RELEASE_DEPENDENT_BEARER = "Newer new-api releases accept it, older ones answer 401 unauthorized; which one Crazyrouter "
            + "runs is not in this file (the run's \"What this gateway's release does\" section says). Bearer sk-xxx works on every release.";

    /**
     * A token without "Bearer ": every new-api release's TokenAuth strips an optional "Bearer " (one-api's has since
     * 2023), so Crazyrouter accepts it; no harm to a builder, so a note (docs/GATEWAY.md §5).
     */
    static final String WITHOUT_BEARER = "Crazyrouter (new-api, every release) strips an optional \"Bearer \" before it reads the key, so it accepts "
            + "the token as it is; typing Bearer sk-… as the guide does works the same on every gateway.";

    /** The value Coze puts in the Authorization header, judged against "Bearer sk-…". */
    private static void judgeAuthorization(Problems problems, String value, String how, String where) {
        String sends = "Coze sends Authorization: " + shape(value);
        if (value.isBlank()) {
            problems.add(how + " It is empty.", sends + "; Crazyrouter rejects it (401 unauthorized).", "Fill " + where + " as Bearer sk-xxx. " + GUIDE_401);
        } else if (value.contains("\n") || value.contains("\r")) {
            problems.add(how + " It holds a line break (from copy-paste).", "Coze refuses to send it (net/http: invalid header field value for "
                    + "\"Authorization\"): nothing reaches Crazyrouter.", "Re-enter " + where + " on one line, without the line break. " + GUIDE_401);
        } else if (Secrets.isGuidePlaceholder(value)) {
            problems.add(how + " It is still the guide's placeholder.", sends + "; Crazyrouter rejects it (401 unauthorized).",
                    "Write " + Secrets.API_KEY_PLACEHOLDER + " where the token goes and give the dedicated token in " + Secrets.API_KEY + ". " + GUIDE_401);
        } else if (value.contains("{{")) {
            problems.add(how + " It holds a {{variable}}, and Coze fills no variables in headers or auth.", sends + " with the braces as written; "
                    + "Crazyrouter rejects it (401 unauthorized).", "Write the token itself in Coze (here: " + Secrets.API_KEY_PLACEHOLDER + "). " + GUIDE_401);
        } else if (value.startsWith("\"") || value.startsWith("'")) {
            problems.add(how + " It is wrapped in quotes.", sends + " with the quotes; Crazyrouter rejects it (401 unauthorized).",
                    "Remove the quotes: Bearer sk-xxx. " + GUIDE_401);
        } else if (value.matches("(?is)^bearer\\s+bearer\\b.*")) {
            problems.add(how + " It says Bearer twice.", sends + "; Crazyrouter rejects it (401 unauthorized).",
                    "Fill " + where + " as Bearer sk-xxx, with one Bearer. " + GUIDE_401);
        } else if (value.regionMatches(true, 0, "Bearer ", 0, 7)) {
            String rest = value.substring(7);
            if (rest.isBlank() || rest.strip().contains(" ")) {
                problems.add(how + " It has a space inside the token.", sends + "; Crazyrouter reads the key only up to the space and rejects it "
                        + "(401 unauthorized).", "Fill " + where + " as Bearer sk-xxx: one space after Bearer, none in the token. " + GUIDE_401);
            } else if (!value.startsWith("Bearer ") || Character.isWhitespace(rest.charAt(0))) {
                problems.note("It writes " + Problems.quoted(value.substring(0, value.length() - rest.stripLeading().length()).replace(" ", "·"))
                        + " where the guide writes \"Bearer·\". " + RELEASE_DEPENDENT_BEARER);
            }
        } else {
            problems.note("It is the token without \"Bearer \" in front, where the guide writes Bearer sk-…. " + WITHOUT_BEARER);
        }
    }

    /**
     * An Authorization value with the token hidden, keeping what matters: "Bearer sk-…", "Bearer Bearer sk-…",
     * "sk-…". The guide's placeholder shows as it is.
     */
    static String shape(String value) {
        if (Secrets.isGuidePlaceholder(value)) {
            return value.strip();
        }
        StringBuilder out = new StringBuilder();
        Matcher words = WORDS.matcher(value.replace("\n", "\\n").replace("\r", "\\r"));
        while (words.find()) {
            String word = words.group(2);
            out.append(words.group(1));
            if (word.equalsIgnoreCase("bearer") || word.startsWith("{{") || Secrets.isPlaceholder(word)) {
                out.append(word);
            } else {
                String quote = word.startsWith("\"") || word.startsWith("'") ? word.substring(0, 1) : "";
                out.append(quote).append(word.startsWith("sk-", quote.length()) ? "sk-…" : "…");
            }
        }
        return out.toString();
    }
}
