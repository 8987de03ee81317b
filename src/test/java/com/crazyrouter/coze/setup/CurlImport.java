package com.crazyrouter.coze.setup;

import com.crazyrouter.coze.route.PluginTool;
import com.crazyrouter.coze.text.Json;
import com.crazyrouter.coze.transport.OutgoingRequest;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A cURL command pasted into Coze's plugin importer (Create from API → cURL), turned into the tool Coze would create,
 * step by step as coze-studio's importer does (backend/domain/plugin/internal/openapi/convert_protocol.go,
 * CurlToOpenapi3Doc):
 * <ul>
 * <li>it understands -X -G -H -b -e -A and -d/--data/--data-urlencode only; the bodies of --data-raw and
 * --data-binary (and --json, -F, …) are silently dropped;</li>
 * <li>each header (-H, and the -b cookie, -e referer, -A user agent) becomes a required string tool input with its
 * value dropped, except Content-Type, which sets the body's media type; an imported Authorization is a tool input,
 * not auth;</li>
 * <li>-d without a Content-Type means form-urlencoded; a JSON -d body's top-level keys become the parameters, all
 * required, typed from their values (every JSON number becomes integer, an empty array or null is dropped);</li>
 * <li>the server is scheme://host as written (an http:// URL stays http://; a URL without http:// or https:// is no URL
 * to the importer: "invalid request url"), the path the URL's path; without -X the method is POST when -d is given,
 * else GET.</li>
 * </ul>
 * What a builder would not expect goes into the import notes.
 */
final class CurlImport {
    /** The words of the import note for a body Coze's importer drops; {@link SetupCheck} looks for them. */
    static final String DROPS_BODY = "Coze's plugin importer drops this body; the tool would send no body";
    static final String FORM = "application/x-www-form-urlencoded";
    private static final Set<String> JSON_TYPES = Set.of("application/json", "application/problem+json");
    private static final Set<String> YAML_TYPES = Set.of("application/yaml", "application/x-yaml");
    private static final Set<String> DROPPED_BODIES = Set.of("--data-raw", "--data-binary", "--data-ascii", "--json", "-F", "--form",
            "--form-string", "-T", "--upload-file");
    private static final Pattern URL = Pattern.compile("(?i)^(https?)://([^/?#\\s]+)([^?#\\s]*)(\\?[^#\\s]*)?(#\\S*)?$");
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private CurlImport() {
    }

    /** A word of the command and where it starts in the file. */
    record Word(String text, int line, int column) {
    }

    static BuilderSetup.PluginSetup read(Where file, String text) {
        List<Word> words = split(file, text);
        List<String> notes = new ArrayList<>();
        notes.add("Read as a cURL command pasted into Coze's plugin importer (Create from API, cURL): the tool below is what the importer creates.");
        if (words.size() < 2) {
            throw at(file, words.get(0), "the cURL command").fail("has nothing after curl: Coze's importer says \"invalid curl command\". "
                    + "Paste the whole command, e.g. curl -X POST https://crazyrouter.com/v1/chat/completions -H 'Content-Type: application/json' -d '{…}'.");
        }
        Map<String, String> headers = new LinkedHashMap<>();
        String method = "";
        boolean dataToQuery = false;
        Optional<Word> url = Optional.empty();
        // The importer's first pass, as written: a value after -b/-e/-A is looked at again as a word of its own.
        for (int i = 0; i < words.size();) {
            String word = trimLineBreaks(words.get(i).text());
            if (URL.matcher(word).matches()) {
                url = Optional.of(words.get(i));
                i++;
                continue;
            }
            switch (word) {
                case "-X", "--request" -> {
                    method = value(file, words, i, "request method not found").toUpperCase(Locale.ROOT);
                    i += 2;
                }
                case "-G", "--get" -> {
                    dataToQuery = true;
                    i++;
                }
                case "-H", "--header" -> {
                    String header = value(file, words, i, "header not found");
                    int colon = header.indexOf(':');
                    if (colon < 0) {
                        throw at(file, words.get(i + 1), "-H")
                                .fail(Where.shown(header) + " has no ':': Coze's importer says \"invalid header\". Write -H 'Name: value'.");
                    }
                    String name = canonical(header.substring(0, colon).stripLeading());
                    String headerValue = header.substring(colon + 1).stripLeading();
                    if (name.equals("Authorization") || name.equals("X-Api-Key")) {
                        Secrets.refuseLiteralKey(at(file, words.get(i + 1), "-H " + name), headerValue);
                    }
                    headers.putIfAbsent(name, headerValue);
                    i += 2;
                }
                case "-b", "--cookie" -> {
                    headers.putIfAbsent("Cookie", value(file, words, i, "cookie not found"));
                    i++;
                }
                case "-e", "--referer" -> {
                    headers.putIfAbsent("Referer", value(file, words, i, "referer not found"));
                    i++;
                }
                case "-A", "--user-agent" -> {
                    headers.putIfAbsent("User-Agent", value(file, words, i, "user-agent not found"));
                    i++;
                }
                default -> i++;
            }
        }
        Word urlWord = url.orElseThrow(() -> at(file, words.get(0), "the cURL command").fail("has no URL: Coze's importer says "
                + "\"invalid request url, url must start with 'http://' or 'https://'\". Add https://crazyrouter.com/v1/chat/completions."));

        // The second pass: the bodies the importer reads.
        Map<String, JsonNode> body = new LinkedHashMap<>();
        boolean anyData = false;
        for (int i = 0; i < words.size();) {
            String word = trimLineBreaks(words.get(i).text());
            if (!(word.equals("-d") || word.equals("--data") || word.equals("--data-urlencode"))) {
                i++;
                continue;
            }
            anyData = true;
            if (method.isEmpty() && !dataToQuery) {
                method = "POST";
            }
            String data = value(file, words, i, "request body data not found");
            Where dataAt = at(file, words.get(i + 1), word);
            String mediaType = headers.computeIfAbsent("Content-Type", none -> FORM);
            Map<String, JsonNode> decoded = decode(dataAt, mediaType, data);
            if (dataToQuery) {
                notes.add(word + " with -G: Coze's importer moves this data to the query and then does not use it; the tool gets none of it.");
            } else if (mediaType.equals(FORM)) {
                decoded.forEach((k, v) -> body.merge(k, v, (a, b) -> Json.MAPPER.createArrayNode().add(a).add(b)));
            } else {
                body.clear();
                body.putAll(decoded);
            }
            if (data.startsWith("@")) {
                notes.add(word + " " + data + ": curl would read a file here; Coze's importer cannot, and reads the text " + Where.shown(data) + " itself.");
            }
            i += 2;
        }
        if (method.isEmpty()) {
            method = "GET";
        }
        for (Word word : words) {
            String w = word.text();
            if (DROPPED_BODIES.contains(w)) {
                notes.add(w + ": " + DROPS_BODY + (anyData ? " (only the -d/--data body is read)" : "")
                        + (method.equals("GET") ? "; and without -X POST, Coze's importer makes the tool a GET." : "."));
            } else if (w.equals("-u") || w.equals("--user")) {
                notes.add(w + ": Coze's importer drops it: the tool would send no credentials from it.");
            } else if (w.matches("-[XHdbeAG]\\S+") && !w.startsWith("--")) {
                notes.add(Where.shown(w.length() > 12 ? w.substring(0, 2) + "…" : w) + " is an option glued to its value: Coze's importer does not "
                        + "understand it. Write them apart, e.g. -X POST, -H 'Content-Type: application/json'.");
            }
        }

        Matcher m = URL.matcher(trimLineBreaks(urlWord.text()));
        m.matches();
        // CurlToOpenapi3Doc: urlSchema.Scheme + "://" + urlSchema.Host (Go's url.Parse writes the scheme in lower case)
        String server = m.group(1).toLowerCase(Locale.ROOT) + "://" + m.group(2);
        String path = URLDecoder.decode(m.group(3).replace("+", "%2B"), StandardCharsets.UTF_8);
        if (path.isEmpty()) {
            notes.add("the URL has no path: the tool path is empty, and Coze needs one that starts with /, e.g. /v1/chat/completions.");
        }

        List<PluginTool.Parameter> parameters = new ArrayList<>();
        for (Map.Entry<String, String> header : headers.entrySet()) {
            if (header.getKey().equals("Content-Type")) {
                continue;
            }
            parameters.add(new PluginTool.Parameter(header.getKey(), "string", true));
            notes.add(header.getKey().equals("Authorization")
                    ? "-H Authorization: Coze's plugin importer turns this header into a required tool input named Authorization and drops its value: "
                            + "the token does not travel with the plugin, and the bot or workflow would have to fill it on every call. After the import, "
                            + "delete that input and set the plugin's auth to Service token / API key (location Header, key Authorization, value Bearer sk-…)."
                    : "-H " + header.getKey() + ": Coze's plugin importer turns this header into a required tool input and drops its value.");
        }
        if (m.group(4) != null && m.group(4).length() > 1) {
            Map<String, Integer> query = new LinkedHashMap<>();
            for (String pair : m.group(4).substring(1).split("&")) {
                if (!pair.isEmpty()) {
                    query.merge(URLDecoder.decode(pair.split("=", 2)[0], StandardCharsets.UTF_8), 1, Integer::sum);
                }
            }
            query.forEach((name, count) -> {
                parameters.add(new PluginTool.Parameter(name, count > 1 ? "array" : "string", true));
                notes.add("query ?" + name + "=: Coze's importer makes it a required tool input and drops its value.");
            });
        }
        List<OutgoingRequest.Header> fixedHeaders = new ArrayList<>();
        if (headers.containsKey("Content-Type")) {
            String mediaType = headers.get("Content-Type");
            fixedHeaders.add(new OutgoingRequest.Header("Content-Type", mediaType));
            body.forEach((name, value) -> type(value).ifPresentOrElse(
                    type -> parameters.add(new PluginTool.Parameter(name, type, true)),
                    () -> notes.add("body key " + name + " has no type Coze's importer can read (null, an empty list, or a YAML whole number): "
                            + "it leaves the key out of the tool.")));
        }
        notes.add("the imported tool's response \"200\" declares no fields (Coze's default response): Coze hands a bot or the next node only "
                + "declared fields, so it gets {} until you fill the output parameters (run the tool's Debug, let Coze parse the reply, save). "
                + "The run below assumes you did, as it assumes the service token.");
        PluginTool tool = new PluginTool(server, path, method, parameters, Optional.empty(), fixedHeaders);
        return new BuilderSetup.PluginSetup(file.file(), tool, notes);
    }

    /** The body's top-level keys and values, as the importer decodes them for its media type. */
    private static Map<String, JsonNode> decode(Where where, String mediaType, String data) {
        Map<String, JsonNode> fields = new LinkedHashMap<>();
        if (mediaType.equals(FORM)) {
            for (String pair : data.split("&")) {
                if (!pair.isEmpty()) {
                    String[] kv = pair.split("=", 2);
                    fields.merge(URLDecoder.decode(kv[0], StandardCharsets.UTF_8), Json.MAPPER.getNodeFactory().textNode(kv.length > 1 ? kv[1] : ""),
                            (a, b) -> Json.MAPPER.createArrayNode().add(a).add(b));
                }
            }
            return fields;
        }
        boolean json = JSON_TYPES.contains(mediaType);
        if (!json && !YAML_TYPES.contains(mediaType)) {
            throw where.fail("is sent as Content-Type " + Where.shown(mediaType) + ", which Coze's importer refuses: \"unsupported request media type\". "
                    + "It takes exactly application/json (no charset), application/x-www-form-urlencoded or YAML.");
        }
        JsonNode tree;
        try {
            tree = (json ? Json.MAPPER : YAML).readTree(data.isBlank() ? "{}" : data);
        } catch (JsonProcessingException e) {
            throw where.fail("is not valid " + (json ? "JSON" : "YAML") + ": Coze's importer says \"request body only supports 'object' type\" ("
                    + Where.sanitized(e.getOriginalMessage()) + ").");
        }
        if (tree == null || !tree.isObject()) {
            throw where.fail("is not a JSON object: Coze's importer says \"request body only supports 'object' type\".");
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = tree.fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> field = it.next();
            JsonNode value = field.getValue();
            fields.put(field.getKey(), !json && value.isIntegralNumber() ? Json.MAPPER.getNodeFactory().nullNode() : value);
        }
        return fields;
    }

    /** The schema type the importer gives a value: every JSON number is an integer; null and an empty list have none. */
    static Optional<String> type(JsonNode value) {
        if (value.isTextual()) {
            return Optional.of("string");
        }
        if (value.isBoolean()) {
            return Optional.of("boolean");
        }
        if (value.isNumber()) {
            return Optional.of("integer");
        }
        if (value.isObject()) {
            return Optional.of("object");
        }
        if (value.isArray() && !value.isEmpty()) {
            return Optional.of("array");
        }
        return Optional.empty();
    }

    private static String value(Where file, List<Word> words, int i, String cozeSays) {
        if (i + 1 >= words.size()) {
            throw at(file, words.get(i), words.get(i).text()).fail("has no value after it: Coze's importer says \"" + cozeSays + "\".");
        }
        return words.get(i + 1).text();
    }

    private static Where at(Where file, Word word, String field) {
        return file.at(word.line(), word.column()).field(field);
    }

    private static String trimLineBreaks(String word) {
        return word.replaceAll("^\n+|\n+$", "");
    }

    /** Go's http.CanonicalHeaderKey: "content-type" → "Content-Type"; a name with other characters stays as it is. */
    static String canonical(String name) {
        if (!name.matches("[A-Za-z0-9!#$%&'*+.^_`|~-]+")) {
            return name;
        }
        StringBuilder out = new StringBuilder();
        boolean upper = true;
        for (char c : name.toCharArray()) {
            out.append(upper ? Character.toUpperCase(c) : Character.toLowerCase(c));
            upper = c == '-';
        }
        return out.toString();
    }

    /**
     * The command split into words as a POSIX shell would (go-shellwords, which Coze uses, does the same for these
     * cases): quotes, backslash escapes, and a backslash at the end of a line continues the command. A # that starts a
     * word starts a comment, as in a shell.
     */
    static List<Word> split(Where file, String text) {
        List<Word> words = new ArrayList<>();
        StringBuilder word = null;
        int start = 0;
        int[] lineOf = new int[text.length() + 1];
        int[] columnOf = new int[text.length() + 1];
        for (int i = 0, line = 1, column = 1; i <= text.length(); i++) {
            lineOf[i] = line;
            columnOf[i] = column;
            if (i < text.length() && text.charAt(i) == '\n') {
                line++;
                column = 1;
            } else {
                column++;
            }
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\\' && i + 1 < text.length() && (text.charAt(i + 1) == '\n' || text.startsWith("\r\n", i + 1))) {
                i += text.charAt(i + 1) == '\r' ? 2 : 1;
                continue;
            }
            if (Character.isWhitespace(c)) {
                if (word != null) {
                    words.add(new Word(word.toString(), lineOf[start], columnOf[start]));
                    word = null;
                }
                continue;
            }
            if (word == null && c == '#') {
                while (i + 1 < text.length() && text.charAt(i + 1) != '\n') {
                    i++;
                }
                continue;
            }
            if (word == null) {
                word = new StringBuilder();
                start = i;
            }
            if (c == '\\' && i + 1 < text.length()) {
                word.append(text.charAt(++i));
            } else if (c == '\'' || c == '"') {
                int close = i + 1;
                while (close < text.length() && text.charAt(close) != c) {
                    if (c == '"' && text.charAt(close) == '\\' && close + 1 < text.length()) {
                        char next = text.charAt(close + 1);
                        if (next == '\n') {
                            close += 2;
                            continue;
                        }
                        if ("\"\\$`".indexOf(next) >= 0) {
                            word.append(next);
                            close += 2;
                            continue;
                        }
                    }
                    word.append(text.charAt(close++));
                }
                if (close >= text.length()) {
                    throw file.at(lineOf[i], columnOf[i]).field("the cURL command").fail("opens a " + (c == '"' ? "double" : "single")
                            + " quote here that is never closed.");
                }
                i = close;
            } else {
                word.append(c);
            }
        }
        if (word != null) {
            words.add(new Word(word.toString(), lineOf[start], columnOf[start]));
        }
        return words;
    }
}
