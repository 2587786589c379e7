package dev.modelctl.catalog;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.modelctl.testing.FakeAwsCredentials;
import dev.modelctl.fakes.FakeBedrockControlPlane;
import dev.modelctl.testing.Cli;
import dev.modelctl.testing.Findings;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code catalog refresh} and {@code catalog diff} end to end: the real CLI and the SDK's Bedrock control-plane client
 * against an in-process fake that speaks the REST-JSON protocol (pagination, per-Region answers from the SigV4 scope,
 * throttling, access denied); then validate with the overlay the repo config names.
 */
class CatalogRefreshTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final String HAIKU_3 = "anthropic.claude-3-haiku-20240307-v1:0";
    private static final String OPUS_47 = "anthropic.claude-opus-4-7";
    private static final String NOVA_MICRO = "amazon.nova-micro-v1:0";
    private static final String NEW_MODEL = "amazon.nova-3-pro-v1:0";

    @TempDir
    Path dir;
    FakeBedrockControlPlane bedrock;

    @BeforeAll
    static void fakeCredentials() {
        FakeAwsCredentials.install(); // every refresh names its --region, so the default region is never read
    }

    @BeforeEach
    void start() {
        bedrock = new FakeBedrockControlPlane();
        bedrock.model("us-east-1", HAIKU_3, "Anthropic", "Claude 3 Haiku", "LEGACY", "ON_DEMAND")
                .model("us-east-1", HAIKU_3 + ":200k", "Anthropic", "Claude 3 Haiku", "LEGACY", "PROVISIONED") // provisioned only: left out
                .model("us-east-1", OPUS_47, "Anthropic", "Claude Opus 4.7", "ACTIVE", "INFERENCE_PROFILE")
                .model("us-east-1", NOVA_MICRO, "Amazon", "Nova Micro", "ACTIVE", "ON_DEMAND", "INFERENCE_PROFILE")
                .model("us-east-1", NEW_MODEL, "Amazon", "Nova 3 Pro", "ACTIVE", "INFERENCE_PROFILE")
                .model("eu-west-1", OPUS_47, "Anthropic", "Claude Opus 4.7", "ACTIVE", "INFERENCE_PROFILE")
                .model("eu-west-1", NOVA_MICRO, "Amazon", "Nova Micro", "ACTIVE", "INFERENCE_PROFILE")
                .profile("us-east-1", "us." + OPUS_47, OPUS_47)
                .profile("us-east-1", "global." + OPUS_47, OPUS_47)
                .profile("us-east-1", "us." + NOVA_MICRO, NOVA_MICRO)
                .profile("us-east-1", "us." + NEW_MODEL, NEW_MODEL)
                .profile("us-east-1", "ca." + NEW_MODEL, NEW_MODEL) // a geography the built-in catalog does not know
                .profile("eu-west-1", "eu." + OPUS_47, OPUS_47)
                .profile("eu-west-1", "eu." + NOVA_MICRO, NOVA_MICRO);
        bedrock.maxPageSize(2);
        bedrock.start();
    }

    @AfterEach
    void stop() {
        bedrock.close();
    }

    private Cli.Result run(String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(List.of("--config", dir.resolve(".modelctl.yaml").toString()));
        return Cli.run(all.toArray(String[]::new));
    }

    private Cli.Result refresh(String... more) {
        List<String> args = new ArrayList<>(List.of("catalog", "refresh", "--region", "us-east-1,eu-west-1",
                "--endpoint-url", "bedrock=" + bedrock.endpoint()));
        args.addAll(List.of(more));
        return run(args.toArray(String[]::new));
    }

    @Test
    void refreshWritesTheOverlayTheConfigNamesFromEveryRegionAndEveryPage() throws IOException {
        Files.writeString(dir.resolve(".modelctl.yaml"), "catalog_overlay: catalog-overlay.yaml\n");
        Cli.Result r = refresh();
        assertEquals(0, r.exit(), r::toString);
        Path overlay = dir.resolve("catalog-overlay.yaml");
        assertEquals("read 7 model summaries and 7 inference profiles from us-east-1, eu-west-1\n"
                + "wrote " + overlay + ": 4 models, 1 new to the catalog (limits unknown), 2 with changed lifecycle or inference facts\n", r.out());
        // ListInferenceProfiles followed nextToken (page size 2: 3 pages in us-east-1, 1 in eu-west-1), SYSTEM_DEFINED only
        assertEquals(List.of("us-east-1 GET /foundation-models", "us-east-1 GET /inference-profiles?maxResults=100&type=SYSTEM_DEFINED",
                "us-east-1 GET /inference-profiles?maxResults=100&nextToken=page-2&type=SYSTEM_DEFINED",
                "us-east-1 GET /inference-profiles?maxResults=100&nextToken=page-4&type=SYSTEM_DEFINED",
                "eu-west-1 GET /foundation-models", "eu-west-1 GET /inference-profiles?maxResults=100&type=SYSTEM_DEFINED"), bedrock.log);

        JsonNode tree = new ObjectMapper(new com.fasterxml.jackson.dataformat.yaml.YAMLFactory()).readTree(overlay.toFile());
        assertEquals("[\"us-east-1\",\"eu-west-1\"]", tree.at("/generated/regions").toString());
        assertEquals("[\"us\",\"eu\",\"apac\",\"us-gov\",\"jp\",\"au\",\"global\",\"ca\"]", tree.get("inference_profile_prefixes").toString());
        JsonNode haiku = model(tree, HAIKU_3);
        assertEquals("{\"status\":\"legacy\",\"eol_date\":\"2026-09-10\",\"replacement\":\"anthropic.claude-haiku-4-5-20251001-v1:0\","
                + "\"source\":\"bedrock-api\"}", haiku.get("lifecycle").toString()); // the API has no date: the reviewed one is kept
        assertEquals("Listed in us-east-1 only.", haiku.get("note").asText());
        assertEquals("{\"in_region\":false,\"profiles\":[\"us\",\"eu\",\"global\"],\"source\":\"bedrock-api\"}", model(tree, OPUS_47).get("inference").toString());
        // on demand in us-east-1 but profile-only in eu-west-1: not in-region everywhere
        assertEquals("{\"in_region\":false,\"profiles\":[\"us\",\"eu\"],\"source\":\"bedrock-api\"}", model(tree, NOVA_MICRO).get("inference").toString());
        JsonNode added = model(tree, NEW_MODEL);
        assertEquals("unknown", added.get("limits").asText());
        assertFalse(added.has("max_output_tokens"));
        assertTrue(added.get("note").asText().startsWith("New on Bedrock (Amazon Nova 3 Pro): output limit, context window and prices are unknown"));
        assertEquals("[\"us\",\"ca\"]", added.at("/inference/profiles").toString());
        assertTrue(model(tree, HAIKU_3 + ":200k") == null, "provisioned-only variants are left out");

        // every command applies the overlay the config names: the new model is known, with no output limit to check
        Path doc = Files.writeString(dir.resolve("routing.yaml"), """
                version: 1
                models:
                  fast:
                    model_id: us.amazon.nova-3-pro-v1:0
                    max_tokens: 200000
                  micro:
                    model_id: amazon.nova-micro-v1:0
                    max_tokens: 512
                defaults:
                  model: fast
                """);
        Cli.Result v = run("validate", "--format", "json", doc.toString());
        assertEquals(1, v.exit(), v::toString);
        List<Findings.Row> f = Findings.of(v.out());
        assertEquals(1, f.size(), v::toString);
        assertEquals("inference-profile-required", f.get(0).check());
        assertEquals(7, f.get(0).line());
        assertEquals("use an inference profile ID instead: us.amazon.nova-micro-v1:0, eu.amazon.nova-micro-v1:0", f.get(0).hint());
        Cli.Result listing = run("catalog", "nova-3");
        assertTrue(listing.out().contains("amazon.nova-3-pro-v1:0  nova-3-pro           ?        ?        ?         ?  ?               active     profile"),
                listing.out());
    }

    @Test
    void diffShowsWhatTheOverlayChangesAndWhatBedrockNoLongerLists() throws IOException {
        Files.writeString(dir.resolve(".modelctl.yaml"), "catalog_overlay: catalog-overlay.yaml\n");
        assertEquals(0, refresh().exit());
        Cli.Result d = run("catalog", "diff", "--format", "json");
        assertEquals(0, d.exit(), d::toString);
        JsonNode changes = MAPPER.readTree(d.out()).get("changes");
        List<String> lines = new ArrayList<>();
        changes.forEach(c -> lines.add(c.get("model_id").asText() + " " + c.get("change").asText() + " " + c.get("details")));
        assertTrue(lines.contains("amazon.nova-micro-v1:0 changed [\"on-demand in-region yes → no\",\"profiles us, eu, apac → us, eu\"]"), lines::toString);
        assertTrue(lines.contains("amazon.nova-3-pro-v1:0 added [\"new on Bedrock: active, inference profile required; limits and prices unknown\"]"), lines::toString);
        assertTrue(lines.contains("anthropic.claude-opus-4-7 changed [\"profiles us, eu, jp, global → us, eu, global\"]"), lines::toString);
        assertTrue(lines.contains("amazon.nova-pro-v1:0 unlisted [\"not listed by Bedrock for on-demand use (EOL, not offered in these Regions, "
                + "or not enabled for the account)\"]"), lines::toString);
        assertFalse(lines.stream().anyMatch(l -> l.startsWith(HAIKU_3 + " ")), "legacy with its date on both sides: no change");
        assertEquals("the built-in catalog and " + dir.resolve("catalog-overlay.yaml"), MAPPER.readTree(d.out()).get("between").asText());
        assertEquals(1, run("catalog", "diff", "--exit-code").exit());

        // --live: the catalog in use (with the overlay) against a fresh listing; Bedrock moved Opus 4.7 to legacy since
        bedrock.model("us-east-1", "anthropic.claude-opus-5-5", "Anthropic", "Claude Opus 5.5", "ACTIVE", "INFERENCE_PROFILE");
        Cli.Result live = run("catalog", "diff", "--live", "--region", "us-east-1", "--endpoint-url", "bedrock=" + bedrock.endpoint());
        assertEquals(0, live.exit(), live::toString);
        assertTrue(live.out().contains("anthropic.claude-opus-5-5: changed\n    profiles jp, global → none\n"), live.out());
        assertTrue(live.out().endsWith(" and Bedrock's listing in us-east-1\n"), live.out());
    }

    @Test
    void throttlingIsRetriedAndPersistentFailuresAreOneLineAndWriteNothing() throws IOException {
        Path overlay = dir.resolve("overlay.yaml");
        Files.writeString(dir.resolve(".modelctl.yaml"), "catalog_overlay: overlay.yaml\n");
        bedrock.throttleNext(2); // the SDK's standard retries absorb two 429s
        Cli.Result ok = refresh();
        assertEquals(0, ok.exit(), ok::toString);
        String before = Files.readString(overlay);

        bedrock.failEveryRequest(429, "ThrottlingException", "Too many requests, please wait before trying again.");
        Cli.Result throttled = refresh();
        assertEquals(2, throttled.exit(), throttled::toString);
        assertEquals("modelctl: Bedrock ListFoundationModels in us-east-1: ThrottlingException: Too many requests, please wait before trying again. "
                + "(throttled even after the SDK's retries; try again in a minute)\n", throttled.err());
        assertEquals(before, Files.readString(overlay), "a failed refresh leaves the overlay as it was");

        bedrock.failEveryRequest(403, "AccessDeniedException", "User: arn:aws:iam::123456789012:user/ci is not authorized to perform: bedrock:ListFoundationModels");
        Cli.Result denied = refresh();
        assertEquals(2, denied.exit());
        assertEquals("modelctl: Bedrock ListFoundationModels in us-east-1: AccessDeniedException: User: arn:aws:iam::123456789012:user/ci is not "
                + "authorized to perform: bedrock:ListFoundationModels (allow bedrock:ListFoundationModels and bedrock:ListInferenceProfiles "
                + "for the role you run as)\n", denied.err());
        assertEquals("", denied.out());
        assertEquals(before, Files.readString(overlay));
        try (var files = Files.list(dir)) {
            assertEquals(List.of(), files.filter(p -> p.getFileName().toString().endsWith(".tmp")).toList(), "no temporary file left behind");
        }
    }

    @Test
    void refreshNeedsARegionAndAFileAndAMissingOverlayIsOneLine() throws IOException {
        Files.writeString(dir.resolve(".modelctl.yaml"), "documents: [routing.yaml]\n");
        Cli.Result noOut = refresh();
        assertEquals(2, noOut.exit());
        assertTrue(noOut.err().startsWith("modelctl: catalog refresh: name the overlay file with --out FILE"), noOut.err());
        Cli.Result written = refresh("--out", dir.resolve("o.yaml").toString());
        assertEquals(0, written.exit(), written::toString);
        assertTrue(written.out().contains("hint: add `catalog_overlay: " + dir.resolve("o.yaml") + "` to .modelctl.yaml"), written.out());
        JsonNode json = MAPPER.readTree(refresh("--out", dir.resolve("o.yaml").toString(), "--format", "json").out());
        assertEquals(4, json.get("models").asInt());
        assertEquals(1, json.get("new_models").asInt());
        assertEquals(2, json.get("changed_models").asInt());
        assertEquals("[{\"region\":\"us-east-1\",\"model_summaries\":5,\"inference_profiles\":5},"
                + "{\"region\":\"eu-west-1\",\"model_summaries\":2,\"inference_profiles\":2}]", json.get("regions").toString());
        assertFalse(json.get("named_by_config").asBoolean());

        Files.writeString(dir.resolve(".modelctl.yaml"), "catalog_overlay: missing.yaml\n");
        Cli.Result v = run("catalog");
        assertEquals(2, v.exit());
        assertEquals("modelctl: catalog_overlay: " + dir.resolve("missing.yaml")
                + " does not exist; write it with `modelctl catalog refresh`\n", v.err());
        Cli.Result noDiff = Cli.run("catalog", "diff", "--config", dir.resolve("none.yaml").toString());
        assertEquals(2, noDiff.exit());
    }

    @Test
    void aBrokenCatalogFileIsOneLineAtItsPlace() throws IOException {
        Path bad = Files.writeString(dir.resolve("bad-catalog.yaml"), """
                version: 1
                models:
                  - model_id: amazon.nova-micro-v1:0
                    max_output_token: 10000
                """);
        Cli.Result r = Cli.run("catalog", "--catalog", bad.toString());
        assertEquals(2, r.exit());
        assertEquals("modelctl: " + bad + ":4:5: models/0: unknown field 'max_output_token' (the catalog format is docs/catalog.md)\n", r.err());
        Files.writeString(bad, """
                version: 1
                models:
                  - model_id: amazon.nova-micro-v1:0
                    provider: anthropic
                """);
        Cli.Result provider = Cli.run("catalog", "--catalog", bad.toString());
        assertEquals("modelctl: " + bad + ":4:15: provider 'anthropic' differs from the model ID's namespace 'amazon'\n", provider.err());
        Files.writeString(bad, """
                version: 1
                models:
                  - model_id: amazon.nova-micro-v1:0
                    lifecycle: {status: retired}
                """);
        Cli.Result status = Cli.run("catalog", "--catalog", bad.toString());
        assertTrue(status.err().startsWith("modelctl: " + bad + ":4:25: models/0/lifecycle/status: "), status.err());
    }

    private static JsonNode model(JsonNode tree, String id) {
        for (JsonNode m : tree.get("models")) {
            if (m.get("model_id").asText().equals(id)) {
                return m;
            }
        }
        return null;
    }
}
