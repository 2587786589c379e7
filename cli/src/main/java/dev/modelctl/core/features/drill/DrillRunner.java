package dev.modelctl.core.features.drill;

import dev.modelctl.core.model.impact.TrafficMix;

import dev.modelctl.core.model.catalog.ModelCatalog;
import dev.modelctl.core.features.drill.SessionSampler.PhaseResult;
import dev.modelctl.core.model.routing.CostOverride;
import dev.modelctl.core.model.routing.RoutingDocument;
import dev.modelctl.core.features.smoke.ModelInvoker;
import dev.modelctl.core.features.smoke.OutputCap;
import dev.modelctl.core.features.smoke.PlannedCall;
import dev.modelctl.core.features.smoke.SmokePlan;
import dev.modelctl.core.features.smoke.SmokePlanner;
import dev.modelctl.core.features.smoke.SmokeReport;
import dev.modelctl.core.features.smoke.SmokeRunner;

import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * The cost-override drill (docs/drill.md): sample what AppConfig serves, pull the lever, time until every sampled
 * session serves the override, check routing and the shadow cost on the served document, optionally smoke-call the
 * override models, and always clear the override and wait until the clear is served too.
 */
public final class DrillRunner {
    private final DrillSettings settings;
    private final CostOverrideLever lever;
    private final SessionSampler sampler;
    private final ModelCatalog catalog;
    private final TrafficMix mix;
    private final Supplier<ModelInvoker> smokeInvoker;
    private final DrillClock clock;
    private final PrintStream progress;

    private boolean pulled;
    private DrillResult.Clear cleared;

    /**
     * @param mix          the repo config's traffic mix (equal shares when it has none)
     * @param smokeInvoker opens the Bedrock invoker when {@code --smoke} is asked for
     * @param progress     one line per step, for the operator
     */
    public DrillRunner(DrillSettings settings, CostOverrideLever lever, SessionSampler sampler, ModelCatalog catalog, TrafficMix mix,
                       Supplier<ModelInvoker> smokeInvoker, DrillClock clock, PrintStream progress) {
        this.settings = settings;
        this.lever = lever;
        this.sampler = sampler;
        this.catalog = catalog;
        this.mix = mix;
        this.smokeInvoker = smokeInvoker;
        this.clock = clock;
        this.progress = progress;
    }

    /** Is this the drill's own override, in force? */
    private Predicate<RoutingDocument> drillOverride() {
        return d -> {
            CostOverride o = d.costOverride();
            return o != null && o.active() && settings.reason().equals(o.reason());
        };
    }

    public DrillResult run() {
        List<RoutingDocument> before;
        try {
            before = sampler.open(settings.timeout());
        } catch (ConfigurationSessions.SessionException e) {
            throw new DrillException("drill: cannot sample what AppConfig serves in " + settings.environment() + ": " + e.getMessage());
        }
        RoutingDocument baseline = before.get(0);
        CostOverride live = baseline.costOverride();
        if (live != null && live.active() && (live.expiresAt() == null || Instant.now().isBefore(live.expiresAt()))) {
            throw new DrillException("drill: a cost override is already active in " + settings.environment() + " (" + live.reason() + ", by "
                    + live.engineer() + ", until " + live.expiresAt() + "); the drill never touches a live override");
        }
        for (String u : settings.scope()) {
            if (!baseline.useCases().containsKey(u)) {
                throw new DrillException("drill: --use-cases: no use case '" + u + "' in the document served in " + settings.environment()
                        + "; known: " + String.join(", ", baseline.useCases().keySet()));
            }
        }
        progress.println("drill: " + settings.sessions() + " AppConfig Data sessions serve the current document (after "
                + DrillResult.seconds(clock.elapsed()) + "); pulling the lever");
        Duration flipped = clock.elapsed();
        synchronized (this) {
            pulled = true;
        }
        try {
            LeverResult on;
            try {
                on = lever.activate(settings.scope(), settings.reason(), settings.ttl());
            } catch (RuntimeException e) {
                on = new LeverResult(LeverResult.Outcome.FAILED, null, e.getMessage());
            }
            progress.println("drill: lever " + on.outcome() + " after " + DrillResult.seconds(clock.elapsed().minus(flipped))
                    + (on.detail() == null ? "" : ": " + on.detail()));
            // sessions keep polling while the lever follows its deployment; wait only for what is not served yet
            PhaseResult served = sampler.await("override", flipped, drillOverride(), on.live() ? settings.timeout() : Duration.ZERO);
            RoutingDocument overridden = sampler.latest(drillOverride());
            List<RoutingCheck.ClassResult> routing = List.of();
            ShadowCost.Estimate cost = null;
            DrillResult.Smoke smoke = null;
            if (overridden != null) {
                Instant now = Instant.now();
                routing = new RoutingCheck().check(overridden, baseline, settings.scope(), now);
                cost = ShadowCost.estimate(baseline, overridden, mix, catalog, now);
                if (settings.smoke()) {
                    smoke = smoke(overridden, routing);
                }
            }
            return new DrillResult(settings, on, served, routing, cost, smoke, clear());
        } finally {
            clear();
        }
    }

    /**
     * Clears the override (once: the run's end and a Ctrl-C hook may both ask) and waits until every session serves
     * the clear. Does nothing when the lever was never pulled.
     */
    public synchronized DrillResult.Clear clear() {
        if (!pulled || cleared != null) {
            return cleared;
        }
        Duration since = clock.elapsed();
        LeverResult off;
        try {
            off = lever.clear(settings.reason());
        } catch (RuntimeException e) {
            off = new LeverResult(LeverResult.Outcome.FAILED, null, e.getMessage());
        }
        progress.println("drill: clear " + off.outcome() + " after " + DrillResult.seconds(clock.elapsed().minus(since))
                + (off.detail() == null ? "" : ": " + off.detail()));
        PhaseResult phase = sampler.await("clear", since, drillOverride().negate(), settings.timeout());
        cleared = new DrillResult.Clear(off, phase);
        return cleared;
    }

    /** One small InvokeModel per override model, with the served document's own parameters. */
    private DrillResult.Smoke smoke(RoutingDocument served, List<RoutingCheck.ClassResult> routing) {
        Set<String> models = new LinkedHashSet<>();
        routing.stream().filter(RoutingCheck.ClassResult::inScope).forEach(c -> models.add(c.expected()));
        SmokePlan all = new SmokePlanner(catalog, OutputCap.standard()).plan(served, List.of());
        List<PlannedCall> calls = new ArrayList<>();
        for (PlannedCall c : all.calls()) {
            if (c.useCase() == null && models.contains(c.block().name())) {
                calls.add(c);
            }
        }
        SmokePlan plan = new SmokePlan(calls, List.of());
        try {
            return new DrillResult.Smoke(new SmokeReport(served.file(), plan, SmokeRunner.run(calls, smokeInvoker.get(), 4)), null);
        } catch (ModelInvoker.Unavailable e) {
            return new DrillResult.Smoke(new SmokeReport(served.file(), plan, List.of()), e.getMessage());
        }
    }
}
