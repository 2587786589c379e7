package dev.modelctl.deploy;

import dev.modelctl.testing.Cli;
import dev.modelctl.testing.FakeAws;
import dev.modelctl.testing.FakeAwsCredentials;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.io.BufferedReader;
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
    @RegisterExtension
    final FakeAws aws = new FakeAws(50);
    String prod;
    Path document;

    @BeforeEach
    void setUp() {
        prod = aws.appConfig.addEnvironment(aws.app, "prod", "arn:aws:cloudwatch:us-east-1:123456789012:alarm:x");
        document = aws.document("routing.yaml");
    }

    /** Runs deploy in a child JVM, sends SIGINT once it follows the deployment, returns its stderr. */
    private String interruptedDeploy(String... extra) throws Exception {
        return interrupted("deployment #1: DEPLOYING", extra);
    }

    /** Runs deploy in a child JVM, sends SIGINT once stdout shows a line starting with {@code when}, returns its stderr. */
    private String interrupted(String when, String... extra) throws Exception {
        List<String> args = new java.util.ArrayList<>(List.of("deploy", document.toString(), "--env", "prod", "--interval", "60m", "--poll", "20ms", "--yes"));
        args.addAll(List.of(extra));
        return interruptedRun(when, args);
    }

    /** Runs modelctl with {@code args} in a child JVM, sends SIGINT once stdout shows a line starting with {@code when}. */
    private String interruptedRun(String when, List<String> args) throws Exception {
        ProcessBuilder pb = new ProcessBuilder(Cli.javaCommand(List.of(), aws.withEndpoints(args.toArray(String[]::new))));
        FakeAwsCredentials.into(pb.environment());
        Path dir = aws.dir;
        pb.redirectError(dir.resolve("stderr.txt").toFile());
        Process p = pb.start();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = out.readLine()) != null && !line.startsWith(when)) {
                // wait until it follows the deployment
            }
            Cli.interrupt(p);
            assertTrue(p.waitFor(20, TimeUnit.SECONDS), "modelctl exits after Ctrl-C");
        }
        assertEquals(130, p.exitValue(), "SIGINT exit status");
        return Files.readString(dir.resolve("stderr.txt"));
    }

    @Test
    void ctrlCDetachesAndSaysHowToWatchOrStop() throws Exception {
        String err = interruptedDeploy();
        assertTrue(err.contains("modelctl: interrupted: deployment #1 continues in prod (DEPLOYING 10%); watch: modelctl status --env prod --watch; "
                + "stop: modelctl rollback --env prod"), err);
        assertEquals("DEPLOYING", aws.appConfig.deploymentsOf(aws.app, prod).get(0).state());
    }

    @Test
    void ctrlCWhileStartDeploymentIsInFlightReportsTheDeployment() throws Exception {
        aws.appConfig.delayNext("POST", "/applications/[^/]+/environments/[^/]+/deployments", 1500);
        String err = interrupted("uploaded hosted version 1");
        assertTrue(err.contains("modelctl: interrupted: deployment #1 continues in prod (DEPLOYING"), err);
        assertEquals(1, aws.appConfig.deploymentsOf(aws.app, prod).size(), "the deployment started and is reported, not silently left");
    }

    @Test
    void ctrlCDuringADetachedOverrideRestoresTheMonitors() throws Exception {
        assertEquals(0, aws.run("deploy", document.toString(), "--env", "prod", "--strategy", "all-at-once", "--bake", "0m", "--yes", "--poll", "5ms").exit());
        String alarm = "arn:aws:cloudwatch:us-east-1:123456789012:alarm:x";
        aws.cloudWatch.setAlarmState(alarm, "ALARM");
        aws.appConfig.delayNext("POST", "/applications/[^/]+/environments/[^/]+/deployments", 1500);
        String err = interruptedRun("detached 1 alarm monitor", List.of("override", "--cost", "--reason", "INC-9", "--ttl", "1h", "--env", "prod",
                "--detach-alarms", "--yes", "--poll", "20ms"));
        assertTrue(err.contains("modelctl: restored 1 alarm monitor(s) on prod"), err);
        assertEquals(alarm, aws.appConfig.environmentNode(prod).at("/Monitors/0/AlarmArn").asText());
    }

    @Test
    void ctrlCWithStopOnInterruptRollsBack() throws Exception {
        String err = interruptedDeploy("--stop-on-interrupt");
        assertTrue(err.contains("modelctl: interrupted: stopped deployment #1 in prod (it rolls back)"), err);
        assertEquals("ROLLED_BACK", aws.appConfig.deploymentsOf(aws.app, prod).get(0).state());
    }
}
