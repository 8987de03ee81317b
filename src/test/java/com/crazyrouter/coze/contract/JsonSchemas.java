package com.crazyrouter.coze.contract;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaException;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import com.networknt.schema.dialect.DefaultDialectRegistry;
import com.networknt.schema.dialect.Dialects;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The JSON schemas under src/test/resources/schemas, each loaded once per run and shared by every scenario (loading
 * one costs far more than checking a reply against it). A schema names its own dialect with {@code $schema}: the
 * harness's own are draft-04, OpenAI's (schemas/openai) 2020-12.
 */
public final class JsonSchemas {
    /** A schema, by its resource path and optionally a JSON pointer into it ({@code schemas/openai/chat-completions.json#/$defs/Error}). */
    private static final Map<String, Schema> LOADED = new ConcurrentHashMap<>();
    /** draft-04 and 2020-12, and OpenAPI 3.1's dialect (2020-12 with discriminator, example, …), which OpenAI's schemas name. */
    private static final SchemaRegistry REGISTRY = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12,
            registry -> registry.dialectRegistry(new DefaultDialectRegistry(Dialects.getOpenApi31())));

    /** One way a document breaks a schema: where (a JSON pointer, "" for the whole document) and what. */
    public record Violation(String pointer, String message) {
        @Override
        public String toString() {
            return (pointer.isEmpty() ? "/" : pointer) + ": " + message;
        }
    }

    private JsonSchemas() {
    }

    /** Every way {@code document} breaks {@code schema} (a resource path, with an optional {@code #/pointer}); none when it holds. */
    public static List<Violation> violations(String schema, JsonNode document) {
        List<Error> errors = LOADED.computeIfAbsent(schema, JsonSchemas::load).validate(document);
        return errors.stream().map(e -> new Violation(e.getInstanceLocation().toString(), e.getMessage()))
                .toList();
    }

    private static Schema load(String schema) {
        try {
            Schema loaded = REGISTRY.getSchema(SchemaLocation.of("classpath:" + schema));
            loaded.initializeValidators();
            return loaded;
        } catch (SchemaException | IllegalArgumentException e) {
            throw new IllegalStateException("The harness's own schema " + schema + " cannot be read: " + e.getMessage(), e);
        }
    }
}
