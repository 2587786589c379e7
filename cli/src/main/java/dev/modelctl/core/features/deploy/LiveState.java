package dev.modelctl.core.features.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.modelctl.core.features.deploy.AppConfigModel.Deployment;
import dev.modelctl.core.features.deploy.AppConfigModel.HostedVersion;
import dev.modelctl.core.base.doc.DocumentLoader;
import dev.modelctl.core.base.doc.SourceDocument;
import dev.modelctl.core.model.routing.RoutingDocument;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What is live for one environment and <em>this</em> configuration profile, read the same way by every command
 * (docs/oncall.md, "What is live"): the live version is the newest deployment of this profile that completed and was
 * not rolled back or reverted; the deployment in progress may belong to another profile (AppConfig runs one deployment
 * per environment at a time); the override in force comes from the live document.
 *
 * @param deployments  this profile's deployments to the environment, newest first
 * @param live         the deployment whose version clients get now, if any
 * @param inProgress   a deployment of this profile still moving
 * @param blocking     a deployment of any profile still moving in the environment (blocks a new one)
 * @param document     the live version's routing document, or {@code null} when nothing is live
 * @param latestHosted the newest hosted version number of the profile (the optimistic lock), or {@code null}
 * @param alarmStates  CloudWatch state per monitored alarm ARN (absent = unknown)
 */
public record LiveState(Target target, List<Deployment> deployments, Optional<Deployment> live, Optional<Deployment> inProgress,
                        Optional<Deployment> blocking, RoutingDocument document, Integer latestHosted, Map<String, String> alarmStates) {

    public static LiveState read(AppConfigService service, AlarmService alarms, Target target) {
        String app = target.application().id();
        String env = target.requireEnvironment().id();
        String profileName = target.requireProfile().name();
        List<Deployment> all = service.deployments(app, env);
        List<Deployment> mine = all.stream().filter(d -> profileName.equals(d.configurationName())).toList();
        Optional<Deployment> live = mine.stream().filter(d -> d.state() == DeploymentState.COMPLETE).findFirst();
        Optional<Deployment> inProgress = mine.stream().filter(Deployment::inProgress).findFirst();
        Optional<Deployment> blocking = all.stream().filter(Deployment::inProgress).findFirst();
        RoutingDocument doc = live.map(d -> document(service, target, d.configurationVersion())).orElse(null);
        Integer latest = service.latestVersion(app, target.profile().id()).orElse(null);
        Map<String, String> states = target.environment().monitors().isEmpty() ? Map.of() : alarms.states(target.environment().alarmArns());
        return new LiveState(target, mine, live, inProgress, blocking, doc, latest, states);
    }

    /** The live version number, or {@code null}. */
    public Integer liveVersion() {
        return live.map(Deployment::configurationVersion).orElse(null);
    }

    /** The newest deployment of this profile, whatever its state. */
    public Optional<Deployment> latest() {
        return deployments.stream().findFirst();
    }

    public JsonNode liveRoot() {
        return document == null ? null : document.source().root();
    }

    /** Monitored alarms currently in ALARM. */
    public List<String> alarmsInAlarm() {
        return target.environment().alarmArns().stream().filter(a -> "ALARM".equals(alarmStates.get(a))).toList();
    }

    /** {@code routing-5xx OK}, {@code routing-5xx ALARM}, or {@code none}. */
    public String alarmSummary() {
        if (target.environment().monitors().isEmpty()) {
            return "none";
        }
        return String.join(", ", target.environment().alarmArns().stream()
                .map(a -> shortName(a) + " " + alarmStates.getOrDefault(a, "state unknown")).toList());
    }

    static String shortName(String alarmArn) {
        int i = alarmArn.indexOf(":alarm:");
        return i < 0 ? alarmArn : alarmArn.substring(i + 7);
    }

    /** Where a hosted version's document is reported from in findings: {@code appconfig:chatbot/model-routing@3}. */
    public static String sourceName(Target target, int version) {
        return "appconfig:" + target.application().name() + "/" + target.requireProfile().name() + "@" + version;
    }

    /** Reads and parses one hosted version of the target's profile. */
    public static SourceDocument source(AppConfigService service, Target target, int version) {
        HostedVersion v = service.hostedVersion(target.application().id(), target.requireProfile().id(), version);
        boolean yaml = v.contentType() != null && v.contentType().contains("yaml");
        SourceDocument doc = new DocumentLoader().parse(v.content(), sourceName(target, version) + (yaml ? ".yaml" : ".json"));
        if (!doc.parsed()) {
            throw new DeployException("hosted version " + version + " is not a readable routing document: " + doc.findings().get(0).message());
        }
        return doc;
    }

    public static RoutingDocument document(AppConfigService service, Target target, int version) {
        return RoutingDocument.from(source(service, target, version));
    }
}
