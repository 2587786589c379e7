package dev.modelctl.core.model.catalog;

import java.util.List;

/**
 * What Bedrock's control plane says about one Region: ListFoundationModels and ListInferenceProfiles (all pages). The
 * AWS implementation is {@code aws.SdkBedrockModelSource}; tests use a fake control plane behind the real SDK.
 */
public interface BedrockModelSource {
    /** Everything one Region lists; a failure that stops the refresh is a {@link ListingException}. */
    RegionListing list(String region);

    /**
     * One ListFoundationModels summary.
     *
     * @param lifecycleStatus {@code modelLifecycle.status}: {@code ACTIVE} or {@code LEGACY}
     * @param inferenceTypes  {@code inferenceTypesSupported}: {@code ON_DEMAND}, {@code INFERENCE_PROFILE}, {@code PROVISIONED}
     */
    record FoundationModel(String modelId, String providerName, String modelName, String lifecycleStatus,
                           List<String> inferenceTypes, List<String> inputModalities, List<String> outputModalities) {
    }

    /**
     * One ListInferenceProfiles summary.
     *
     * @param type      {@code SYSTEM_DEFINED} (cross-region) or {@code APPLICATION}
     * @param modelArns the foundation-model ARNs the profile routes to
     */
    record InferenceProfile(String id, String type, String status, List<String> modelArns) {
    }

    record RegionListing(String region, List<FoundationModel> models, List<InferenceProfile> profiles) {
    }

    /** Bedrock could not be read (credentials, permissions, throttling past retries, network): one actionable line. */
    final class ListingException extends RuntimeException {
        public ListingException(String message) {
            super(message, null, false, false);
        }
    }
}
