package dev.modelctl.core.features.deploy;

import java.time.Instant;
import java.util.List;

/** AppConfig's resources as the deploy logic sees them: plain records, no SDK types. */
public final class AppConfigModel {
    private AppConfigModel() {
    }

    public record Application(String id, String name) {
    }

    /** A CloudWatch alarm that rolls deployments back, and the role AppConfig assumes to read it. */
    public record Monitor(String alarmArn, String alarmRoleArn) {
    }

    public record Environment(String id, String name, String state, List<Monitor> monitors) {
        public List<String> alarmArns() {
            return monitors.stream().map(Monitor::alarmArn).toList();
        }
    }

    public record Validator(String type, String content) {
    }

    public record Profile(String id, String name, String locationUri, List<Validator> validators) {
    }

    public record HostedVersion(int number, String description, String contentType, byte[] content) {
    }

    /**
     * @param growthType LINEAR or EXPONENTIAL
     * @param replicateTo NONE or SSM_DOCUMENT
     */
    public record Strategy(String id, String name, int durationMinutes, float growthFactor, String growthType,
                           int finalBakeMinutes, String replicateTo) {
        public boolean sameShape(Strategy o) {
            return durationMinutes == o.durationMinutes && Float.compare(growthFactor, o.growthFactor) == 0
                    && growthType.equals(o.growthType) && finalBakeMinutes == o.finalBakeMinutes && replicateTo.equals(o.replicateTo);
        }
    }

    /** An entry of a deployment's event log, e.g. ROLLBACK_STARTED triggered by CLOUDWATCH_ALARM. */
    public record Event(String type, String triggeredBy, String description, Instant occurredAt) {
    }

    /**
     * @param configurationName the configuration profile's name (ListDeployments gives only this, no profile ID)
     */
    public record Deployment(int number, DeploymentState state, float percentComplete, String configurationName, int configurationVersion,
                             String strategyId, String description, Instant startedAt, Instant completedAt, List<Event> events) {
        public boolean inProgress() {
            return state.inProgress();
        }

        /** {@code deployment #4 (version 7, DEPLOYING 30%)}. */
        public String label() {
            return "deployment #" + number + " (version " + configurationVersion + ", " + state + " " + Math.round(percentComplete) + "%)";
        }
    }
}
