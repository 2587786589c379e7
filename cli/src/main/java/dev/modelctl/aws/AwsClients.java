package dev.modelctl.aws;

import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.ProfileCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.core.retry.RetryMode;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.appconfig.AppConfigClient;
import software.amazon.awssdk.services.appconfigdata.AppConfigDataClient;
import software.amazon.awssdk.services.bedrock.BedrockClient;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.bedrockruntime.BedrockRuntimeClient;

import java.time.Duration;

/**
 * The one place AWS SDK clients are built: URL-connection HTTP client (small, fast start; Apache for AppConfig), standard retry mode (backoff
 * on throttling), a timeout on every call, and the endpoint/region/profile settings of {@link AwsSettings}.
 */
public final class AwsClients {
    private final AwsSettings settings;

    public AwsClients(AwsSettings settings) {
        this.settings = settings;
    }

    /** AppConfig needs HTTP PATCH (UpdateEnvironment, UpdateConfigurationProfile): the Apache client sends it. */
    public AppConfigClient appConfig() {
        return configure(AppConfigClient.builder(), "appconfig", settings.callTimeout())
                .httpClientBuilder(ApacheHttpClient.builder().connectionTimeout(Duration.ofSeconds(5)).socketTimeout(settings.callTimeout()))
                .build();
    }

    public AppConfigDataClient appConfigData() {
        return configure(AppConfigDataClient.builder(), "appconfigdata").build();
    }

    public BedrockRuntimeClient bedrockRuntime(Duration callTimeout) {
        return configure(BedrockRuntimeClient.builder(), "bedrock-runtime", callTimeout).build();
    }

    /** The Bedrock control plane (ListFoundationModels, ListInferenceProfiles); endpoint key {@code bedrock}. */
    public BedrockClient bedrock() {
        return configure(BedrockClient.builder(), "bedrock").build();
    }

    public CloudWatchClient cloudWatch() {
        return configure(CloudWatchClient.builder(), "cloudwatch").build();
    }

    private <B extends AwsClientBuilder<B, ?>> B configure(B builder, String service) {
        return configure(builder, service, settings.callTimeout());
    }

    private <B extends AwsClientBuilder<B, ?>> B configure(B builder, String service, Duration callTimeout) {
        if (settings.region() != null) {
            builder.region(Region.of(settings.region()));
        }
        builder.credentialsProvider(credentials());
        if (settings.endpointFor(service) != null) {
            builder.endpointOverride(settings.endpointFor(service));
        }
        builder.overrideConfiguration(ClientOverrideConfiguration.builder()
                .retryStrategy(RetryMode.STANDARD)
                .apiCallTimeout(callTimeout)
                .apiCallAttemptTimeout(callTimeout)
                .build());
        if (builder instanceof software.amazon.awssdk.core.client.builder.SdkSyncClientBuilder<?, ?> sync) {
            sync.httpClientBuilder(UrlConnectionHttpClient.builder()
                    .connectionTimeout(Duration.ofSeconds(5))
                    .socketTimeout(callTimeout));
        }
        return builder;
    }

    private AwsCredentialsProvider credentials() {
        return settings.profile() != null
                ? ProfileCredentialsProvider.builder().profileName(settings.profile()).build()
                : DefaultCredentialsProvider.builder().build();
    }
}
