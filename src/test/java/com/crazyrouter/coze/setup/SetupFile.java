package com.crazyrouter.coze.setup;

import com.crazyrouter.coze.config.ConfigurationException;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Reads a builder's own Coze setup from a file, in one of five forms, detected from the content as Coze's Import
 * detects them (plugin_draft.go {@code getConvertFunc}: curl first, then "_postman_id" anywhere, then the version key):
 * <ol>
 * <li>a plugin's OpenAPI 3 document, JSON or YAML (a top-level {@code openapi: 3.x}), see {@link OpenApiReader};</li>
 * <li>a Swagger 2.0 file ({@code swagger: "2.0"}), read as Coze converts it, see {@link SwaggerReader};</li>
 * <li>a Postman collection (v2.x, JSON with "_postman_id"), read as Coze converts it, see {@link PostmanReader};</li>
 * <li>a cURL command as pasted into Coze's plugin importer (text starting with {@code curl}), see {@link CurlImport};</li>
 * <li>a workflow HTTP request node, YAML under the top-level key {@code workflow-http-node}, see {@link WorkflowNodeReader}.</li>
 * </ol>
 * A token never goes in the file: it stands there as {{CRAZYROUTER_API_KEY}} and is filled from {@code secrets}.
 * Anything wrong stops with a {@link ConfigurationException} that names the file, line, column and field; a file
 * that holds something shaped like a real key is refused without repeating it.
 */
public final class SetupFile {
    /** The five forms, as a message lists them. */
    public static final String ACCEPTED_FORMS = "(a) a plugin's OpenAPI 3 document, JSON or YAML, starting with openapi: 3.0.1; "
            + "(b) a Swagger 2.0 file (swagger: \"2.0\"); (c) a Postman collection (v2.x, exported from Postman, with its _postman_id); "
            + "(d) a cURL command as pasted into Coze's plugin importer, starting with curl; "
            + "(e) a workflow HTTP request node, YAML under the top-level key " + WorkflowNodeReader.ROOT + ":. examples/ has each.";
    /** A cURL command, after any full-line # comments (which explain an example; Coze's importer never sees them). */
    private static final Pattern CURL = Pattern.compile("(?is)^(#[^\\n]*\\n\\s*)*curl(\\s.*)?$");

    private SetupFile() {
    }

    /**
     * @param secrets the values of the file's secret placeholders, e.g. CRAZYROUTER_API_KEY → the dedicated token
     *        (the caller reads them from the environment); every {{UPPER_CASE}} placeholder in the file must be here
     */
    public static BuilderSetup read(Path file, Map<String, String> secrets) {
        return read(file, secrets, Optional.empty());
    }

    /** @param tool the tool to judge in a file with several (-Dcoze.setup.tool): its operationId, or "POST /v1/chat/completions" */
    public static BuilderSetup read(Path file, Map<String, String> secrets, Optional<String> tool) {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(secrets, "secrets");
        Where where = Where.file(file);
        String text = text(file);
        Secrets.refuseRealKeys(where, text);
        String content = text.strip();
        if (content.isEmpty()) {
            throw where.fail("is empty. A setup file is one of: " + ACCEPTED_FORMS);
        }
        boolean json = file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".json") || content.startsWith("{");
        if (!CURL.matcher(content).matches() && text.contains(PostmanReader.MARK)) {
            // a collection's {{variables}} are Postman's, never this project's secrets: Coze sends them as written
            return PostmanReader.read(LocatedValue.parse(where, text, true), secrets, tool);
        }
        Secrets.requireSupplied(where, text, secrets);
        if (CURL.matcher(content).matches()) {
            return CurlImport.read(where, text);
        }
        LocatedValue root = LocatedValue.parse(where, text, json);
        if (root.isObject() && root.get("swagger").present()) {
            return SwaggerReader.read(root, secrets, tool);
        }
        if (root.isObject() && root.get("openapi").present()) {
            return OpenApiReader.read(root, root, OpenApiReader.Source.OPENAPI_3, secrets, tool);
        }
        if (root.isObject() && root.get(WorkflowNodeReader.ROOT).present()) {
            return new BuilderSetup.WorkflowSetup(file, WorkflowNodeReader.read(root, secrets), WorkflowNodeReader.outputs(root));
        }
        String found = root.isObject() ? "its top-level keys are " + String.join(", ", root.members().keySet()) + ". " : "";
        if (root.get("info").get("schema").value().asText("").contains("getpostman.com")) {
            throw where.fail("is a Postman collection without a " + PostmanReader.MARK + ": Coze's Import recognises a collection only by it, and says "
                    + "\"invalid schema\" here. Export the collection from Postman again (Export, Collection v2.1), which writes info." + PostmanReader.MARK
                    + ".");
        }
        throw where.fail("is not a setup file this check knows: " + found + "It accepts five forms: " + ACCEPTED_FORMS);
    }

    private static String text(Path file) {
        if (!Files.exists(file)) {
            throw new ConfigurationException(file + ": no such setup file (looked in " + file.toAbsolutePath().normalize().getParent()
                    + "). Give the path of one of: " + ACCEPTED_FORMS);
        }
        if (!Files.isRegularFile(file)) {
            throw new ConfigurationException(file + ": is a folder, not a setup file. Give the path of one of: " + ACCEPTED_FORMS);
        }
        try {
            String text = Files.readString(file, StandardCharsets.UTF_8);
            return (text.startsWith("\uFEFF") ? text.substring(1) : text).replace("\r\n", "\n");
        } catch (CharacterCodingException e) {
            throw new ConfigurationException(file + ": is not UTF-8 text; save it as UTF-8.");
        } catch (IOException e) {
            throw new ConfigurationException(file + ": cannot be read: " + Where.sanitized(e.getMessage()));
        }
    }
}
