package dev.modelctl.cli;

import dev.modelctl.aws.AwsClients;
import dev.modelctl.aws.AwsSettings;
import dev.modelctl.core.model.config.RepoConfig;
import picocli.CommandLine.Option;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** AWS CLI-style connection options shared by every command that talks to AWS. */
public final class AwsOptions {
    @Option(names = "--region", paramLabel = "REGION", description = "AWS region (default: repo config, then AWS_REGION / the profile).")
    String region;

    @Option(names = "--profile", paramLabel = "NAME", description = "Named profile from ~/.aws/config (default: AWS_PROFILE / default chain).")
    String profile;

    @Option(names = "--endpoint-url", paramLabel = "[SERVICE=]URL",
            description = "Endpoint override, for all services or one (appconfig, appconfigdata, bedrock, bedrock-runtime, cloudwatch); repeatable.")
    List<String> endpoints = List.of();

    public AwsSettings settings(RepoConfig config) {
        Map<String, URI> map = new LinkedHashMap<>();
        for (String e : endpoints) {
            int eq = e.indexOf('=');
            String service = eq > 0 && !e.substring(0, eq).contains(":") ? e.substring(0, eq) : "*";
            String url = service.equals("*") ? e : e.substring(eq + 1);
            try {
                map.put(service, URI.create(url));
            } catch (IllegalArgumentException ex) {
                throw new CommandFailure("--endpoint-url: '" + url + "' is not a URL");
            }
        }
        String r = region != null ? region : config.appconfig().region();
        return new AwsSettings(r, profile, map, AwsSettings.DEFAULT_CALL_TIMEOUT);
    }

    public AwsClients clients(RepoConfig config) {
        return new AwsClients(settings(config));
    }
}
