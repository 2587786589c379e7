package dev.modelctl.drill;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.modelctl.testing.Cli;
import dev.modelctl.testing.FakeAws;
import dev.modelctl.testing.FakeAwsCredentials;
import dev.modelctl.testing.Findings;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code modelctl drill cost-override} end to end: the real CLI, the real SDK AppConfig and AppConfig Data clients,
 * pointed at the fake control plane and the fake data plane on one accelerated clock (1 AppConfig second = 20 ms).
 * The clock also stretches the real latency of the lever's own control-plane calls (0.5 s real = 25 AppConfig s on a
 * loaded machine), so tests that expect the 90 s target to pass give a generous --target and assert lower bounds.
 */
class DrillCommandTest {
    static final double MS_PER_SECOND = 20;
    private static final ObjectMapper MAPPER = new ObjectMapper();

    @RegisterExtension
    final FakeAws aws = new FakeAws((long) (60 * MS_PER_SECOND)).withAppConfigData(MS_PER_SECOND);
    String staging;
    Path document;

    @BeforeEach
    void setUp() {
        staging = aws.appConfig.addEnvironment(aws.app, "staging");
        document = aws.document("routing.yaml");
    }

    private void deployTemplate() {
        Cli.Result r = aws.run("deploy", document.toString(), "--env", "staging", "--strategy", "all-at-once", "--bake", "0m", "--poll", "5ms", "--yes");
        assertEquals(0, r.exit(), r::toString);
    }

    private Cli.Result drill(String... extra) {
        List<String> args = new ArrayList<>(List.of("drill", "cost-override", "--env", "staging", "--time-scale", Double.toString(MS_PER_SECOND),
                "--poll", "10ms", "--engineer", "drill@example.com", "--yes"));
        args.addAll(List.of(extra));
        if (!args.contains("--bake")) {
            args.addAll(List.of("--bake", "0m"));
        }
        if (!args.contains("--min-reduction")) {
            // the bundled example saves 51.9 % per request class at equal shares (see the first test)
            args.addAll(List.of("--min-reduction", "50%"));
        }
        return aws.run(args.toArray(String[]::new));
    }

    private JsonNode version(int n) throws IOException {
        return MAPPER.readTree(aws.appConfig.hosted(aws.app, aws.profile).get(n - 1).content());
    }

    private static double seconds(JsonNode n) {
        return n.asDouble();
    }

    @Test
    void passesWhenEverySessionServesTheOverrideInTimeAndAlwaysClears() throws IOException {
        deployTemplate();
        aws.data.propagationDelays(Duration.ZERO, Duration.ofSeconds(10), Duration.ofSeconds(20), Duration.ofSeconds(30), Duration.ofSeconds(45));
        Path report = aws.dir.resolve("drill-report.md");
        Cli.Result r = drill("--format", "json", "--report", report.toString(), "--target", "10m", "--min-reduction", "50%");
        assertEquals(0, r.exit(), r::toString);
        JsonNode out = MAPPER.readTree(r.out());
        assertEquals(0, Findings.of(r.out()).size(), r.out());
        JsonNode d = out.get("drill");
        assertTrue(d.get("passed").asBoolean());
        assertTrue(d.get("cleared").asBoolean());
        List<String> statuses = new ArrayList<>();
        d.get("criteria").forEach(c -> statuses.add(c.get("name").asText() + "=" + c.get("status").asText()));
        assertEquals(List.of("override went live=pass", "time to first served=pass", "time to all 5 sampled sessions=pass",
                "shadow cost reduction=pass", "routing check=pass", "smoke=skipped", "override cleared and served=pass"), statuses);
        // the slowest session sees the version 45 s after the flip, at its first poll after that: at most one 15 s interval later
        double all = seconds(d.get("override").get("all_served_seconds"));
        assertTrue(all >= 45, "all served after " + all + " s");
        // which watcher got which delay depends on the order the sessions started in: compare sorted
        List<Double> perSession = new ArrayList<>();
        d.get("override").get("sessions").forEach(s -> perSession.add(seconds(s.get("served_seconds"))));
        perSession.sort(Double::compare);
        List<Integer> delays = List.of(0, 10, 20, 30, 45);
        for (int i = 0; i < 5; i++) {
            assertTrue(perSession.get(i) >= delays.get(i), "each session waits for its propagation delay: " + perSession);
        }
        assertEquals(5, d.get("override").get("sessions").size());
        // Ten request classes at equal shares, 1k tokens in and out: Sonnet 4.6 global $0.018, Haiku 4.5 us. $0.0066,
        // Nova Lite us. $0.0003, Nova Micro $0.000175 per request. Before: 5 Sonnet + 3 Haiku + 2 Lite = $0.1104;
        // during the override: 8 Haiku + 2 Micro = $0.05315.
        assertEquals(1 - 0.05315 / 0.1104, d.get("shadow_cost").get("reduction").asDouble(), 1e-9);
        assertTrue(d.get("shadow_cost").get("assumed_equal_shares").asBoolean());
        assertEquals(8, d.get("routing").size(), "4 use cases + 4 rule classes (core-intent-fast is the intent_classify class)");
        // the lever: version 2 switched it on (the drill's reason and a 15-minute TTL), version 3 switched it off
        assertEquals(3, aws.appConfig.hosted(aws.app, aws.profile).size());
        JsonNode on = version(2).get("cost_override");
        assertTrue(on.get("active").asBoolean());
        assertTrue(on.get("reason").asText().startsWith("modelctl drill cost-override "), on.toString());
        assertEquals("drill@example.com", on.get("engineer").asText());
        assertEquals(15 * 60, java.time.Instant.parse(on.get("expires_at").asText()).getEpochSecond()
                - java.time.Instant.parse(on.get("started_at").asText()).getEpochSecond());
        assertFalse(version(3).get("cost_override").get("active").asBoolean());
        assertTrue(aws.data.rejections.isEmpty(), "the drill honours tokens and poll intervals: " + aws.data.rejections);
        String md = Files.readString(report);
        assertTrue(md.startsWith("## Cost-override drill: staging, "), md);
        assertTrue(md.contains(" — PASS\n"), md);
        assertTrue(md.contains("| shadow cost reduction | PASS | 51.9 % (min 50.0 %) |"), md);
        assertTrue(md.contains("| {region=eu-central-1, task_type=moderation} (rule safety-moderation-eu) | claude_haiku | claude_haiku |"), md);
        assertTrue(md.contains("equal shares per request class (no traffic mix in the repo config)"), md);
    }

    @Test
    void textTableNamesEveryCriterion() {
        deployTemplate();
        Cli.Result r = drill("--target", "10m", "--min-reduction", "50%");
        assertEquals(0, r.exit(), r::toString);
        assertTrue(r.out().startsWith("cost-override drill in staging (every use case): PASS\n"), r.out());
        assertTrue(r.out().contains("\nshadow cost reduction           PASS     51.9 % (min 50.0 %)\n"), r.out());
        assertTrue(r.out().contains("\nrouting check                   PASS     8 of 8 request classes as expected\n"), r.out());
        assertTrue(r.out().contains("\nsmoke                           SKIPPED  not requested (--smoke)\n"), r.out());
        assertTrue(r.out().contains("note: shadow cost: equal shares per request class (no traffic mix in the repo config);"), r.out());
        assertTrue(r.err().contains("drill: lever LIVE"), r.err());
        assertTrue(r.err().contains("drill: clear LIVE"), r.err());
    }

    @Test
    void reductionUnderTheMinimumFailsButStillClears() throws IOException {
        deployTemplate();
        Cli.Result r = drill("--use-cases", "intent_classify,moderation");
        assertEquals(1, r.exit(), r::toString);
        assertTrue(r.out().contains("\nshadow cost reduction           FAIL     10.6 %, under the 50.0 % minimum\n"), r.out());
        assertTrue(r.out().contains("appconfig:staging: error [drill-criterion-failed] shadow cost reduction: 10.6 %, under the 50.0 % minimum"), r.out());
        // out-of-scope classes keep their model: product_recommendation stays on claude_sonnet
        assertTrue(r.out().contains("routing check                   PASS     8 of 8 request classes as expected"), r.out());
        assertEquals(3, aws.appConfig.hosted(aws.app, aws.profile).size());
        assertFalse(version(3).get("cost_override").get("active").asBoolean());
    }

    @Test
    void slowPropagationMissesTheTarget() {
        deployTemplate();
        aws.data.propagationDelays(Duration.ZERO, Duration.ofSeconds(200));
        Cli.Result r = drill("--sessions", "2", "--format", "json");
        assertEquals(1, r.exit(), r::toString);
        assertTrue(r.out().contains("\"name\" : \"time to all 2 sampled sessions\",\n      \"status\" : \"fail\""), r.out());
        assertTrue(r.out().contains("over the 90.0 s target"), r.out());
        assertTrue(r.out().contains("\"cleared\" : true"), r.out());
    }

    @Test
    void rolloutStoppedPartWayFailsAndLeavesNothingToClear() throws IOException {
        deployTemplate();
        aws.data.propagationDelays(Duration.ZERO, Duration.ZERO, Duration.ofSeconds(40), Duration.ofSeconds(60), Duration.ofSeconds(80))
                .stopDeploymentAfterServedTo(2)
                .answerLateAfterStop(Duration.ofMillis(800)); // the second session's answer arrives after the rollback shows
        Cli.Result r = drill("--format", "json", "--bake", "10m");
        assertEquals(1, r.exit(), r::toString);
        JsonNode d = MAPPER.readTree(r.out()).get("drill");
        assertEquals("rolled_back", d.get("override").get("lever").asText());
        assertTrue(d.get("criteria").get(0).get("value").asText().contains("ROLLED_BACK: AppConfig rolled deployment of version 2 back: "
                + "Rollback initiated by user (triggered by USER)"), d.toString());
        assertEquals("pass", d.get("criteria").get(1).get("status").asText(), "two sessions did serve it");
        assertEquals("2 of 5 sessions served it within 300.0 s", d.get("criteria").get(2).get("value").asText());
        assertEquals("nothing_to_do", d.get("clear").get("lever").asText());
        assertTrue(d.get("cleared").asBoolean(), "every session serves version 1 again");
        assertEquals(2, aws.appConfig.hosted(aws.app, aws.profile).size(), "no clear version for an override that never went live");
        assertEquals("ROLLED_BACK", aws.appConfig.deploymentsOf(aws.app, staging).get(1).state());
    }

    @Test
    void smokeFailureFailsTheDrillAndTheOverrideIsStillCleared() throws IOException {
        try (var bedrock = new dev.modelctl.fakes.FakeBedrockRuntime()
                .model("anthropic.claude-haiku-4-5-20251001-v1:0", "anthropic-messages", 64000)
                .retire("amazon.nova-micro-v1:0")) {
            bedrock.start();
            deployTemplate();
            Cli.Result r = drill("--smoke", "--endpoint-url", "bedrock-runtime=" + bedrock.endpoint());
            assertEquals(1, r.exit(), r::toString);
            assertTrue(r.out().contains("\nsmoke                           FAIL     1 of 2 calls failed\n"), r.out());
            assertTrue(r.out().contains("error [smoke-call-failed] InvokeModel amazon.nova-micro-v1:0 failed: ResourceNotFoundException"), r.out());
            assertEquals(List.of("amazon.nova-micro-v1:0", "us.anthropic.claude-haiku-4-5-20251001-v1:0"),
                    bedrock.invocations.stream().map(dev.modelctl.fakes.FakeBedrockRuntime.Invocation::modelId).sorted().toList());
            assertTrue(r.out().contains("override cleared and served     PASS"), r.out());
            assertFalse(version(3).get("cost_override").get("active").asBoolean());
        }
    }

    @Test
    void refusesToTouchAnOverrideThatIsAlreadyActive() {
        deployTemplate();
        Cli.Result on = aws.run("override", "--cost", "--reason", "INC-7", "--env", "staging", "--bake", "0m", "--poll", "5ms", "--yes");
        assertEquals(0, on.exit(), on::toString);
        Cli.Result r = drill();
        assertEquals(2, r.exit(), r::toString);
        assertTrue(r.err().startsWith("modelctl: drill: a cost override is already active in staging (INC-7, by "), r.err());
        assertTrue(r.err().endsWith("; the drill never touches a live override\n"), r.err());
        assertEquals(2, aws.appConfig.hosted(aws.app, aws.profile).size(), "nothing uploaded");
    }

    @Test
    void offATerminalTheDrillNeedsYesAndWritesNothingWithoutIt() {
        deployTemplate();
        Cli.Result r = aws.run("drill", "cost-override", "--env", "staging", "--time-scale", Double.toString(MS_PER_SECOND), "--poll", "10ms",
                "--engineer", "drill@example.com", "--bake", "0m");
        assertEquals(1, r.exit(), r::toString);
        assertEquals("modelctl: drill: not on a terminal: re-run with --yes to switch the cost override on and off in staging; nothing written\n",
                r.err());
        assertEquals(1, aws.appConfig.hosted(aws.app, aws.profile).size(), "no version uploaded");
        assertEquals(1, aws.appConfig.deploymentsOf(aws.app, staging).size(), "no deployment started");
    }

    /** A report path the drill could not write at the end is refused before the lever is pulled. */
    @Test
    void anUnwritableReportIsRefusedBeforeTheFirstWrite() throws Exception {
        deployTemplate();
        Path target = Files.writeString(aws.dir.resolve("real.md"), "kept\n");
        Path link = Files.createSymbolicLink(aws.dir.resolve("report-link.md"), target);
        Cli.Result r = drill("--report", link.toString());
        assertEquals(2, r.exit(), r::toString);
        assertEquals("modelctl: --report " + link + ": is a symlink; writing would replace the link, so give the path it points to\n", r.err());
        assertEquals(1, aws.appConfig.hosted(aws.app, aws.profile).size(), "no version uploaded");
        assertEquals(1, aws.appConfig.deploymentsOf(aws.app, staging).size(), "no deployment started");
        assertEquals("kept\n", Files.readString(target));
    }

    @Test
    void couldNotRunWhenNothingIsDeployedOrFlagsAreWrong() {
        Cli.Result none = drill("--timeout", "30s");
        assertEquals(2, none.exit(), none::toString);
        assertEquals("modelctl: drill: cannot sample what AppConfig serves in staging: AppConfig Data serves no configuration for this "
                + "environment and profile (nothing deployed yet?)\n", none.err());
        Cli.Result poll = drill("--poll-interval", "5s");
        assertEquals(2, poll.exit());
        assertEquals("modelctl: --poll-interval: AppConfig accepts 15s to 24h (RequiredMinimumPollIntervalInSeconds), not 5s\n", poll.err());
        Cli.Result soon = drill("--target", "soon");
        assertEquals(2, soon.exit());
        assertEquals("modelctl: Invalid value for option '--target': 'soon' is not a duration (examples: 90s, 2m, 4h, 1h30m)\n"
                + "Try 'modelctl drill cost-override --help' for more information.\n", soon.err());
        Cli.Result pct = drill("--min-reduction", "lots");
        assertEquals(2, pct.exit());
        assertEquals("modelctl: --min-reduction: expected a percentage such as 70%, not 'lots'\n", pct.err());
        deployTemplate();
        Cli.Result unknown = drill("--use-cases", "recommendation");
        assertEquals(2, unknown.exit());
        assertTrue(unknown.err().startsWith("modelctl: drill: --use-cases: no use case 'recommendation' in the document served in staging; known: "),
                unknown.err());
        assertEquals(1, aws.appConfig.hosted(aws.app, aws.profile).size(), "nothing uploaded by a drill that could not run");
    }

    @Test
    void sessionsWhoseTokensExpireStartANewSessionLikeAServiceWould() throws Exception {
        deployTemplate();
        var result = new java.util.concurrent.atomic.AtomicReference<Cli.Result>();
        Thread drill = new Thread(() -> result.set(drill("--format", "json", "--target", "10m", "--sessions", "3")));
        drill.start();
        while (aws.data.sessionsStarted() < 3 && drill.isAlive()) {
            Thread.sleep(5);
        }
        aws.data.advanceClock(Duration.ofHours(25)); // every token handed out so far is now past its 24 hours
        drill.join();
        Cli.Result r = result.get();
        assertEquals(0, r.exit(), r::toString);
        JsonNode sessions = MAPPER.readTree(r.out()).get("drill").get("override").get("sessions");
        int restarts = 0;
        for (JsonNode s : sessions) {
            restarts += s.get("restarts").asInt();
            s.get("errors").forEach(e -> assertTrue(e.asText().startsWith("BadRequestException: AppConfig Data GetLatestConfiguration: "
                    + "BadRequestException: ConfigurationToken has expired"), e.asText()));
        }
        assertEquals(3, restarts, "each session restarted once: " + sessions);
        assertTrue(aws.data.rejections.stream().allMatch(x -> x.startsWith("Expired: ")), aws.data.rejections.toString());
    }

    @Test
    void ctrlCWhileTheOverrideDeploysStopsItAndConfirmsTheClear() throws Exception {
        deployTemplate();
        ProcessBuilder pb = new ProcessBuilder(Cli.javaCommand(List.of(), aws.withEndpoints("drill", "cost-override", "--env", "staging", "--yes",
                "--time-scale", Double.toString(MS_PER_SECOND), "--bake", "30m", "--ttl", "1h", "--poll", "20ms", "--engineer", "drill@example.com")));
        FakeAwsCredentials.into(pb.environment());
        pb.redirectOutput(aws.dir.resolve("stdout.txt").toFile());
        Process p = pb.start();
        StringBuilder err = new StringBuilder();
        try (var lines = new java.io.BufferedReader(new java.io.InputStreamReader(p.getErrorStream(), java.nio.charset.StandardCharsets.UTF_8))) {
            String line;
            while ((line = lines.readLine()) != null) {
                err.append(line).append('\n');
                if (line.startsWith("deployment #2: BAKING")) {
                    Cli.interrupt(p);
                }
            }
        }
        assertTrue(p.waitFor(30, java.util.concurrent.TimeUnit.SECONDS), "modelctl exits after Ctrl-C");
        assertEquals(130, p.exitValue(), err::toString);
        assertTrue(err.toString().contains("drill: clear ROLLED_BACK after "), err.toString());
        assertTrue(err.toString().contains("stopped the drill's deployment #2 (version 2); AppConfig serves the previous version again"), err.toString());
        assertTrue(err.toString().contains("modelctl: drill interrupted: the override is cleared and every sampled session serves the clear"), err.toString());
        assertEquals("ROLLED_BACK", aws.appConfig.deploymentsOf(aws.app, staging).get(1).state());
        assertEquals(2, aws.appConfig.hosted(aws.app, aws.profile).size(), "stopping needs no new version");
    }
}
