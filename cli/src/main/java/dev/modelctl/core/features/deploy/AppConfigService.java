package dev.modelctl.core.features.deploy;

import dev.modelctl.core.features.deploy.AppConfigModel.Application;
import dev.modelctl.core.features.deploy.AppConfigModel.Deployment;
import dev.modelctl.core.features.deploy.AppConfigModel.Environment;
import dev.modelctl.core.features.deploy.AppConfigModel.HostedVersion;
import dev.modelctl.core.features.deploy.AppConfigModel.Monitor;
import dev.modelctl.core.features.deploy.AppConfigModel.Profile;
import dev.modelctl.core.features.deploy.AppConfigModel.Strategy;
import dev.modelctl.core.features.deploy.AppConfigModel.Validator;

import java.util.List;
import java.util.Optional;

/**
 * The AppConfig control-plane calls modelctl makes. Implemented over the AWS SDK in {@code dev.modelctl.aws}; every
 * method throws {@link DeployException} with one actionable line on failure.
 */
public interface AppConfigService {
    List<Application> applications();

    List<Environment> environments(String applicationId);

    List<Profile> profiles(String applicationId);

    Profile profile(String applicationId, String profileId);

    void updateMonitors(String applicationId, String environmentId, List<Monitor> monitors);

    void updateValidators(String applicationId, String profileId, List<Validator> validators);

    /** Hosted versions, newest first, without content. */
    List<HostedVersion> hostedVersions(String applicationId, String profileId);

    HostedVersion hostedVersion(String applicationId, String profileId, int version);

    /**
     * Uploads a hosted version; {@code expectedLatest} is the optimistic lock (AppConfig's Latest-Version-Number):
     * when someone uploaded meanwhile, throws {@link DeployException.Conflict}.
     */
    int createHostedVersion(String applicationId, String profileId, byte[] content, String contentType, String description,
                            Integer expectedLatest);

    List<Strategy> strategies();

    Strategy createStrategy(Strategy spec);

    /** Throws {@link DeployException.Conflict} when a deployment is already in progress in the environment. */
    Deployment startDeployment(String applicationId, String environmentId, String profileId, String strategyId, int version,
                               String description);

    Deployment deployment(String applicationId, String environmentId, int number);

    /** Deployments of the environment, newest first. */
    List<Deployment> deployments(String applicationId, String environmentId);

    /**
     * Stops a deployment in progress (→ ROLLED_BACK); with {@code allowRevert}, also reverts a COMPLETE one to the
     * previous configuration (→ REVERTED), which AppConfig allows within 72 hours of completion.
     */
    Deployment stopDeployment(String applicationId, String environmentId, int number, boolean allowRevert);

    default Optional<Integer> latestVersion(String applicationId, String profileId) {
        return hostedVersions(applicationId, profileId).stream().map(HostedVersion::number).max(Integer::compare);
    }
}
