package dev.modelctl.fakes;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.List;

/**
 * (AppConfig's wire format gives timestamps as ISO 8601 strings.)
 * One deployment's life on an accelerated clock: DEPLOYING in growth steps, BAKING, COMPLETE — or ROLLED_BACK when
 * stopped or when a monitored alarm is in ALARM while it deploys or bakes. State is computed when read.
 */
public final class FakeDeployment {
    final int number;
    final String app;
    final String env;
    final String profile;
    final int version;
    final JsonNode strategy;
    final String description;
    final String profileName;
    /** The environment's monitors as they are now: AppConfig watches what the environment says while it deploys and bakes. */
    private final java.util.function.Supplier<List<String>> alarms;
    private final FakeCloudWatch cloudWatch;
    private final long msPerMinute;
    private final long startedAt = System.currentTimeMillis();

    /** When the deployment started, to the millisecond (the JSON's StartedAt may drop trailing zeros, not precision). */
    long startedAtMillis() {
        return startedAt;
    }
    private final List<ObjectNode> events = new ArrayList<>();
    private String state = "DEPLOYING";
    private float percent;
    private Long completedAt;

    FakeDeployment(int number, String app, String env, String profile, String profileName, int version, JsonNode strategy, String description,
                   java.util.function.Supplier<List<String>> alarms, FakeCloudWatch cloudWatch, long msPerMinute) {
        this.profileName = profileName;
        this.number = number;
        this.app = app;
        this.env = env;
        this.profile = profile;
        this.version = version;
        this.strategy = strategy;
        this.description = description;
        this.alarms = alarms;
        this.cloudWatch = cloudWatch;
        this.msPerMinute = msPerMinute;
        event("DEPLOYMENT_STARTED", "USER", "Deployment started");
        advance();
    }

    synchronized boolean inProgress() {
        advance();
        return state.equals("DEPLOYING") || state.equals("BAKING");
    }

    synchronized void stop() {
        event("ROLLBACK_STARTED", "USER", "Rollback initiated by user");
        event("ROLLBACK_COMPLETED", "APPCONFIG", "Rollback completed");
        state = "ROLLED_BACK";
        percent = 0;
        completedAt = System.currentTimeMillis();
    }

    /** AppConfig's revert of a COMPLETE deployment: the previous version is served again. */
    synchronized void revert() {
        event("REVERT_STARTED", "USER", "Revert initiated by user");
        event("REVERT_COMPLETED", "APPCONFIG", "Configuration reverted to the previous version");
        state = "REVERTED";
    }

    /** AppConfig reverts a COMPLETE deployment only within 72 hours of its completion. */
    synchronized boolean revertable() {
        return completedAt != null && System.currentTimeMillis() - completedAt < 72L * 3600 * 1000;
    }

    /** Test set-up: pretend the deployment completed {@code hours} ago. */
    public synchronized void completedHoursAgo(long hours) {
        advance();
        completedAt = System.currentTimeMillis() - hours * 3600 * 1000;
    }

    public synchronized String state() {
        advance();
        return state;
    }

    private void advance() {
        if (!state.equals("DEPLOYING") && !state.equals("BAKING")) {
            return;
        }
        for (String alarm : alarms.get()) {
            if (cloudWatch.state(alarm).equals("ALARM")) {
                event("ROLLBACK_STARTED", "CLOUDWATCH_ALARM", "Rollback initiated by CloudWatch Alarm: " + alarm);
                event("ROLLBACK_COMPLETED", "APPCONFIG", "Rollback completed");
                state = "ROLLED_BACK";
                percent = 0;
                completedAt = System.currentTimeMillis();
                return;
            }
        }
        double minutes = (System.currentTimeMillis() - startedAt) / (double) msPerMinute;
        int duration = strategy.path("DeploymentDurationInMinutes").asInt();
        float growth = (float) strategy.path("GrowthFactor").asDouble();
        boolean exponential = strategy.path("GrowthType").asText().equals("EXPONENTIAL");
        int bake = strategy.path("FinalBakeTimeInMinutes").asInt();
        float target;
        if (duration == 0 || minutes >= duration) {
            target = 100;
        } else if (exponential) {
            int steps = (int) Math.ceil(Math.log(100.0 / growth) / Math.log(2)) + 1;
            int step = (int) (minutes / (duration / (double) steps));
            target = (float) Math.min(100, growth * Math.pow(2, step));
        } else {
            int steps = (int) Math.ceil(100.0 / growth);
            int step = (int) (minutes / (duration / (double) steps));
            target = Math.min(100, growth * (step + 1));
        }
        if (target > percent) {
            percent = target;
            event("PERCENTAGE_UPDATED", "APPCONFIG", "Configuration available to " + String.format("%.2f", percent) + "% of clients");
        }
        if (percent >= 100 && state.equals("DEPLOYING")) {
            state = "BAKING";
            event("BAKE_TIME_STARTED", "APPCONFIG", "Deployment bake time started");
        }
        if (state.equals("BAKING") && minutes >= duration + bake) {
            state = "COMPLETE";
            completedAt = System.currentTimeMillis();
            event("DEPLOYMENT_COMPLETED", "APPCONFIG", "Deployment completed");
        }
    }

    private void event(String type, String by, String text) {
        events.add(FakeHttp.JSON.createObjectNode().put("EventType", type).put("TriggeredBy", by).put("Description", text)
                .put("OccurredAt", java.time.Instant.ofEpochMilli(System.currentTimeMillis() + events.size()).toString()));
    }

    synchronized ObjectNode toJson() {
        advance();
        ObjectNode o = FakeHttp.JSON.createObjectNode();
        o.put("ApplicationId", app).put("EnvironmentId", env).put("DeploymentStrategyId", strategy.path("Id").asText())
                .put("ConfigurationProfileId", profile).put("DeploymentNumber", number).put("ConfigurationName", profileName)
                .put("ConfigurationLocationUri", "hosted").put("ConfigurationVersion", Integer.toString(version))
                .put("DeploymentDurationInMinutes", strategy.path("DeploymentDurationInMinutes").asInt())
                .put("GrowthType", strategy.path("GrowthType").asText()).put("GrowthFactor", strategy.path("GrowthFactor").asDouble())
                .put("FinalBakeTimeInMinutes", strategy.path("FinalBakeTimeInMinutes").asInt()).put("State", state)
                .put("PercentageComplete", percent).put("StartedAt", java.time.Instant.ofEpochMilli(startedAt).toString());
        if (description != null) {
            o.put("Description", description);
        }
        if (completedAt != null) {
            o.put("CompletedAt", java.time.Instant.ofEpochMilli(completedAt).toString());
        }
        ArrayNode log = o.putArray("EventLog");
        for (int i = events.size() - 1; i >= 0; i--) { // AppConfig lists the newest first
            log.add(events.get(i));
        }
        return o;
    }
}
