package dev.modelctl.core.features.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.modelctl.core.features.build.CanonicalDocument;
import dev.modelctl.core.model.config.Durations;
import dev.modelctl.core.features.deploy.AppConfigModel.Deployment;
import dev.modelctl.core.features.deploy.AppConfigModel.Monitor;
import dev.modelctl.core.model.diff.SemanticDiff;
import dev.modelctl.core.base.doc.DocumentLoader;
import dev.modelctl.core.base.doc.SourceDocument;
import dev.modelctl.core.base.finding.Finding;
import dev.modelctl.core.model.impact.Impact;
import dev.modelctl.core.model.impact.RoutingImpact;
import dev.modelctl.core.model.routing.CostOverride;
import dev.modelctl.core.model.routing.RoutingDocument;
import dev.modelctl.core.checks.engine.CheckContext;
import dev.modelctl.core.checks.registry.CheckRegistry;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Computes the plan of every write command against the live state: the diff, the effective model per request class,
 * the strategy, the alarm state, the guards (docs/oncall.md, "The plan"). Writes nothing.
 */
public final class Planner {
    /** What a deploy does with an active, unexpired cost override that the new document does not carry. */
    public enum OverrideCarry { REFUSE, KEEP, CLEAR }

    /** How a second {@code override --cost} treats the one already active. */
    public enum OverrideMode { NEW, REPLACE, ADD }

    private final CheckContext context;

    public Planner(CheckContext context) {
        this.context = context;
    }

    private Instant now() {
        return context.clock().instant();
    }

    // ---- deploy -----------------------------------------------------------------------------------------------

    /** {@code deploy FILE}: the checked, canonical document against what is live. */
    public Plan deploy(LiveState live, byte[] content, StrategySpec strategy, boolean allowNoAlarm, OverrideCarry carry, String description) {
        List<String> blockers = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        JsonNode candidate = parse(content, "deploy").root();
        CostOverride active = activeOverride(live);
        if (active != null && !sameOverride(live.liveRoot(), candidate)) {
            switch (carry) {
                case KEEP -> {
                    ObjectNode copy = candidate.deepCopy();
                    copy.set("cost_override", live.liveRoot().get("cost_override").deepCopy());
                    candidate = copy;
                    content = CanonicalDocument.renderJson(candidate);
                    notes.add("carries the active cost override into the new version (--keep-override)");
                }
                case CLEAR -> notes.add("clears the active cost override (--clear-override): " + describe(active));
                case REFUSE -> blockers.add("a cost override is active in " + live.target().environment().name() + ": " + describe(active)
                        + "; this deploy would clear it: pass --keep-override to carry it into the new version, or --clear-override to clear it");
            }
        }
        return deployPlan(PlanAction.DEPLOY, live, candidate, content, strategy, allowNoAlarm, false, description, blockers, notes, List.of(), List.of());
    }

    private Plan deployPlan(PlanAction action, LiveState live, JsonNode candidate, byte[] content, StrategySpec strategy, boolean allowNoAlarm,
                            boolean detachAlarms, String description, List<String> blockers, List<String> notes, List<Finding> findings,
                            List<String> estimate) {
        RoutingDocument after = RoutingDocument.from(parse(CanonicalDocument.renderJson(candidate), "candidate"));
        List<String> changes = live.document() == null ? List.of("first deployment of " + live.target().profile().name() + " to "
                + live.target().environment().name()) : SemanticDiff.between(live.document(), after);
        List<String> classes = live.document() == null ? List.of() : ImpactLines.classes(impact(live.document(), after));
        String alreadyLive = live.liveRoot() != null && live.liveRoot().equals(candidate)
                ? "version " + live.liveVersion() + " is already live in " + live.target().environment().name() + " with this content" : null;
        blockers = new ArrayList<>(blockers);
        startGuards(live, strategy, allowNoAlarm, detachAlarms, action != PlanAction.DEPLOY, blockers);
        return new Plan(action, live, changes, classes, estimate, strategy, content, null, null, live.latestHosted(),
                AuditDescription.of(description), detachAlarms, List.copyOf(blockers), findings, List.copyOf(notes), alreadyLive,
                live.alarmSummary(), List.of());
    }

    /** The guards every plan that starts a deployment shares. */
    private void startGuards(LiveState live, StrategySpec strategy, boolean allowNoAlarm, boolean detachAlarms, boolean incidentLever,
                             List<String> blockers) {
        Target t = live.target();
        String env = t.environment().name();
        live.blocking().ifPresent(d -> blockers.add(Rollout.inProgressMessage(d, t)));
        if (strategy.gradual() && t.environment().monitors().isEmpty() && !allowNoAlarm) {
            blockers.add("environment " + env + " has no CloudWatch alarm monitor, so a bad " + strategy.kind().flag()
                    + " deployment would not roll back by itself; add one with `modelctl env set-alarm --env " + env
                    + " --alarm-arn ARN` or pass --allow-no-alarm");
        }
        List<String> inAlarm = live.alarmsInAlarm();
        if (!inAlarm.isEmpty() && !detachAlarms) {
            blockers.add("alarm " + String.join(", ", inAlarm.stream().map(LiveState::shortName).toList()) + " is in ALARM: AppConfig would roll this deployment back at once; "
                    + (incidentLever ? "pass --detach-alarms to deploy it with the monitors detached (restored right after; recorded in the description)"
                    : "wait until it clears (`modelctl status --env " + env + "`), or in an incident use `modelctl override --cost --detach-alarms`"));
        }
    }

    // ---- override ---------------------------------------------------------------------------------------------

    /** The on-call request: scope (empty = every use case), model for use cases without their own, reason, engineer, TTL. */
    public record Activation(List<String> useCases, String model, String reason, String engineer, Duration ttl, OverrideMode mode,
                             Duration bake, boolean detachAlarms) {
    }

    /** Clearing all of the override, or the named use cases only. */
    public record Clearance(List<String> useCases, String reason, String engineer, Duration bake, boolean detachAlarms) {
    }

    public Plan overrideOn(LiveState live, Activation a) {
        Target t = live.target();
        RoutingDocument doc = requireLive(live, "override");
        checkUseCases(doc, a.useCases());
        if (a.reason() == null || a.reason().isBlank()) {
            throw new DeployException.Invalid("override --cost needs --reason TEXT (it is recorded in the document for the audit trail)");
        }
        checkTtl(a.ttl(), a.bake());
        String model = a.model() != null ? a.model() : doc.costOverride() != null ? doc.costOverride().model() : null;
        if (model == null) {
            throw new DeployException.Invalid("override: the deployed document has no cost_override.model; pass --model MODEL");
        }
        if (!doc.models().containsKey(model)) {
            throw new DeployException.Invalid("override: --model '" + model + "' is no model block of the deployed document; known: "
                    + String.join(", ", doc.models().keySet()));
        }
        List<String> blockers = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        CostOverride active = activeOverride(live);
        List<String> scope = a.useCases();
        if (active != null) {
            switch (a.mode()) {
                case NEW -> blockers.add("a cost override is already active in " + t.environment().name() + ": " + describe(active)
                        + "; pass --replace to replace it (scope, reason, engineer and expiry), or --add to extend its scope with --use-cases");
                case REPLACE -> notes.add("replaces the active override: " + describe(active));
                case ADD -> {
                    if (active.useCases().isEmpty() || scope.isEmpty()) {
                        scope = List.of();
                    } else {
                        Set<String> union = new LinkedHashSet<>(active.useCases());
                        union.addAll(scope);
                        scope = List.copyOf(union);
                    }
                    notes.add("extends the active override (" + describe(active) + ") to " + scopeText(scope));
                }
            }
        }
        ObjectNode candidate = CostOverridePlan.activate(live.liveRoot(), new CostOverridePlan.Request(scope, model, a.reason(), a.engineer(),
                a.ttl()), now());
        List<Finding> findings = new ArrayList<>();
        introducedFindings(live, candidate, findings, blockers);
        RoutingDocument after = RoutingDocument.from(parse(CanonicalDocument.renderJson(candidate), "override"));
        List<String> estimate = ImpactLines.estimate(impact(doc, after), context.config().traffic());
        String description = "modelctl override --cost by " + a.engineer() + " for " + Durations.format(a.ttl()) + " (" + scopeText(scope)
                + (a.detachAlarms() ? ", alarm monitors detached" : "") + "): " + a.reason();
        return deployPlan(PlanAction.OVERRIDE_ON, live, candidate, CanonicalDocument.renderJson(candidate), fast(a.bake(), a.detachAlarms()), true,
                a.detachAlarms(), description, blockers, notes, findings, estimate);
    }

    public Plan overrideClear(LiveState live, Clearance c) {
        Target t = live.target();
        RoutingDocument doc = requireLive(live, "override");
        checkUseCases(doc, c.useCases());
        CostOverride o = doc.costOverride();
        if (o == null || !o.active()) {
            return noOp(live, PlanAction.OVERRIDE_CLEAR, "no cost override is active in " + t.environment().name() + " (version " + live.liveVersion() + ")");
        }
        List<String> remaining = new ArrayList<>(o.useCases().isEmpty() ? List.copyOf(doc.useCases().keySet()) : o.useCases());
        if (!c.useCases().isEmpty()) {
            List<String> notCovered = c.useCases().stream().filter(u -> !remaining.contains(u)).toList();
            if (!notCovered.isEmpty()) {
                return noOp(live, PlanAction.OVERRIDE_CLEAR, "the active override does not cover " + String.join(", ", notCovered) + " ("
                        + describe(o) + ")");
            }
            remaining.removeAll(c.useCases());
        }
        ObjectNode candidate = live.liveRoot().deepCopy();
        ObjectNode co = (ObjectNode) candidate.get("cost_override");
        boolean partial = !c.useCases().isEmpty() && !remaining.isEmpty();
        if (partial) {
            co.putArray("use_cases").addAll(remaining.stream().map(com.fasterxml.jackson.databind.node.TextNode::valueOf).toList());
        } else {
            co.put("active", false); // the other fields stay for the audit trail
        }
        String description = "modelctl override --clear" + (partial ? " of " + String.join(", ", c.useCases()) : "") + " by " + c.engineer()
                + (c.reason() == null ? "" : ": " + c.reason()) + " (was: " + describe(o) + ")";
        List<String> blockers = new ArrayList<>();
        List<Finding> findings = new ArrayList<>();
        introducedFindings(live, candidate, findings, blockers);
        RoutingDocument after = RoutingDocument.from(parse(CanonicalDocument.renderJson(candidate), "override"));
        List<String> estimate = ImpactLines.estimate(impact(doc, after), context.config().traffic());
        return deployPlan(PlanAction.OVERRIDE_CLEAR, live, candidate, CanonicalDocument.renderJson(candidate), fast(c.bake(), c.detachAlarms()), true,
                c.detachAlarms(), description, blockers, List.of(), findings, estimate);
    }

    /** With the monitors detached nothing watches a bake, so the deployment completes at once and they come back. */
    private static StrategySpec fast(Duration bake, boolean detachAlarms) {
        return StrategySpec.allAtOnce(detachAlarms ? Duration.ZERO : bake);
    }

    private static void checkTtl(Duration ttl, Duration bake) {
        if (ttl.isNegative() || ttl.isZero()) {
            throw new DeployException.Invalid("override: --ttl " + Durations.format(ttl) + " would deploy an override that has already expired; give a TTL such as 2h");
        }
        if (ttl.compareTo(bake) <= 0) {
            throw new DeployException.Invalid("override: --ttl " + Durations.format(ttl) + " is not longer than the deployment's bake of "
                    + Durations.format(bake) + ": it would expire before the deployment completes");
        }
    }

    /** Findings the live document already has are shown; only those the change introduces block. */
    private void introducedFindings(LiveState live, JsonNode candidate, List<Finding> findings, List<String> blockers) {
        String name = "override of " + LiveState.sourceName(live.target(), live.liveVersion());
        List<Finding> before = validate(CanonicalDocument.renderJson(live.liveRoot()), name);
        List<Finding> after = validate(CanonicalDocument.renderJson(candidate), name);
        Set<String> known = new HashSet<>();
        before.forEach(f -> known.add(key(f)));
        for (Finding f : after) {
            boolean introduced = !known.contains(key(f));
            findings.add(introduced || !f.blocks() ? f : f.withSeverity(dev.modelctl.core.base.finding.Severity.WARNING));
            if (introduced && f.blocks()) {
                blockers.add("the change introduces [" + f.check().id() + "] " + f.message());
            }
        }
    }

    private List<Finding> validate(byte[] content, String name) {
        SourceDocument doc = new DocumentLoader().parse(content, name);
        return CheckRegistry.check(doc, context).findings();
    }

    private static String key(Finding f) {
        return f.check().id() + "|" + f.message().replaceAll("line \\d+", "line ?");
    }

    // ---- rollback ---------------------------------------------------------------------------------------------

    /** {@code rollback}: stop what is in progress, else revert the live deployment, or redeploy {@code toVersion}. */
    public Plan rollback(LiveState live, Integer toVersion, boolean redeploy, StrategySpec strategy, boolean detachAlarms, boolean clearOverride,
                         AppConfigService service) {
        Target t = live.target();
        String env = t.environment().name();
        Optional<Deployment> running = live.inProgress();
        if (running.isPresent() && toVersion == null) {
            Deployment d = running.get();
            return new Plan(PlanAction.STOP, live, List.of("stop " + d.label() + ": AppConfig rolls it back to "
                    + (live.liveVersion() == null ? "the previous version" : "version " + live.liveVersion())), List.of(), List.of(), null, null,
                    live.liveVersion(), d.number(), null, null, false, List.of(), List.of(), List.of(), null, live.alarmSummary(), List.of());
        }
        if (live.live().isEmpty()) {
            if (toVersion == null) {
                return noOp(live, PlanAction.REVERT, "nothing is live in " + env + " for " + t.profile().name() + "; nothing to roll back");
            }
            LiveState.document(service, t, toVersion); // it must exist and be a routing document
            StrategySpec s = detachAlarms ? StrategySpec.allAtOnce(Duration.ZERO) : strategy;
            List<String> blockers = new ArrayList<>();
            startGuards(live, s, true, detachAlarms, true, blockers);
            return new Plan(PlanAction.REDEPLOY, live, List.of("first deployment of " + t.profile().name() + " to " + env + ": version " + toVersion),
                    List.of(), List.of(), s, null, toVersion, null, null, AuditDescription.of("modelctl rollback --to-version " + toVersion + " in " + env),
                    detachAlarms, List.copyOf(blockers), List.of(), List.of(), null, live.alarmSummary(), List.of());
        }
        Deployment current = live.live().get();
        int liveVersion = current.configurationVersion();
        Integer target = toVersion;
        List<String> notes = new ArrayList<>();
        Optional<Deployment> latest = live.latest();
        if (target == null) {
            if (latest.isPresent() && latest.get().state().undone()) {
                return noOp(live, PlanAction.REVERT, "version " + liveVersion + " is live in " + env + " (deployment #" + latest.get().number()
                        + " of version " + latest.get().configurationVersion() + " was " + latest.get().state() + "): nothing to roll back;"
                        + " pick an earlier version with --to-version N");
            }
            Optional<Deployment> previous = live.deployments().stream().filter(d -> d.number() < current.number())
                    .filter(d -> d.state() == DeploymentState.COMPLETE && d.configurationVersion() != liveVersion).findFirst();
            if (previous.isEmpty()) {
                return noOp(live, PlanAction.REVERT, "no earlier version was ever live in " + env + " (only version " + liveVersion + ")");
            }
            target = previous.get().configurationVersion();
        } else if (toVersion == liveVersion) {
            return noOp(live, PlanAction.REDEPLOY, "version " + liveVersion + " is already live in " + env);
        }
        RoutingDocument targetDoc = LiveState.document(service, t, target);
        List<String> changes = new ArrayList<>(SemanticDiff.between(live.document(), targetDoc));
        if (changes.isEmpty()) {
            changes.add("no routing changes");
        }
        List<String> classes = ImpactLines.classes(impact(live.document(), targetDoc));
        List<String> blockers = new ArrayList<>();
        CostOverride active = activeOverride(live);
        CostOverride after = targetDoc.costOverride();
        boolean carried = active != null && after != null && after.active() && java.util.Objects.equals(after.expiresAt(), active.expiresAt())
                && java.util.Objects.equals(after.useCases(), active.useCases());
        if (active != null && !carried && !clearOverride) {
            blockers.add("a cost override is active in " + env + ": " + describe(active) + "; version " + target
                    + " does not carry it: pass --clear-override to roll back anyway (it is then cleared), or clear it first with `modelctl override --clear`");
        }
        boolean revert = toVersion == null && !redeploy && current.completedAt() != null
                && current.completedAt().isAfter(now().minus(Duration.ofHours(72)));
        String description = AuditDescription.of("modelctl rollback of " + env + " from version " + liveVersion + " to " + target);
        if (revert) {
            live.blocking().ifPresent(d -> blockers.add(Rollout.inProgressMessage(d, t)));
            notes.add("AppConfig's revert: immediate, ignores alarm monitors; deployment #" + current.number() + " becomes REVERTED");
            return new Plan(PlanAction.REVERT, live, changes, classes, List.of(), null, null, target, current.number(), null, description, false,
                    List.copyOf(blockers), List.of(), List.copyOf(notes), null, live.alarmSummary(), List.of());
        }
        if (toVersion == null && !redeploy) {
            notes.add("deployment #" + current.number() + " completed more than 72 h ago: AppConfig no longer reverts it, so version " + target + " is redeployed");
        }
        StrategySpec s = detachAlarms ? StrategySpec.allAtOnce(Duration.ZERO) : strategy;
        startGuards(live, s, true, detachAlarms, true, blockers);
        return new Plan(PlanAction.REDEPLOY, live, changes, classes, List.of(), s, null, target, null, null,
                AuditDescription.of(description + (detachAlarms ? " (alarm monitors detached)" : "")), detachAlarms, List.copyOf(blockers),
                List.of(), List.copyOf(notes), null, live.alarmSummary(), List.of());
    }

    // ---- env set-alarm ----------------------------------------------------------------------------------------

    public static Plan setAlarm(LiveState live, String alarmArn, String roleArn) {
        List<Monitor> monitors = new ArrayList<>();
        boolean same = false;
        for (Monitor m : live.target().environment().monitors()) {
            if (m.alarmArn().equals(alarmArn)) {
                same = java.util.Objects.equals(m.alarmRoleArn(), roleArn);
                continue;
            }
            monitors.add(m);
        }
        monitors.add(new Monitor(alarmArn, roleArn));
        String env = live.target().environment().name();
        return new Plan(PlanAction.SET_ALARM, live, List.of("monitors of " + env + ": " + live.target().environment().monitors().size() + " -> "
                + monitors.size() + " (" + alarmArn + (roleArn == null ? "" : ", role " + roleArn) + ")"), List.of(), List.of(), null, null, null,
                null, null, null, false, List.of(), List.of(), List.of(), same ? "environment " + env + " already monitors " + alarmArn : null,
                live.alarmSummary(), List.copyOf(monitors));
    }

    // ---- shared -----------------------------------------------------------------------------------------------

    private Impact impact(RoutingDocument before, RoutingDocument after) {
        return RoutingImpact.between(before, after, context.catalog(), context.config().traffic(), now());
    }

    private static Plan noOp(LiveState live, PlanAction action, String why) {
        return new Plan(action, live, List.of(), List.of(), List.of(), null, null, live.liveVersion(), null, null, null, false, List.of(),
                List.of(), List.of(), why, live.alarmSummary(), List.of());
    }

    private static RoutingDocument requireLive(LiveState live, String command) {
        if (live.document() == null) {
            throw new DeployException(command + ": nothing of " + live.target().profile().name() + " is live in "
                    + live.target().environment().name() + " yet; deploy a document first");
        }
        return live.document();
    }

    private static void checkUseCases(RoutingDocument doc, List<String> useCases) {
        for (String u : useCases) {
            if (!doc.useCases().containsKey(u)) {
                throw new DeployException.Invalid("override: no use case '" + u + "' in the deployed document; known: "
                        + String.join(", ", doc.useCases().keySet()));
            }
        }
    }

    /** The live document's override when it is active and unexpired now, else {@code null}. */
    private CostOverride activeOverride(LiveState live) {
        CostOverride o = live.document() == null ? null : live.document().costOverride();
        return o != null && o.active() && (o.expiresAt() == null || now().isBefore(o.expiresAt())) ? o : null;
    }

    private static boolean sameOverride(JsonNode live, JsonNode candidate) {
        return live != null && live.path("cost_override").equals(candidate.path("cost_override"));
    }

    /** {@code every use case -> claude_haiku by oncall@example.com (pricing spike) until 2026-01-01T12:00:00Z}. */
    public static String describe(CostOverride o) {
        return scopeText(o.useCases()) + " -> " + o.model() + " by " + o.engineer() + " (" + o.reason() + ") until " + o.expiresAt();
    }

    static String scopeText(List<String> useCases) {
        return useCases.isEmpty() ? "every use case" : "use cases " + String.join(", ", useCases);
    }

    private static SourceDocument parse(byte[] content, String name) {
        SourceDocument doc = new DocumentLoader().parse(content, name + ".json");
        if (!doc.parsed()) {
            throw new DeployException(name + ": not a readable routing document: " + doc.findings().get(0).message());
        }
        return doc;
    }
}
