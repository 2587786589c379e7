package dev.modelctl.aws;

import java.net.URI;
import java.time.Duration;
import java.util.Map;

/**
 * How to reach AWS, following AWS CLI conventions: {@code region}/{@code profile} of {@code null} mean "the default
 * chain" (AWS_REGION, AWS_PROFILE, ~/.aws/config); {@code endpoints} maps a service key ({@code appconfig},
 * {@code appconfigdata}, {@code bedrock}, {@code bedrock-runtime}, {@code cloudwatch}) or {@code *} to an endpoint override.
 */
public record AwsSettings(String region, String profile, Map<String, URI> endpoints, Duration callTimeout) {
    public static final Duration DEFAULT_CALL_TIMEOUT = Duration.ofSeconds(30);

    public URI endpointFor(String service) {
        URI u = endpoints.get(service);
        return u != null ? u : endpoints.get("*");
    }
}
