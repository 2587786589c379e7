package dev.modelctl.validate;

import dev.modelctl.testing.Cli;
import dev.modelctl.testing.Findings;
import dev.modelctl.testing.Findings.Row;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** `modelctl validate` on real documents: exact check ids, positions, messages and exit codes. */
class ValidateCommandTest {
    @TempDir
    Path dir;

    /** A valid document with one block replaced; {@code %MODELS%} etc. are filled by the tests. */
    static final String VALID = """
            version: 1
            models:
              claude:
                model_id: global.anthropic.claude-opus-4-7
                max_tokens: 8192
                anthropic_version: bedrock-2023-05-31
              haiku:
                model_id: us.anthropic.claude-haiku-4-5-20251001-v1:0
                max_tokens: 4096
                anthropic_version: bedrock-2023-05-31
            defaults:
              model: haiku
            use_cases:
              recommendation:
                model: claude
                cost_override_model: haiku
            rules:
              - rule_id: rec-premium
                priority: 10
                conditions:
                  task_type: recommendation
                  user_segment: premium
                model: claude
            """;

    private Path write(String name, String text) throws IOException {
        return Files.writeString(dir.resolve(name), text);
    }

    private List<Row> validate(Path file, int expectedExit) throws IOException {
        Cli.Result r = Cli.run("validate", "--format", "json", file.toString());
        assertEquals(expectedExit, r.exit(), r::toString);
        List<Row> rows = Findings.of(r.out());
        for (Row f : rows) {
            assertEquals(file.toString(), f.file());
        }
        return rows;
    }

    private List<Row> validate(String text) throws IOException {
        return validate(write("routing.yaml", text), 1);
    }

    @Test
    void validDocumentAndTheBundledExampleHaveNoFindings() throws IOException {
        assertEquals(List.of(), validate(write("ok.yaml", VALID), 0));
        Path example = Cli.repoRoot().resolve("templates/model_routing_config.example.yaml");
        Cli.Result r = Cli.run("check", example.toString());
        assertEquals(0, r.exit(), r::toString);
        assertEquals("0 errors, 0 warnings, 0 info in 1 document\n", r.out());
    }

    @Test
    void numberGivenAsStringIsASchemaViolationAtTheValue() throws IOException {
        List<Row> rows = validate(VALID.replace("max_tokens: 4096", "max_tokens: \"4096\""));
        assertEquals(1, rows.size(), rows::toString);
        Row r = rows.get(0);
        assertEquals("schema-violation 9:17 models/haiku/max_tokens: expected an integer, got the string \"4096\"", r.toString());
        assertEquals("remove the quotes: numbers are written without them", r.hint());
    }

    @Test
    void unknownFieldPointsAtTheKeyWithDidYouMean() throws IOException {
        List<Row> rows = validate(VALID.replace("    max_tokens: 4096\n", "    max_tokens: 4096\n    temprature: 0.2\n"));
        assertEquals("[schema-violation 10:5 models/haiku: unknown field 'temprature']", rows.toString());
        assertEquals("did you mean 'temperature'?", rows.get(0).hint());
    }

    @Test
    void missingPriorityIsReportedAtTheRule() throws IOException {
        List<Row> rows = validate(VALID.replace("    priority: 10\n", ""));
        assertEquals("[schema-violation 18:5 rules/0: missing required field 'priority']", rows.toString());
    }

    @Test
    void yaml11BooleansWhereStringsAreMeantAreExplained() throws IOException {
        List<Row> rows = validate(VALID.replace("user_segment: premium", "user_segment: no"));
        assertEquals("[schema-violation 22:21 rules/0/conditions/user_segment: expected a string or a non-empty list of strings, got the boolean false]",
                rows.toString());
        assertEquals("YAML 1.1 parsers read the unquoted `no` as a boolean; quote it: \"no\"", rows.get(0).hint());
        // quoted, it is just a string
        assertEquals(List.of(), validate(write("quoted.yaml", VALID.replace("user_segment: premium", "user_segment: \"no\"")), 0));
    }

    @Test
    void yaml11OctalWhereAStringIsMeant() throws IOException {
        List<Row> rows = validate(VALID.replace("task_type: recommendation", "task_type: 0755"));
        assertEquals(1, rows.size(), rows::toString);
        assertEquals("schema-violation", rows.get(0).check());
        assertEquals(21, rows.get(0).line());
        assertEquals("YAML 1.1 parsers read the unquoted `0755` as a number; quote it: \"0755\"", rows.get(0).hint());
    }

    @Test
    void unknownModelReferenceSuggestsTheClosestName() throws IOException {
        List<Row> rows = validate(VALID.replace("  model: claude\n", "  model: claud\n"));
        assertEquals("[unknown-model-reference 15:12 use case 'recommendation' refers to model 'claud', which is not defined in models, "
                + "unknown-model-reference 23:12 rule 'rec-premium' refers to model 'claud', which is not defined in models]", rows.toString());
        assertEquals("did you mean 'claude'?", rows.get(0).hint());
    }

    @Test
    void missingAnthropicVersionIsReportedOnceAtTheBlock() throws IOException {
        List<Row> rows = validate(VALID.replace("    max_tokens: 8192\n    anthropic_version: bedrock-2023-05-31\n", "    max_tokens: 8192\n"));
        assertEquals("[anthropic-version 4:5 model 'claude' (global.anthropic.claude-opus-4-7) has no anthropic_version; "
                + "every InvokeModel call will fail with a ValidationException]", rows.toString());
    }

    @Test
    void invalidAnthropicVersionIsReportedAtTheValue() throws IOException {
        List<Row> rows = validate(VALID.replace("max_tokens: 8192\n    anthropic_version: bedrock-2023-05-31", "max_tokens: 8192\n    anthropic_version: bedrock-2024-01-01"));
        assertEquals("[anthropic-version 6:24 model 'claude': anthropic_version 'bedrock-2024-01-01' is not accepted by Bedrock]", rows.toString());
    }

    @Test
    void maxTokensOverTheModelsLimit() throws IOException {
        List<Row> rows = validate(VALID.replace("max_tokens: 4096", "max_tokens: 65536"));
        assertEquals("[max-tokens-over-limit 9:17 model 'haiku': max_tokens 65536 exceeds the 64000 output tokens "
                + "anthropic.claude-haiku-4-5-20251001-v1:0 allows; Bedrock rejects the call with a ValidationException]", rows.toString());
    }

    @Test
    void unknownModelIdButProfileIdsAndArnsAreKnown() throws IOException {
        List<Row> rows = validate(VALID.replace("us.anthropic.claude-haiku-4-5-20251001-v1:0", "us.anthropic.claude-haiku-4-5-20251001-v9:0"));
        assertEquals("[unknown-model-id 8:15 model 'haiku': 'us.anthropic.claude-haiku-4-5-20251001-v9:0' is not a known Bedrock model ID]", rows.toString());
        assertEquals("did you mean 'anthropic.claude-haiku-4-5-20251001-v1:0'? (`modelctl catalog` lists the known IDs)", rows.get(0).hint());
        String profile = VALID.replace("us.anthropic.claude-haiku-4-5-20251001-v1:0", "eu.anthropic.claude-haiku-4-5-20251001-v1:0");
        assertEquals(List.of(), validate(write("profile.yaml", profile), 0));
        String arn = VALID.replace("us.anthropic.claude-haiku-4-5-20251001-v1:0",
                "\"arn:aws:bedrock:us-east-1:123456789012:inference-profile/global.anthropic.claude-haiku-4-5-20251001-v1:0\"");
        assertEquals(List.of(), validate(write("arn.yaml", arn), 0));
        String modelArn = VALID.replace("us.anthropic.claude-haiku-4-5-20251001-v1:0",
                "\"arn:aws:bedrock:us-east-1::foundation-model/amazon.nova-lite-v1:0\"").replace("max_tokens: 4096\n    anthropic_version: bedrock-2023-05-31\n", "max_tokens: 4096\n");
        assertEquals(List.of(), validate(write("model-arn.yaml", modelArn), 0));
    }

    @Test
    void misspeltRequiredFieldIsOneFindingAtTheUnknownKey() throws IOException {
        List<Row> rows = validate(VALID.replace("    max_tokens: 4096\n", "    max_token: 4096\n"));
        assertEquals("[schema-violation 9:5 models/haiku: unknown field 'max_token']", rows.toString());
        assertEquals("did you mean 'max_tokens'?", rows.get(0).hint());
    }

    @Test
    void wrongTypeSaysWhatWasExpectedAndWhatCame() throws IOException {
        List<Row> rows = validate(VALID.replace("    max_tokens: 4096\n", "    max_tokens: 4096\n    temperature: warm\n"));
        assertEquals("[schema-violation 10:18 models/haiku/temperature: expected a number, got the string \"warm\"]", rows.toString());
    }

    @Test
    void aMistypedValueIsOneFindingNotOnePerFailedKeyword() throws IOException {
        // "1" fails both `type: integer` and `enum: [1]`: the type is the one thing to fix
        List<Row> rows = validate(VALID.replace("version: 1\n", "version: \"1\"\n"));
        assertEquals("[schema-violation 1:10 version: expected an integer, got the string \"1\"]", rows.toString());
        assertEquals("remove the quotes: numbers are written without them", rows.get(0).hint());
    }

    @Test
    void yaml11OnWhereAStringIsMeantIsExplained() throws IOException {
        List<Row> rows = validate(VALID.replace("user_segment: premium", "user_segment: on"));
        assertEquals("[schema-violation 22:21 rules/0/conditions/user_segment: expected a string or a non-empty list of strings, got the boolean true]",
                rows.toString());
        assertEquals("YAML 1.1 parsers read the unquoted `on` as a boolean; quote it: \"on\"", rows.get(0).hint());
    }

    @Test
    void mistypedAnthropicVersionIsTheSchemasFindingNotAMissingVersion() throws IOException {
        List<Row> rows = validate(VALID.replace("max_tokens: 8192\n    anthropic_version: bedrock-2023-05-31", "max_tokens: 8192\n    anthropic_version: 20230531"));
        assertEquals("[schema-violation 6:24 models/claude/anthropic_version: expected a string, got the number 20230531]", rows.toString());
    }

    @Test
    void anthropicVersionOnAnotherProvidersModelIsASchemaViolationWhenInvalid() throws IOException {
        String nova = VALID.replace("model_id: us.anthropic.claude-haiku-4-5-20251001-v1:0\n    max_tokens: 4096\n    anthropic_version: bedrock-2023-05-31",
                "model_id: amazon.nova-lite-v1:0\n    max_tokens: 4096\n    anthropic_version: v2");
        List<Row> rows = validate(nova);
        assertEquals("[schema-violation 10:24 models/haiku/anthropic_version: the string \"v2\" is not allowed; expected one of [\"bedrock-2023-05-31\"]]",
                rows.toString());
        assertEquals("only Anthropic models take anthropic_version; remove it from this block", rows.get(0).hint());
        // the one allowed value is harmless there
        assertEquals(List.of(), validate(write("nova-ok.yaml", nova.replace("anthropic_version: v2", "anthropic_version: bedrock-2023-05-31")), 0));
    }

    @Test
    void temperatureAndTopPTogetherOnAModelThatRejectsIt() throws IOException {
        String both = VALID
                .replace("    max_tokens: 4096\n", "    max_tokens: 4096\n    top_p: 0.9\n    temperature: 0.2\n");
        List<Row> rows = validate(both);
        assertEquals("[conflicting-parameters 11:5 model 'haiku': anthropic.claude-haiku-4-5-20251001-v1:0 accepts only one of top_p, temperature; "
                + "Bedrock rejects a request that sets both with a ValidationException]", rows.toString());
        assertEquals("keep top_p and remove temperature", rows.get(0).hint());
        // a model without the rule (Nova Lite) takes both
        String older = VALID.replace("us.anthropic.claude-haiku-4-5-20251001-v1:0", "amazon.nova-lite-v1:0")
                .replace("    max_tokens: 4096\n", "    max_tokens: 4096\n    top_p: 0.9\n    temperature: 0.2\n");
        assertEquals(List.of(), validate(write("older.yaml", older), 0));
    }

    @Test
    void activeOverrideWithoutStartTimeIsIncompleteAndAnUnreadableTimeIsTheSchemas() throws IOException {
        String noStart = VALID + "cost_override:\n  active: true\n  model: haiku\n  reason: price spike\n  engineer: alice\n"
                + "  expires_at: 2099-01-01T00:00:00Z\n";
        assertEquals("[override-incomplete 25:3 cost_override is active without started_at]", validate(noStart).toString());
        String unreadable = VALID + "cost_override:\n  active: true\n  model: haiku\n  reason: price spike\n  engineer: alice\n"
                + "  started_at: 2098-12-31T20:00:00Z\n  expires_at: tomorrow\n";
        assertEquals("[schema-violation 30:15 cost_override/expires_at: 'tomorrow' is not an RFC 3339 date-time]",
                validate(write("unreadable.yaml", unreadable), 1).toString());
    }

    @Test
    void conditionValuesGetOneMessageEachWhateverTheirShape() throws IOException {
        List<Row> rows = validate(VALID.replace("      user_segment: premium\n", """
                      user_segment: [premium, no]
                      region: []
                      tier: [gold, gold]
                      plan: {name: pro}
                      seats: 7
                """));
        assertEquals("[schema-violation 22:31 rules/0/conditions/user_segment/1: expected a string, got the boolean false, "
                + "schema-violation 23:15 rules/0/conditions/region: must not be an empty list, "
                + "schema-violation 24:13 rules/0/conditions/tier: list has duplicate entries, "
                + "schema-violation 25:13 rules/0/conditions/plan: expected a string or a non-empty list of strings, got a mapping, "
                + "schema-violation 26:14 rules/0/conditions/seats: expected a string or a non-empty list of strings, got the number 7]", rows.toString());
        assertEquals("YAML 1.1 parsers read the unquoted `no` as a boolean; quote it: \"no\"", rows.get(0).hint());
    }

    @Test
    void malformedModelIdIsASchemaViolation() throws IOException {
        List<Row> rows = validate(VALID.replace("us.anthropic.claude-haiku-4-5-20251001-v1:0", "Claude Haiku"));
        assertEquals("schema-violation 8:15 models/haiku/model_id: 'Claude Haiku' is not a Bedrock model ID, inference profile ID or ARN",
                rows.get(0).toString());
    }

    @Test
    void duplicateRuleId() throws IOException {
        String doc = VALID + """
                  - rule_id: rec-premium
                    priority: 20
                    conditions: {task_type: search}
                    model: haiku
                """;
        List<Row> rows = validate(doc);
        assertEquals(1, rows.size(), rows::toString);
        assertEquals("duplicate-rule-id 24:14 rule_id 'rec-premium' is already used by the rule at " + dir.resolve("routing.yaml") + ":18",
                rows.get(0).toString());
    }

    @Test
    void duplicateKey() throws IOException {
        List<Row> rows = validate(VALID.replace("defaults:\n  model: haiku\n", "defaults:\n  model: haiku\n  model: claude\n"));
        assertEquals("[duplicate-key 13:3 key 'model' appears twice in /defaults (first at line 12)]", rows.toString());
    }

    @Test
    void costOverrideChecks() throws IOException {
        Instant start = Instant.now().truncatedTo(ChronoUnit.SECONDS).minus(2, ChronoUnit.HOURS);
        String incomplete = VALID + "cost_override:\n  active: true\n  model: haiku\n  started_at: " + start + "\n  expires_at: "
                + start.plus(4, ChronoUnit.HOURS) + "\n";
        assertEquals("[override-incomplete 25:3 cost_override is active without reason, engineer]", validate(incomplete).toString());

        String expired = VALID + "cost_override:\n  active: true\n  model: haiku\n  reason: price spike\n  engineer: alice\n  started_at: "
                + start + "\n  expires_at: " + start.plus(1, ChronoUnit.HOURS) + "\n";
        List<Row> exp = validate(write("expired.yaml", expired), 0);
        assertEquals(1, exp.size());
        assertEquals("override-expired", exp.get(0).check());
        assertEquals(30, exp.get(0).line());

        String tooLong = VALID + "cost_override:\n  active: true\n  model: haiku\n  reason: price spike\n  engineer: alice\n  started_at: "
                + start + "\n  expires_at: " + start.plus(30, ChronoUnit.HOURS) + "\n";
        assertEquals("[override-ttl-too-long 30:15 cost_override lasts 30h, longer than the allowed 24h]", validate(write("long.yaml", tooLong), 1).toString());

        String inactive = VALID + "cost_override:\n  active: false\n  use_cases: []\n  model: haiku\n";
        assertEquals(List.of(), validate(write("inactive.yaml", inactive), 0));
    }

    @Test
    void syntaxErrorsInYamlAndJson() throws IOException {
        assertEquals("syntax-error 4:4", head(validate(write("bad.yaml", "version: 1\nmodels:\n  a: [1, 2\n  b: 3\n"), 1)));
        assertEquals("syntax-error 3:13", head(validate(write("bad.json", "{\n  \"version\": 1,\n  \"models\": }\n"), 1)));
        assertEquals("syntax-error 24:1", head(validate(write("two.yaml", VALID + "---\nversion: 1\n"), 1)));
        Path utf = dir.resolve("latin1.yaml");
        Files.write(utf, ("version: 1\nmodels:\n  caf\u00e9: {}\n").getBytes(StandardCharsets.ISO_8859_1));
        assertEquals("syntax-error 3:6", head(validate(utf, 1)));
    }

    @Test
    void jsonDocumentsWorkTheSameWay() throws IOException {
        String json = """
                {
                  "version": 1,
                  "models": {"haiku": {"model_id": "us.anthropic.claude-haiku-4-5-20251001-v1:0", "max_tokens": 65000,
                                       "anthropic_version": "bedrock-2023-05-31"}},
                  "defaults": {"model": "haiku"}
                }
                """;
        List<Row> rows = validate(write("routing.json", json), 1);
        assertEquals("max-tokens-over-limit 3:97", head(rows));
    }

    @Test
    void textFormatIsHumanAndGithubFormatAnnotates() throws IOException {
        Path file = write("routing.yaml", VALID.replace("max_tokens: 4096", "max_tokens: 65536"));
        Cli.Result text = Cli.run("validate", file.toString());
        assertEquals(1, text.exit());
        assertTrue(text.out().startsWith(file + ":9:17: error [max-tokens-over-limit] model 'haiku'"), text.out());
        Cli.Result gh = Cli.run("validate", "--format", "github", file.toString());
        assertTrue(gh.out().startsWith("::error file=" + file + ",line=9,col=17,title=modelctl max-tokens-over-limit::"), gh.out());
    }

    private static String head(List<Row> rows) {
        assertTrue(!rows.isEmpty());
        return rows.get(0).brief();
    }
}
