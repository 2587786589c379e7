package dev.modelctl.cli;

import dev.modelctl.aws.SdkBedrockModelSource;
import dev.modelctl.core.model.catalog.BedrockModelSource;
import dev.modelctl.core.model.config.RepoConfig;
import picocli.CommandLine.Option;

import java.util.ArrayList;
import java.util.List;

/** Where {@code catalog refresh} / {@code catalog diff --live} read Bedrock: one or more Regions, AWS CLI-style connection options. */
public final class BedrockListingOptions {
    @Option(names = "--region", paramLabel = "REGION", split = ",",
            description = "Region to list (repeatable or comma-separated; default: appconfig.region of .modelctl.yaml, then AWS_REGION).")
    List<String> regions = new ArrayList<>();

    @Option(names = "--profile", paramLabel = "NAME", description = "Named profile from ~/.aws/config (default: AWS_PROFILE / default chain).")
    String profile;

    @Option(names = "--endpoint-url", paramLabel = "[SERVICE=]URL",
            description = "Endpoint override, for all services or for `bedrock` (the control plane); repeatable.")
    List<String> endpoints = List.of();

    List<String> regions(RepoConfig config) {
        if (!regions.isEmpty()) {
            return regions;
        }
        String fallback = config.appconfig().region() != null ? config.appconfig().region() : System.getenv("AWS_REGION");
        if (fallback == null || fallback.isBlank()) {
            throw new CommandFailure("catalog: name the Regions to read with --region (e.g. --region us-east-1 --region eu-west-1)");
        }
        return List.of(fallback);
    }

    /** Every Region's listing, in order; a failure is one line and exit 2. */
    List<BedrockModelSource.RegionListing> list(RepoConfig config) {
        AwsOptions aws = new AwsOptions();
        aws.profile = profile;
        aws.endpoints = endpoints;
        BedrockModelSource source = new SdkBedrockModelSource(aws.settings(config));
        List<BedrockModelSource.RegionListing> out = new ArrayList<>();
        for (String region : regions(config)) {
            try {
                out.add(source.list(region));
            } catch (BedrockModelSource.ListingException e) {
                throw new CommandFailure(e.getMessage());
            }
        }
        return out;
    }
}
