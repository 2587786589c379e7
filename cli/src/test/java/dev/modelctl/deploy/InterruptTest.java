package dev.modelctl.deploy;

import dev.modelctl.fakes.FakeAppConfig;
import dev.modelctl.fakes.FakeCloudWatch;
import dev.modelctl.testing.Cli;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Ctrl-C during `deploy`: a real SIGINT to a real modelctl process following a deployment on the fake AppConfig. */
class InterruptTest {
    @TempDir
    Path dir;
    FakeAppConfig appConfig;
    String app;
    String prod;
    Path config;
    Path document;

    @BeforeEach
    void start() throws IOException {
        appConfig = new FakeAppConfig(new FakeCloudWatch(), 50);
        appConfig.start();
        app = appConfig.addApplication("chatbot");
        prod = appConfig.addEnvironment(app, "prod", "arn:aws:cloudwatch:us-east-1:123456789012:alarm:x");
        appConfig.addProfile(app, "model-routing");
        config = Files.writeString(dir.resolve(".modelctl.yaml"), "appconfig: {application: chatbot, profile: model-routing, region: us-east-1}\n");
        document = Files.copy(Cli.repoRoot().resolve("templates/model_routing_config.example.yaml"), dir.resolve("routing.yaml"));
    }

    @AfterEach
    void stop() {
        appConfig.close();
    }

    /** Runs deploy in a child JVM, sends SIGINT once it follows the deployment, returns its stderr. */
    private String interruptedDeploy(String... extra) throws Exception {
        List<String> cmd = new java.util.ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "dev.modelctl.cli.Main", "deploy", document.toString(), "--env", "prod",
                "--interval", "60m", "--poll", "20ms", "--config", config.toString(), "--endpoint-url", "appconfig=" + appConfig.endpoint()));
        cmd.addAll(List.of(extra));
        ProcessBuilder pb = new ProcessBuilder(cmd);
        pb.environment().put("AWS_ACCESS_KEY_ID", "AKIAFAKEFAKEFAKE");
        pb.environment().put("AWS_SECRET_ACCESS_KEY", "fake-secret-key-for-tests");
        pb.environment().put("AWS_REGION", "us-east-1");
        pb.redirectError(dir.resolve("stderr.txt").toFile());
        Process p = pb.start();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = out.readLine()) != null && !line.startsWith("deployment #1: DEPLOYING")) {
                // wait until it follows the deployment
            }
            new ProcessBuilder("kill", "-INT", Long.toString(p.pid())).start().waitFor();
            assertTrue(p.waitFor(20, TimeUnit.SECONDS), "modelctl exits after Ctrl-C");
        }
        assertEquals(130, p.exitValue(), "SIGINT exit status");
        return Files.readString(dir.resolve("stderr.txt"));
    }

    @Test
    void ctrlCDetachesAndSaysHowToWatchOrStop() throws Exception {
        String err = interruptedDeploy();
        assertTrue(err.contains("modelctl: interrupted: deployment #1 continues in prod (DEPLOYING 10%); watch: modelctl status --env prod; "
                + "stop: modelctl rollback --env prod"), err);
        assertEquals("DEPLOYING", appConfig.deploymentsOf(app, prod).get(0).state());
    }

    @Test
    void ctrlCWithStopOnInterruptRollsBack() throws Exception {
        String err = interruptedDeploy("--stop-on-interrupt");
        assertTrue(err.contains("modelctl: interrupted: stopped deployment #1 in prod (it rolls back)"), err);
        assertEquals("ROLLED_BACK", appConfig.deploymentsOf(app, prod).get(0).state());
    }
}
