package dev.modelctl.testing;

import dev.modelctl.aws.AwsClients;
import dev.modelctl.aws.AwsSettings;
import dev.modelctl.fakes.FakeAppConfig;
import dev.modelctl.fakes.FakeAppConfigData;
import dev.modelctl.fakes.FakeCloudWatch;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * JUnit 5 extension: a fresh fake AppConfig and CloudWatch per test (real wire protocols, accelerated clock), an
 * application {@code chatbot} with profile {@code model-routing}, fake credentials, a repo config, and
 * {@link #run} that points the real CLI at the fakes. Use with {@code @RegisterExtension}. With
 * {@link #withAppConfigData} it also runs a fake AppConfig Data plane serving the fake AppConfig's deployments.
 */
public final class FakeAws implements BeforeEachCallback, AfterEachCallback {
    public static final String ALARM = "arn:aws:cloudwatch:us-east-1:123456789012:alarm:routing-5xx";
    private final long msPerMinute;
    private Double dataMsPerSecond;
    public FakeCloudWatch cloudWatch;
    public FakeAppConfig appConfig;
    /** The AppConfig Data plane, when {@link #withAppConfigData} asked for one; else {@code null}. */
    public FakeAppConfigData data;
    public String app;
    public String profile;
    public Path dir;
    public Path config;

    public FakeAws(long msPerMinute) {
        this.msPerMinute = msPerMinute;
    }

    /**
     * Also a fake AppConfig Data plane per test, reading this fake AppConfig's deployments, its token clock at
     * {@code msPerSecond} real ms per AppConfig second (the drill's {@code --time-scale}); {@link #run} adds its endpoint.
     */
    public FakeAws withAppConfigData(double msPerSecond) {
        this.dataMsPerSecond = msPerSecond;
        return this;
    }

    @Override
    public void beforeEach(ExtensionContext context) throws IOException {
        FakeAwsCredentials.install();
        cloudWatch = new FakeCloudWatch();
        cloudWatch.start();
        appConfig = new FakeAppConfig(cloudWatch, msPerMinute);
        appConfig.start();
        if (dataMsPerSecond != null) {
            data = new FakeAppConfigData(appConfig, dataMsPerSecond);
            data.start();
        }
        app = appConfig.addApplication("chatbot");
        profile = appConfig.addProfile(app, "model-routing");
        dir = Files.createTempDirectory("modelctl-aws");
        config("appconfig: {application: chatbot, profile: model-routing, region: us-east-1}\n");
    }

    @Override
    public void afterEach(ExtensionContext context) throws IOException {
        if (data != null) {
            data.close();
        }
        appConfig.close();
        cloudWatch.close();
        try (var files = Files.walk(dir)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    /** Replaces the repo config. */
    public Path config(String yaml) {
        try {
            config = Files.writeString(dir.resolve(".modelctl.yaml"), yaml);
            return config;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A copy of the example routing document in the test's directory. */
    public Path document(String name) {
        try {
            return Files.copy(Cli.repoRoot().resolve("templates/model_routing_config.example.yaml"), dir.resolve(name),
                    java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The CLI with {@code --config} and the endpoints of the fakes added. */
    public Cli.Result run(String... args) {
        return Cli.run(withEndpoints(args).toArray(String[]::new));
    }

    public List<String> withEndpoints(String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(List.of("--config", config.toString(), "--endpoint-url", "appconfig=" + appConfig.endpoint(),
                "--endpoint-url", "cloudwatch=" + cloudWatch.endpoint()));
        if (data != null) {
            all.addAll(List.of("--endpoint-url", "appconfigdata=" + data.endpoint()));
        }
        return all;
    }

    /** Real SDK clients pointed at the fakes, for tests that call AWS without the CLI. */
    public AwsClients clients() {
        Map<String, URI> endpoints = new LinkedHashMap<>();
        endpoints.put("appconfig", URI.create(appConfig.endpoint()));
        endpoints.put("cloudwatch", URI.create(cloudWatch.endpoint()));
        if (data != null) {
            endpoints.put("appconfigdata", URI.create(data.endpoint()));
        }
        return new AwsClients(new AwsSettings(FakeAwsCredentials.REGION, null, endpoints, AwsSettings.DEFAULT_CALL_TIMEOUT));
    }
}
