package dev.modelctl.testing;

import dev.modelctl.fakes.FakeAppConfig;
import dev.modelctl.fakes.FakeCloudWatch;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * JUnit 5 extension: a fresh fake AppConfig and CloudWatch per test (real wire protocols, accelerated clock), an
 * application {@code chatbot} with profile {@code model-routing}, fake credentials, a repo config, and
 * {@link #run} that points the real CLI at the fakes. Use with {@code @RegisterExtension}.
 */
public final class FakeAws implements BeforeEachCallback, AfterEachCallback {
    public static final String ALARM = "arn:aws:cloudwatch:us-east-1:123456789012:alarm:routing-5xx";
    private final long msPerMinute;
    public FakeCloudWatch cloudWatch;
    public FakeAppConfig appConfig;
    public String app;
    public String profile;
    public Path dir;
    public Path config;

    public FakeAws(long msPerMinute) {
        this.msPerMinute = msPerMinute;
    }

    @Override
    public void beforeEach(ExtensionContext context) throws IOException {
        FakeAwsCredentials.install();
        cloudWatch = new FakeCloudWatch();
        cloudWatch.start();
        appConfig = new FakeAppConfig(cloudWatch, msPerMinute);
        appConfig.start();
        app = appConfig.addApplication("chatbot");
        profile = appConfig.addProfile(app, "model-routing");
        dir = Files.createTempDirectory("modelctl-aws");
        config("appconfig: {application: chatbot, profile: model-routing, region: us-east-1}\n");
    }

    @Override
    public void afterEach(ExtensionContext context) throws IOException {
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

    /** The CLI with {@code --config} and both endpoints added. */
    public Cli.Result run(String... args) {
        return Cli.run(withEndpoints(args).toArray(String[]::new));
    }

    public List<String> withEndpoints(String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(List.of("--config", config.toString(), "--endpoint-url", "appconfig=" + appConfig.endpoint(),
                "--endpoint-url", "cloudwatch=" + cloudWatch.endpoint()));
        return all;
    }
}
