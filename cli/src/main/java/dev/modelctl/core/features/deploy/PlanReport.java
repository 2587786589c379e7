package dev.modelctl.core.features.deploy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.modelctl.core.model.config.Durations;
import dev.modelctl.core.features.deploy.AppConfigModel.Deployment;
import dev.modelctl.core.base.finding.Finding;
import dev.modelctl.core.report.JsonRenderer;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Plans, outcomes and live state as text lines and as the one JSON object of {@code --format json} (docs/oncall.md). */
public final class PlanReport {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private PlanReport() {
    }

    public static List<String> text(Plan p) {
        Target t = p.target();
        List<String> out = new ArrayList<>();
        out.add("plan: " + p.action().flag() + " in " + t.environment().name() + " (" + t.application().name() + (t.profile() == null ? "" : "/" + t.profile().name()) + ")"
                + (t.profile() == null ? "" : ", live: "
                + (p.live().liveVersion() == null ? "nothing" : "version " + p.live().liveVersion())));
        if (p.noOp()) {
            out.add("  " + p.alreadyLive() + "; nothing to do");
            return out;
        }
        section(out, "changes", p.changes().isEmpty() ? List.of("no routing changes") : p.changes());
        if (!p.classes().isEmpty()) {
            section(out, "effective model per request class", p.classes());
        }
        if (!p.estimate().isEmpty()) {
            section(out, "estimated cost while the override is active", p.estimate());
        }
        if (p.strategy() != null) {
            out.add("  strategy: " + p.strategy().name() + " (" + p.strategy().describe() + ", about " + Durations.format(p.strategy().total()) + ")");
        }
        if (p.version() != null && p.action() != PlanAction.STOP) {
            out.add("  version:  " + p.version());
        }
        out.add("  alarms:   " + p.alarm() + (p.detachAlarms() ? " (monitors detached for this deployment, restored right after)" : ""));
        for (Finding f : p.findings()) {
            out.add("  finding:  " + f.severity().label() + " [" + f.check().id() + "] " + f.message());
        }
        p.notes().forEach(n -> out.add("  note:     " + n));
        p.blockers().forEach(b -> out.add("  BLOCKED:  " + b));
        return out;
    }

    private static void section(List<String> out, String title, List<String> lines) {
        out.add("  " + title + ":");
        lines.forEach(l -> out.add("    " + l));
    }

    public static ObjectNode json(Plan p) {
        ObjectNode o = MAPPER.createObjectNode();
        o.put("action", p.action().flag());
        o.put("environment", p.target().environment().name());
        o.put("profile", p.target().profile() == null ? null : p.target().profile().name());
        if (p.live().liveVersion() != null) {
            o.put("live_version", p.live().liveVersion());
        } else {
            o.putNull("live_version");
        }
        o.put("no_op", p.noOp());
        if (p.noOp()) {
            o.put("reason", p.alreadyLive());
        }
        strings(o.putArray("changes"), p.changes());
        strings(o.putArray("request_classes"), p.classes());
        strings(o.putArray("estimate"), p.estimate());
        if (p.strategy() != null) {
            ObjectNode s = o.putObject("strategy");
            s.put("name", p.strategy().name());
            s.put("kind", p.strategy().kind().flag());
            s.put("deployment_minutes", p.strategy().deploymentMinutes());
            s.put("bake_minutes", p.strategy().bake().toMinutes());
        }
        if (p.version() != null) {
            o.put("version", p.version());
        }
        o.put("alarms", p.alarm());
        o.put("detach_alarms", p.detachAlarms());
        ArrayNode findings = o.putArray("findings");
        p.findings().forEach(f -> findings.add(JsonRenderer.toJson(f)));
        strings(o.putArray("notes"), p.notes());
        strings(o.putArray("blockers"), p.blockers());
        return o;
    }

    public static ObjectNode json(Outcome r) {
        ObjectNode o = MAPPER.createObjectNode();
        o.put("result", r.kind().name().toLowerCase(java.util.Locale.ROOT));
        o.put("exit_code", r.exitCode());
        o.put("message", r.message());
        if (r.version() != null) {
            o.put("version", r.version());
        }
        if (r.deployment() != null) {
            o.set("deployment", json(r.deployment()));
        }
        return o;
    }

    public static ObjectNode json(Deployment d) {
        ObjectNode o = MAPPER.createObjectNode();
        o.put("number", d.number());
        o.put("state", d.state().name());
        o.put("percent", Math.round(d.percentComplete()));
        o.put("version", d.configurationVersion());
        if (d.startedAt() != null) {
            o.put("started_at", d.startedAt().toString());
        }
        if (d.completedAt() != null) {
            o.put("completed_at", d.completedAt().toString());
        }
        if (d.description() != null) {
            o.put("description", d.description());
        }
        if (d.state().undone() && !d.events().isEmpty()) {
            o.put("rollback_reason", Rollout.rollbackReason(d));
        }
        return o;
    }

    /** The live state: what {@code status --format json} prints, and what every write command's JSON carries. */
    public static ObjectNode json(LiveState s, Instant now) {
        ObjectNode o = MAPPER.createObjectNode();
        o.put("application", s.target().application().name());
        o.put("environment", s.target().environment().name());
        o.put("profile", s.target().profile().name());
        if (s.liveVersion() != null) {
            o.put("live_version", s.liveVersion());
        } else {
            o.putNull("live_version");
        }
        s.live().ifPresent(d -> o.set("live_deployment", json(d)));
        s.inProgress().ifPresent(d -> o.set("in_progress", json(d)));
        s.blocking().filter(d -> s.inProgress().isEmpty()).ifPresent(d -> o.put("other_profile_in_progress", d.label() + " of " + d.configurationName()));
        s.latest().ifPresent(d -> o.set("latest_deployment", json(d)));
        ObjectNode alarms = o.putObject("alarms");
        s.target().environment().alarmArns().forEach(a -> alarms.put(a, s.alarmStates().getOrDefault(a, "UNKNOWN")));
        OverrideInForce ov = OverrideInForce.of(s.document(), now);
        ObjectNode co = o.putObject("cost_override");
        co.put("active", ov.active());
        co.put("in_force", ov.inForce());
        if (ov.active()) {
            strings(co.putArray("use_cases"), ov.override().useCases());
            co.put("model", ov.override().model());
            co.put("engineer", ov.override().engineer());
            co.put("reason", ov.override().reason());
            co.put("expires_at", String.valueOf(ov.override().expiresAt()));
            ObjectNode eff = co.putObject("effective");
            ov.effective().forEach(eff::put);
        }
        return o;
    }

    /** The override lines of {@code status} and {@code override --status}. */
    public static List<String> overrideText(LiveState s, Instant now) {
        List<String> out = new ArrayList<>();
        OverrideInForce ov = OverrideInForce.of(s.document(), now);
        String where = s.target().environment().name() + (s.liveVersion() == null ? "" : " (version " + s.liveVersion() + ")");
        if (!ov.active()) {
            out.add("cost override: off in " + where);
            return out;
        }
        out.add("cost override: " + (ov.expired() ? "EXPIRED (still marked active; runtimes ignore it)" : "ACTIVE") + " in " + where);
        out.add("  scope:    " + Planner.scopeText(ov.override().useCases()));
        ov.effective().forEach((u, m) -> out.add("  " + u + ": " + m));
        out.add("  reason:   " + ov.override().reason() + " (by " + ov.override().engineer() + ")");
        out.add("  since:    " + ov.override().startedAt() + ", until " + ov.override().expiresAt()
                + (ov.left() == null ? "" : " (" + Durations.format(ov.left()) + " left)"));
        return out;
    }

    private static void strings(ArrayNode a, List<String> values) {
        values.forEach(a::add);
    }
}
