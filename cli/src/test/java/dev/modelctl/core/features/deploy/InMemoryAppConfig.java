package dev.modelctl.core.features.deploy;

import dev.modelctl.core.features.deploy.AppConfigModel.Application;
import dev.modelctl.core.features.deploy.AppConfigModel.Deployment;
import dev.modelctl.core.features.deploy.AppConfigModel.Environment;
import dev.modelctl.core.features.deploy.AppConfigModel.Event;
import dev.modelctl.core.features.deploy.AppConfigModel.HostedVersion;
import dev.modelctl.core.features.deploy.AppConfigModel.Monitor;
import dev.modelctl.core.features.deploy.AppConfigModel.Profile;
import dev.modelctl.core.features.deploy.AppConfigModel.Strategy;
import dev.modelctl.core.features.deploy.AppConfigModel.Validator;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An in-memory {@link AppConfigService} for unit tests of the orchestration: deployments end in the state the test
 * chooses ({@link #nextEnds}), one in progress per environment (Conflict otherwise), the optimistic lock on uploads,
 * and a log of every write.
 */
class InMemoryAppConfig implements AppConfigService {
    final Application app = new Application("app1", "chatbot");
    final Map<String, Environment> environments = new LinkedHashMap<>();
    final List<Profile> profiles = new ArrayList<>();
    final Map<String, List<HostedVersion>> hosted = new LinkedHashMap<>();
    final Map<String, List<Deployment>> deployments = new LinkedHashMap<>();
    final List<Strategy> strategies = new ArrayList<>();
    final List<String> writes = new ArrayList<>();
    DeploymentState nextEnds = DeploymentState.COMPLETE;

    Environment addEnvironment(String name, String... alarms) {
        Environment e = new Environment("env" + environments.size(), name, "READY_FOR_DEPLOYMENT",
                java.util.Arrays.stream(alarms).map(a -> new Monitor(a, "role")).toList());
        environments.put(e.id(), e);
        return e;
    }

    Profile addProfile(String name) {
        Profile p = new Profile("prof" + profiles.size(), name, "hosted", List.of());
        profiles.add(p);
        return p;
    }

    @Override
    public List<Application> applications() {
        return List.of(app);
    }

    @Override
    public List<Environment> environments(String applicationId) {
        return List.copyOf(environments.values());
    }

    @Override
    public List<Profile> profiles(String applicationId) {
        return List.copyOf(profiles);
    }

    @Override
    public Profile profile(String applicationId, String profileId) {
        return profiles.stream().filter(p -> p.id().equals(profileId)).findFirst().orElseThrow();
    }

    @Override
    public void updateMonitors(String applicationId, String environmentId, List<Monitor> monitors) {
        writes.add("UpdateEnvironment " + environmentId + " monitors=" + monitors.size());
        Environment e = environments.get(environmentId);
        environments.put(environmentId, new Environment(e.id(), e.name(), e.state(), List.copyOf(monitors)));
    }

    @Override
    public void updateValidators(String applicationId, String profileId, List<Validator> validators) {
        writes.add("UpdateConfigurationProfile " + profileId);
    }

    @Override
    public List<HostedVersion> hostedVersions(String applicationId, String profileId) {
        List<HostedVersion> list = new ArrayList<>(hosted.getOrDefault(profileId, List.of()));
        list.sort(Comparator.comparingInt(HostedVersion::number).reversed());
        return list;
    }

    @Override
    public HostedVersion hostedVersion(String applicationId, String profileId, int version) {
        return hosted.getOrDefault(profileId, List.of()).stream().filter(v -> v.number() == version).findFirst()
                .orElseThrow(() -> new DeployException.NotFound("no version " + version));
    }

    @Override
    public int createHostedVersion(String applicationId, String profileId, byte[] content, String contentType, String description, Integer expectedLatest) {
        List<HostedVersion> list = hosted.computeIfAbsent(profileId, k -> new ArrayList<>());
        int latest = list.isEmpty() ? 0 : list.get(list.size() - 1).number();
        if (expectedLatest != null && expectedLatest != latest) {
            throw new DeployException.Conflict("latest is " + latest);
        }
        list.add(new HostedVersion(latest + 1, description, contentType, content));
        writes.add("CreateHostedConfigurationVersion " + profileId + " -> " + (latest + 1));
        return latest + 1;
    }

    @Override
    public List<Strategy> strategies() {
        return List.copyOf(strategies);
    }

    @Override
    public Strategy createStrategy(Strategy spec) {
        Strategy s = new Strategy("strat" + strategies.size(), spec.name(), spec.durationMinutes(), spec.growthFactor(), spec.growthType(),
                spec.finalBakeMinutes(), spec.replicateTo());
        strategies.add(s);
        writes.add("CreateDeploymentStrategy " + s.name());
        return s;
    }

    @Override
    public Deployment startDeployment(String applicationId, String environmentId, String profileId, String strategyId, int version, String description) {
        List<Deployment> list = deployments.computeIfAbsent(environmentId, k -> new ArrayList<>());
        if (list.stream().anyMatch(Deployment::inProgress)) {
            throw new DeployException.Conflict("in progress");
        }
        String name = profile(applicationId, profileId).name();
        Deployment d = new Deployment(list.size() + 1, nextEnds, 100, name, version, strategyId, description, Instant.now(),
                nextEnds.inProgress() ? null : Instant.now(), List.of(new Event("DEPLOYMENT_STARTED", "USER", "started", Instant.now())));
        list.add(d);
        writes.add("StartDeployment " + environmentId + " version " + version);
        return d;
    }

    @Override
    public Deployment deployment(String applicationId, String environmentId, int number) {
        return deployments.get(environmentId).get(number - 1);
    }

    @Override
    public List<Deployment> deployments(String applicationId, String environmentId) {
        List<Deployment> list = new ArrayList<>(deployments.getOrDefault(environmentId, List.of()));
        java.util.Collections.reverse(list);
        return list;
    }

    @Override
    public Deployment stopDeployment(String applicationId, String environmentId, int number, boolean allowRevert) {
        Deployment d = deployment(applicationId, environmentId, number);
        DeploymentState to = d.inProgress() ? DeploymentState.ROLLED_BACK : DeploymentState.REVERTED;
        Deployment stopped = new Deployment(d.number(), to, 0, d.configurationName(), d.configurationVersion(), d.strategyId(), d.description(),
                d.startedAt(), Instant.now(), d.events());
        deployments.get(environmentId).set(number - 1, stopped);
        writes.add("StopDeployment #" + number + (allowRevert ? " AllowRevert" : ""));
        return stopped;
    }
}
