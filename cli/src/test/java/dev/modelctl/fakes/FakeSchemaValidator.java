package dev.modelctl.fakes;

import com.networknt.schema.Error;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;

import java.nio.charset.StandardCharsets;
import java.util.List;

/** The JSON_SCHEMA validator AppConfig runs on a profile: draft-04, content must be JSON. */
final class FakeSchemaValidator {
    private FakeSchemaValidator() {
    }

    /** The first validation problem, or {@code null} when the content is valid. */
    static String validate(String schema, byte[] content) {
        try {
            var node = FakeHttp.JSON.readTree(new String(content, StandardCharsets.UTF_8));
            List<Error> errors = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_4).getSchema(schema).validate(node);
            return errors.isEmpty() ? null : errors.get(0).toString();
        } catch (Exception e) {
            return "content is not valid JSON";
        }
    }
}
