package com.crazyrouter.coze.setup;

import com.crazyrouter.coze.route.PluginTool;
import com.crazyrouter.coze.route.WorkflowHttpNode;
import com.crazyrouter.coze.route.WorkflowHttpNode.BodyType;
import com.crazyrouter.coze.transport.OutgoingRequest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The short YAML that describes a workflow HTTP request node, field by field as Coze's node shows it:
 *
 * <pre>
 * workflow-http-node:
 *   url: https://crazyrouter.com/v1/chat/completions
 *   method: POST                       # GET | POST | PUT | DELETE | PATCH | HEAD
 *   body:
 *     type: json                       # json | raw_text | empty | form_urlencoded | form_data | binary
 *     template: '{"model":"gpt-5.4","messages":[{"role":"user","content":"{{escaped_input}}"}]}'
 *   auth: {type: bearer, token: "{{CRAZYROUTER_API_KEY}}"}
 *                                      # none | bearer (token) | custom (location: header|query, key, value)
 *   headers: {Content-Type: application/json}   # or a list of {name, value}
 *   timeout: 120s                      # 0–180 s: 90, 90s, 1500ms, 2m; default 120 s
 *   retries: 3                         # 0–10; default 3
 *   outputs: {reply: body}             # what the next nodes map from this node's outputs (body, statusCode, headers)
 * </pre>
 */
final class WorkflowNodeReader {
    static final String ROOT = "workflow-http-node";
    private static final Set<String> KEYS = Set.of("url", "method", "body", "auth", "headers", "timeout", "retries", "outputs");
    /** As the file writes them, the commonest first. */
    private static final List<String> BODY_TYPES = List.of("json", "raw_text", "empty", "form_urlencoded", "form_data", "binary");
    private static final List<String> METHODS = List.of("GET", "POST", "PUT", "DELETE", "PATCH", "HEAD");
    private static final Pattern DURATION = Pattern.compile("^(\\d+)\\s*(ms|s|m)?$");
    private static final Duration LONGEST_TIMEOUT = Duration.ofSeconds(180);
    private static final int MOST_RETRIES = 10;

    private WorkflowNodeReader() {
    }

    static WorkflowHttpNode read(LocatedValue document, Map<String, String> secrets) {
        LocatedValue node = document.get(ROOT);
        if (!node.isObject()) {
            throw node.fail("must be a block of fields (" + String.join(", ", KEYS.stream().sorted().toList()) + ").");
        }
        document.onlyKeys(Set.of(ROOT));
        node.onlyKeys(KEYS);
        String url = node.get("url").requiredText("the URL the node calls, e.g. https://crazyrouter.com/v1/chat/completions");
        String method = oneOf(node.get("method"), METHODS, "the request method, e.g. POST").toUpperCase(Locale.ROOT);
        LocatedValue body = node.get("body");
        BodyType bodyType = BodyType.EMPTY;
        String template = "";
        if (body.present()) {
            if (!body.isObject()) {
                throw body.fail("must be a block with type and template, e.g. {type: json, template: '{\"model\":\"gpt-5.4\",…}'}.");
            }
            body.onlyKeys(Set.of("type", "template"));
            bodyType = BodyType.valueOf(oneOf(body.get("type"), BODY_TYPES, "the body type").toUpperCase(Locale.ROOT));
            template = body.get("template").text().orElse("");
            if ((bodyType == BodyType.JSON || bodyType == BodyType.RAW_TEXT) && template.isBlank()) {
                throw body.get("template").fail("is missing: a " + bodyType.name().toLowerCase(Locale.ROOT)
                        + " body needs its text, e.g. '{\"model\":\"gpt-5.4\",\"messages\":[…]}'.");
            }
            if (bodyType == BodyType.EMPTY && !template.isBlank()) {
                throw body.get("template").fail("is given, but the body type is empty: Coze sends no body. Set type: json, or remove the template.");
            }
        }
        return new WorkflowHttpNode(url.strip(), method, bodyType, template, auth(node.get("auth"), secrets), headers(node.get("headers"), secrets),
                timeout(node.get("timeout")), retries(node.get("retries")));
    }

    /** What the next nodes read from the node's outputs: name → path, e.g. reply → body.choices[0].message.content. */
    static Map<String, String> outputs(LocatedValue document) {
        LocatedValue outputs = document.get(ROOT).get("outputs");
        Map<String, String> mapped = new java.util.LinkedHashMap<>();
        if (!outputs.present()) {
            return mapped;
        }
        if (!outputs.isObject()) {
            throw outputs.fail("must be a block of name: path lines, e.g. {reply: body}.");
        }
        outputs.members().forEach((name, path) -> mapped.put(name, path.requiredText("the output path a next node maps, e.g. body").strip()));
        return mapped;
    }

    private static WorkflowHttpNode.NodeAuth auth(LocatedValue auth, Map<String, String> secrets) {
        if (!auth.present()) {
            return new WorkflowHttpNode.NoAuth();
        }
        if (!auth.isObject()) {
            throw auth.fail("must be a block, e.g. {type: bearer, token: \"{{CRAZYROUTER_API_KEY}}\"}.");
        }
        String type = oneOf(auth.get("type"), List.of("none", "bearer", "custom"), "the auth type");
        switch (type.toLowerCase(Locale.ROOT)) {
            case "bearer" -> {
                auth.onlyKeys(Set.of("type", "token"));
                return new WorkflowHttpNode.BearerAuth(
                        credential(auth.get("token"), "the token; Coze adds \"Bearer \" itself, so write " + Secrets.API_KEY_PLACEHOLDER, secrets));
            }
            case "custom" -> {
                auth.onlyKeys(Set.of("type", "location", "key", "value"));
                PluginTool.Location location = PluginTool.Location
                        .valueOf(oneOf(auth.get("location"), List.of("header", "query"), "where the value goes").toUpperCase(Locale.ROOT));
                String key = auth.get("key").requiredText("the header or query name, e.g. Authorization").strip();
                return new WorkflowHttpNode.CustomAuth(location, key,
                        credential(auth.get("value"), "the value, e.g. \"Bearer " + Secrets.API_KEY_PLACEHOLDER + "\"", secrets));
            }
            default -> {
                auth.onlyKeys(Set.of("type"));
                return new WorkflowHttpNode.NoAuth();
            }
        }
    }

    private static List<OutgoingRequest.Header> headers(LocatedValue headers, Map<String, String> secrets) {
        List<OutgoingRequest.Header> all = new ArrayList<>();
        if (!headers.present()) {
            return all;
        }
        if (headers.isObject()) {
            headers.members().forEach((name, value) -> all.add(header(value, name, secrets)));
        } else if (headers.isArray()) {
            for (LocatedValue entry : headers.elements()) {
                if (!entry.isObject()) {
                    throw entry.fail("must be {name: …, value: …}.");
                }
                entry.onlyKeys(Set.of("name", "value"));
                all.add(header(entry.get("value"), entry.get("name").requiredText("the header's name").strip(), secrets));
            }
        } else {
            throw headers.fail("must be a block of name: value lines, e.g. {Content-Type: application/json}.");
        }
        return all;
    }

    private static OutgoingRequest.Header header(LocatedValue value, String name, Map<String, String> secrets) {
        if (!name.matches("[!#$%&'*+.^_`|~0-9A-Za-z-]+")) {
            throw value.fail("is not a header name Coze can send (letters, digits and - only).");
        }
        String text = value.text().orElse("");
        if (name.equalsIgnoreCase("Authorization") || name.equalsIgnoreCase("X-Api-Key")) {
            Secrets.refuseLiteralKey(value.where(), text);
        }
        return new OutgoingRequest.Header(name, Secrets.fill(text, secrets));
    }

    private static String credential(LocatedValue value, String whatItIs, Map<String, String> secrets) {
        String text = value.requiredText(whatItIs);
        Secrets.refuseLiteralKey(value.where(), text);
        return Secrets.fill(text, secrets);
    }

    private static Duration timeout(LocatedValue timeout) {
        if (!timeout.present()) {
            return WorkflowHttpNode.DEFAULT_TIMEOUT;
        }
        String raw = timeout.text().orElseThrow();
        Matcher m = DURATION.matcher(raw.strip());
        if (!m.matches()) {
            throw timeout.fail(Where.shown(raw) + " is not a duration: write e.g. 120s, 90 (seconds), 1500ms or 2m.");
        }
        long amount = Long.parseLong(m.group(1));
        Duration duration = switch (m.group(2) == null ? "s" : m.group(2)) {
            case "ms" -> Duration.ofMillis(amount);
            case "m" -> Duration.ofMinutes(amount);
            default -> Duration.ofSeconds(amount);
        };
        if (duration.compareTo(LONGEST_TIMEOUT) > 0) {
            throw timeout.fail(Where.shown(raw) + " is longer than Coze allows: the node's timeout goes from 0 to 180 s.");
        }
        return duration;
    }

    private static int retries(LocatedValue retries) {
        if (!retries.present()) {
            return WorkflowHttpNode.DEFAULT_RETRIES;
        }
        String raw = retries.text().orElseThrow();
        if (!raw.strip().matches("\\d{1,2}") || Integer.parseInt(raw.strip()) > MOST_RETRIES) {
            throw retries.fail(Where.shown(raw) + " must be a whole number from 0 to 10 (Coze's range; it retries only when no answer arrives).");
        }
        return Integer.parseInt(raw.strip());
    }

    /** A value that must be one of {@code allowed} (case-insensitive); the message lists them. */
    static String oneOf(LocatedValue value, List<String> allowed, String whatItIs) {
        String raw = value.requiredText(whatItIs + ", one of " + String.join(", ", allowed)).strip();
        if (allowed.stream().noneMatch(a -> a.equalsIgnoreCase(raw))) {
            throw value.fail(Where.shown(raw) + " must be one of " + allowed.stream().collect(Collectors.joining(", ")) + ".");
        }
        return raw;
    }
}
