package dev.modelctl.aws;

import dev.modelctl.core.model.catalog.BedrockModelSource;
import software.amazon.awssdk.core.exception.ApiCallAttemptTimeoutException;
import software.amazon.awssdk.core.exception.ApiCallTimeoutException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.bedrock.BedrockClient;
import software.amazon.awssdk.services.bedrock.model.BedrockException;
import software.amazon.awssdk.services.bedrock.model.InferenceProfileModel;
import software.amazon.awssdk.services.bedrock.model.InferenceProfileType;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

/**
 * {@link BedrockModelSource} over the SDK's Bedrock control-plane client, one client per Region (built by
 * {@link AwsClients#bedrock}: standard retries with backoff on throttling, the call timeout, {@code --endpoint-url
 * bedrock=…}). ListInferenceProfiles is read page by page ({@code nextToken}); ListFoundationModels has one page.
 * Failures become one {@link ListingException} line that says what to do.
 */
public final class SdkBedrockModelSource implements BedrockModelSource {
    private static final Set<String> BAD_CREDENTIALS = Set.of("UnrecognizedClientException", "InvalidSignatureException",
            "ExpiredTokenException", "InvalidClientTokenId", "IncompleteSignature", "MissingAuthenticationToken");
    /** ListInferenceProfiles maxResults: the API allows 1..1000. */
    static final int PAGE_SIZE = 100;

    private final AwsSettings settings;

    public SdkBedrockModelSource(AwsSettings settings) {
        this.settings = settings;
    }

    @Override
    public RegionListing list(String region) {
        try (BedrockClient client = open(region)) {
            List<FoundationModel> models = call(region, "ListFoundationModels", () -> client.listFoundationModels(b -> { })
                    .modelSummaries().stream().map(m -> new FoundationModel(m.modelId(), m.providerName(), m.modelName(),
                            m.modelLifecycle() == null ? "ACTIVE" : m.modelLifecycle().statusAsString(),
                            m.inferenceTypesSupportedAsStrings(), m.inputModalitiesAsStrings(), m.outputModalitiesAsStrings()))
                    .toList());
            List<InferenceProfile> profiles = new ArrayList<>();
            call(region, "ListInferenceProfiles", () -> {
                client.listInferenceProfilesPaginator(b -> b.maxResults(PAGE_SIZE).typeEquals(InferenceProfileType.SYSTEM_DEFINED))
                        .inferenceProfileSummaries().forEach(p -> profiles.add(new InferenceProfile(p.inferenceProfileId(),
                                p.typeAsString(), p.statusAsString(), p.models().stream().map(InferenceProfileModel::modelArn).toList())));
                return null;
            });
            return new RegionListing(region, models, profiles);
        }
    }

    private BedrockClient open(String region) {
        try {
            return new AwsClients(new AwsSettings(region, settings.profile(), settings.endpoints(), settings.callTimeout())).bedrock();
        } catch (SdkClientException e) {
            throw clientError(region, "client", e);
        }
    }

    private static <T> T call(String region, String operation, Supplier<T> call) {
        try {
            return call.get();
        } catch (BedrockException e) {
            var details = e.awsErrorDetails();
            String code = details == null || details.errorCode() == null || details.errorCode().isEmpty() ? "HTTP " + e.statusCode() : details.errorCode();
            String message = details == null || details.errorMessage() == null ? firstLine(e.getMessage()) : details.errorMessage();
            String what = "Bedrock " + operation + " in " + region + ": " + code + ": " + message;
            if (BAD_CREDENTIALS.contains(code)) {
                throw new ListingException(what + " (check the credentials: --profile, AWS_PROFILE, or `aws sso login`)");
            }
            if ("AccessDeniedException".equals(code) || e.statusCode() == 403) {
                throw new ListingException(what + " (allow bedrock:ListFoundationModels and bedrock:ListInferenceProfiles for the role you run as)");
            }
            if (e.isThrottlingException()) {
                throw new ListingException(what + " (throttled even after the SDK's retries; try again in a minute)");
            }
            throw new ListingException(what);
        } catch (ApiCallTimeoutException | ApiCallAttemptTimeoutException e) {
            throw new ListingException("Bedrock " + operation + " in " + region + ": no answer in time (network down or wrong --endpoint-url?)");
        } catch (SdkClientException e) {
            throw clientError(region, operation, e);
        }
    }

    private static ListingException clientError(String region, String operation, SdkClientException e) {
        String m = firstLine(e.getMessage());
        String what = "Bedrock " + operation + " in " + region + ": ";
        if (m.contains("Unable to load credentials") || m.contains("credentials")) {
            return new ListingException(what + "no AWS credentials found (set --profile or AWS_PROFILE, or run `aws sso login`)");
        }
        if (m.startsWith("Unable to execute HTTP request")) {
            return new ListingException(what + m + " (network down or wrong --endpoint-url?)");
        }
        return new ListingException(what + m);
    }

    private static String firstLine(String s) {
        return s == null ? "" : s.lines().findFirst().orElse("");
    }
}
