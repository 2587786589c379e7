package dev.modelctl.aws;

import dev.modelctl.core.features.deploy.AppConfigModel.Application;
import dev.modelctl.core.features.deploy.AppConfigModel.Deployment;
import dev.modelctl.core.features.deploy.AppConfigModel.Environment;
import dev.modelctl.core.features.deploy.AppConfigModel.Event;
import dev.modelctl.core.features.deploy.AppConfigModel.HostedVersion;
import dev.modelctl.core.features.deploy.AppConfigModel.Monitor;
import dev.modelctl.core.features.deploy.AppConfigModel.Profile;
import dev.modelctl.core.features.deploy.AppConfigModel.Strategy;
import dev.modelctl.core.features.deploy.AppConfigModel.Validator;
import dev.modelctl.core.features.deploy.AppConfigService;
import dev.modelctl.core.features.deploy.DeploymentState;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.appconfig.AppConfigClient;
import software.amazon.awssdk.services.appconfig.model.DeploymentEvent;
import software.amazon.awssdk.services.appconfig.model.GetDeploymentResponse;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** {@link AppConfigService} over the AWS SDK's AppConfig client (REST-JSON control plane). */
public final class SdkAppConfigService implements AppConfigService {
    private static final String SERVICE = "AppConfig";
    private final AppConfigClient client;

    public SdkAppConfigService(AppConfigClient client) {
        this.client = client;
    }

    @Override
    public List<Application> applications() {
        return AwsErrors.call(SERVICE, "ListApplications", () -> client.listApplicationsPaginator(r -> r.maxResults(50)).items().stream()
                .map(a -> new Application(a.id(), a.name())).toList());
    }

    @Override
    public List<Environment> environments(String applicationId) {
        return AwsErrors.call(SERVICE, "ListEnvironments", () -> client.listEnvironmentsPaginator(r -> r.applicationId(applicationId).maxResults(50))
                .items().stream().map(e -> new Environment(e.id(), e.name(), e.stateAsString(),
                        e.monitors().stream().map(m -> new Monitor(m.alarmArn(), m.alarmRoleArn())).toList())).toList());
    }

    @Override
    public List<Profile> profiles(String applicationId) {
        return AwsErrors.call(SERVICE, "ListConfigurationProfiles", () -> client.listConfigurationProfilesPaginator(
                r -> r.applicationId(applicationId).maxResults(50)).items().stream()
                .map(p -> new Profile(p.id(), p.name(), p.locationUri(), List.of())).toList());
    }

    @Override
    public Profile profile(String applicationId, String profileId) {
        var p = AwsErrors.call(SERVICE, "GetConfigurationProfile", () -> client.getConfigurationProfile(
                r -> r.applicationId(applicationId).configurationProfileId(profileId)));
        return new Profile(p.id(), p.name(), p.locationUri(),
                p.validators().stream().map(v -> new Validator(v.typeAsString(), v.content())).toList());
    }

    @Override
    public void updateMonitors(String applicationId, String environmentId, List<Monitor> monitors) {
        AwsErrors.call(SERVICE, "UpdateEnvironment", () -> client.updateEnvironment(r -> r.applicationId(applicationId).environmentId(environmentId)
                .monitors(monitors.stream().map(m -> software.amazon.awssdk.services.appconfig.model.Monitor.builder()
                        .alarmArn(m.alarmArn()).alarmRoleArn(m.alarmRoleArn()).build()).toList())));
    }

    @Override
    public void updateValidators(String applicationId, String profileId, List<Validator> validators) {
        AwsErrors.call(SERVICE, "UpdateConfigurationProfile", () -> client.updateConfigurationProfile(r -> r.applicationId(applicationId)
                .configurationProfileId(profileId)
                .validators(validators.stream().map(v -> software.amazon.awssdk.services.appconfig.model.Validator.builder()
                        .type(v.type()).content(v.content()).build()).toList())));
    }

    @Override
    public List<HostedVersion> hostedVersions(String applicationId, String profileId) {
        return AwsErrors.call(SERVICE, "ListHostedConfigurationVersions", () -> client.listHostedConfigurationVersionsPaginator(
                        r -> r.applicationId(applicationId).configurationProfileId(profileId).maxResults(50)).items().stream()
                .map(v -> new HostedVersion(v.versionNumber(), v.description(), v.contentType(), null))
                .sorted(Comparator.comparingInt(HostedVersion::number).reversed()).toList());
    }

    @Override
    public HostedVersion hostedVersion(String applicationId, String profileId, int version) {
        var v = AwsErrors.call(SERVICE, "GetHostedConfigurationVersion", () -> client.getHostedConfigurationVersion(
                r -> r.applicationId(applicationId).configurationProfileId(profileId).versionNumber(version)));
        return new HostedVersion(v.versionNumber(), v.description(), v.contentType(), v.content().asByteArray());
    }

    @Override
    public int createHostedVersion(String applicationId, String profileId, byte[] content, String contentType, String description,
                                   Integer expectedLatest) {
        return AwsErrors.call(SERVICE, "CreateHostedConfigurationVersion", () -> client.createHostedConfigurationVersion(
                r -> r.applicationId(applicationId).configurationProfileId(profileId).content(SdkBytes.fromByteArray(content))
                        .contentType(contentType).description(description).latestVersionNumber(expectedLatest)).versionNumber());
    }

    @Override
    public List<Strategy> strategies() {
        return AwsErrors.call(SERVICE, "ListDeploymentStrategies", () -> client.listDeploymentStrategiesPaginator(r -> r.maxResults(50))
                .items().stream().map(s -> new Strategy(s.id(), s.name(), nz(s.deploymentDurationInMinutes()), s.growthFactor() == null ? 0 : s.growthFactor(),
                        s.growthTypeAsString() == null ? "LINEAR" : s.growthTypeAsString(), nz(s.finalBakeTimeInMinutes()),
                        s.replicateToAsString() == null ? "NONE" : s.replicateToAsString())).toList());
    }

    @Override
    public Strategy createStrategy(Strategy spec) {
        var s = AwsErrors.call(SERVICE, "CreateDeploymentStrategy", () -> client.createDeploymentStrategy(r -> r.name(spec.name())
                .description("created by modelctl deploy").deploymentDurationInMinutes(spec.durationMinutes())
                .finalBakeTimeInMinutes(spec.finalBakeMinutes()).growthFactor(spec.growthFactor()).growthType(spec.growthType())
                .replicateTo(spec.replicateTo())));
        return new Strategy(s.id(), s.name(), spec.durationMinutes(), spec.growthFactor(), spec.growthType(), spec.finalBakeMinutes(), spec.replicateTo());
    }

    @Override
    public Deployment startDeployment(String applicationId, String environmentId, String profileId, String strategyId, int version,
                                      String description) {
        var d = AwsErrors.call(SERVICE, "StartDeployment", () -> client.startDeployment(r -> r.applicationId(applicationId)
                .environmentId(environmentId).configurationProfileId(profileId).deploymentStrategyId(strategyId)
                .configurationVersion(Integer.toString(version)).description(description)));
        return new Deployment(d.deploymentNumber(), DeploymentState.of(d.stateAsString()), pct(d.percentageComplete()), d.configurationName(),
                parse(d.configurationVersion()), d.deploymentStrategyId(), d.description(), d.startedAt(), d.completedAt(), events(d.eventLog()));
    }

    @Override
    public Deployment deployment(String applicationId, String environmentId, int number) {
        GetDeploymentResponse d = AwsErrors.call(SERVICE, "GetDeployment", () -> client.getDeployment(
                r -> r.applicationId(applicationId).environmentId(environmentId).deploymentNumber(number)));
        return new Deployment(d.deploymentNumber(), DeploymentState.of(d.stateAsString()), pct(d.percentageComplete()), d.configurationName(),
                parse(d.configurationVersion()), d.deploymentStrategyId(), d.description(), d.startedAt(), d.completedAt(), events(d.eventLog()));
    }

    @Override
    public List<Deployment> deployments(String applicationId, String environmentId) {
        return AwsErrors.call(SERVICE, "ListDeployments", () -> client.listDeploymentsPaginator(
                        r -> r.applicationId(applicationId).environmentId(environmentId).maxResults(50)).items().stream()
                .map(d -> new Deployment(d.deploymentNumber(), DeploymentState.of(d.stateAsString()), pct(d.percentageComplete()),
                        d.configurationName(), parse(d.configurationVersion()), null, null, d.startedAt(), d.completedAt(), List.of()))
                .sorted(Comparator.comparingInt(Deployment::number).reversed()).toList());
    }

    @Override
    public Deployment stopDeployment(String applicationId, String environmentId, int number, boolean allowRevert) {
        var d = AwsErrors.call(SERVICE, "StopDeployment", () -> client.stopDeployment(
                r -> r.applicationId(applicationId).environmentId(environmentId).deploymentNumber(number).allowRevert(allowRevert ? Boolean.TRUE : null)));
        return new Deployment(d.deploymentNumber(), DeploymentState.of(d.stateAsString()), pct(d.percentageComplete()), d.configurationName(),
                parse(d.configurationVersion()), d.deploymentStrategyId(), d.description(), d.startedAt(), d.completedAt(), events(d.eventLog()));
    }

    private static List<Event> events(List<DeploymentEvent> log) {
        List<Event> out = new ArrayList<>();
        for (DeploymentEvent e : log) {
            out.add(new Event(e.eventTypeAsString(), e.triggeredByAsString(), e.description(), e.occurredAt() == null ? Instant.EPOCH : e.occurredAt()));
        }
        out.sort(Comparator.comparing(Event::occurredAt));
        return out;
    }

    private static int nz(Integer i) {
        return i == null ? 0 : i;
    }

    private static float pct(Float f) {
        return f == null ? 0 : f;
    }

    private static int parse(String version) {
        try {
            return version == null ? 0 : Integer.parseInt(version);
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
