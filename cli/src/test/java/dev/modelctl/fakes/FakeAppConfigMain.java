package dev.modelctl.fakes;

import dev.modelctl.cli.Main;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The fake AppConfig control plane and data plane as a standalone process on the REAL clock, for {@code bench/drill.sh}:
 * creates application {@code chatbot}, environment {@code staging}, profile {@code model-routing}, deploys DOCUMENT
 * all-at-once, then gives every later deployment the per-session propagation delays (seconds). Prints the two endpoints
 * on one line ({@code APPCONFIG_URL APPCONFIGDATA_URL}) and runs until killed.
 * Usage: {@code java -cp modelctl.jar:cli/target/test-classes dev.modelctl.fakes.FakeAppConfigMain DOCUMENT [DELAY_S…]}
 */
public final class FakeAppConfigMain {
    private FakeAppConfigMain() {
    }

    public static void main(String[] args) throws Exception {
        FakeAppConfig appConfig = new FakeAppConfig(new FakeCloudWatch(), 60_000);
        appConfig.start();
        FakeAppConfigData data = new FakeAppConfigData(appConfig, 1000);
        data.start();
        String app = appConfig.addApplication("chatbot");
        appConfig.addEnvironment(app, "staging");
        appConfig.addProfile(app, "model-routing");
        Path config = Files.createTempFile("modelctl-drill-bench", ".yaml");
        Files.writeString(config, "appconfig: {application: chatbot, profile: model-routing, region: us-east-1}\n");
        int exit = Main.run(new String[]{"deploy", args[0], "--env", "staging", "--strategy", "all-at-once", "--bake", "0m", "--poll", "50ms",
                "--config", config.toString(), "--endpoint-url", "appconfig=" + appConfig.endpoint()}, System.err, System.err);
        if (exit != 0) {
            System.exit(exit);
        }
        List<Duration> delays = new ArrayList<>();
        for (int i = 1; i < args.length; i++) {
            delays.add(Duration.ofSeconds(Long.parseLong(args[i])));
        }
        if (!delays.isEmpty()) {
            data.propagationDelays(delays.toArray(Duration[]::new));
        }
        System.out.println(appConfig.endpoint() + " " + data.endpoint());
        System.out.flush();
        Thread.currentThread().join();
    }
}
