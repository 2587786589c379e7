package dev.modelctl.aws;

import dev.modelctl.core.features.deploy.DeployException;
import dev.modelctl.core.features.drill.ConfigurationSessions;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.services.appconfigdata.AppConfigDataClient;
import software.amazon.awssdk.services.appconfigdata.model.GetLatestConfigurationResponse;

import java.time.Duration;
import java.util.function.Supplier;

/** AppConfig Data sessions over the AWS SDK {@code appconfigdata} client (StartConfigurationSession, GetLatestConfiguration). */
public final class SdkConfigurationSessions implements ConfigurationSessions, AutoCloseable {
    private final AppConfigDataClient client;

    public SdkConfigurationSessions(AppConfigDataClient client) {
        this.client = client;
    }

    @Override
    public Session start(String applicationId, String environmentId, String profileId, Duration minimumPoll) {
        String token = call("StartConfigurationSession", () -> client.startConfigurationSession(r -> r.applicationIdentifier(applicationId)
                .environmentIdentifier(environmentId).configurationProfileIdentifier(profileId)
                .requiredMinimumPollIntervalInSeconds((int) minimumPoll.toSeconds())).initialConfigurationToken());
        return new SdkSession(token);
    }

    /** Holds the single-use token: each answer's NextPollConfigurationToken replaces it. */
    private final class SdkSession implements Session {
        private String token;

        SdkSession(String token) {
            this.token = token;
        }

        @Override
        public Poll latest() {
            String used = token;
            GetLatestConfigurationResponse r = call("GetLatestConfiguration", () -> client.getLatestConfiguration(b -> b.configurationToken(used)));
            token = r.nextPollConfigurationToken();
            byte[] content = r.configuration() == null ? new byte[0] : r.configuration().asByteArray();
            int seconds = r.nextPollIntervalInSeconds() == null ? 0 : r.nextPollIntervalInSeconds();
            return new Poll(content, r.contentType(), Duration.ofSeconds(seconds), r.versionLabel());
        }
    }

    private static <T> T call(String what, Supplier<T> call) {
        try {
            return call.get();
        } catch (AwsServiceException e) {
            String code = e.awsErrorDetails() == null || e.awsErrorDetails().errorCode() == null ? "AwsServiceException" : e.awsErrorDetails().errorCode();
            String message = e.awsErrorDetails() == null || e.awsErrorDetails().errorMessage() == null ? e.getMessage() : e.awsErrorDetails().errorMessage();
            throw new SessionException(code, "AppConfig Data " + what + ": " + code + ": " + message);
        } catch (RuntimeException e) {
            // credentials, region, timeouts, network: the same one-line messages as the other AWS calls
            try {
                return AwsErrors.call("AppConfig Data", what, () -> {
                    throw e;
                });
            } catch (DeployException line) {
                throw new SessionException("ClientError", line.getMessage());
            }
        }
    }

    @Override
    public void close() {
        client.close();
    }
}
