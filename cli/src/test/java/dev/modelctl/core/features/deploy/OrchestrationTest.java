package dev.modelctl.core.features.deploy;

import dev.modelctl.core.features.build.CanonicalDocument;
import dev.modelctl.core.model.catalog.ModelCatalog;
import dev.modelctl.core.model.config.RepoConfig;
import dev.modelctl.core.features.deploy.AppConfigModel.Deployment;
import dev.modelctl.core.features.deploy.AppConfigModel.Environment;
import dev.modelctl.core.features.deploy.AppConfigModel.Profile;
import dev.modelctl.core.base.doc.DocumentLoader;
import dev.modelctl.core.checks.engine.CheckContext;
import dev.modelctl.testing.Cli;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The orchestration in core/features/deploy against an in-memory AppConfig: live state, plans, guards, apply order, follow. */
class OrchestrationTest {
    static final String ALARM = "arn:aws:cloudwatch:us-east-1:123456789012:alarm:routing-5xx";
    InMemoryAppConfig service;
    Environment prod;
    Profile routing;
    Planner planner;
    String alarmState = "OK";
    final AlarmService alarms = arns -> Map.of(ALARM, alarmState);

    @BeforeEach
    void setUp() {
        service = new InMemoryAppConfig();
        prod = service.addEnvironment("prod", ALARM);
        routing = service.addProfile("model-routing");
        planner = new Planner(new CheckContext(ModelCatalog.builtIn(), RepoConfig.defaults(Path.of(".")), Clock.systemUTC()));
    }

    static byte[] example(String from, String to) {
        var doc = new DocumentLoader().load(Cli.repoRoot().resolve("templates/model_routing_config.example.yaml"), "example.yaml");
        String json = new String(CanonicalDocument.renderJson(doc.root()), java.nio.charset.StandardCharsets.UTF_8).replace(from, to);
        return json.getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }

    LiveState live() {
        Target t = Target.resolve(service, "chatbot", "prod", "model-routing");
        return LiveState.read(service, alarms, t);
    }

    Outcome deploy(byte[] content) {
        Plan plan = planner.deploy(live(), content, StrategySpec.allAtOnce(Duration.ZERO), false, Planner.OverrideCarry.REFUSE, "test");
        return WriteFlow.run(plan, false, WriteFlow.Approval.GRANTED, new Rollout(service, Duration.ofMillis(1), Rollout.Listener.SILENT), true);
    }

    @Test
    void firstDeployUploadsStartsAndCompletesThenTheSameDocumentIsANoOp() {
        Outcome first = deploy(example("", ""));
        assertEquals(Outcome.Kind.COMPLETE, first.kind());
        assertEquals(List.of("CreateDeploymentStrategy modelctl-all-at-once-bake0s", "CreateHostedConfigurationVersion prof0 -> 1",
                "StartDeployment env0 version 1"), service.writes);
        Outcome again = deploy(example("", ""));
        assertEquals(Outcome.Kind.ALREADY_LIVE, again.kind());
        assertEquals(0, again.exitCode());
        assertEquals(3, service.writes.size(), "nothing written");
    }

    @Test
    void liveIsTheNewestCompletedDeploymentOfThisProfileOnly() {
        deploy(example("", ""));
        Profile flags = service.addProfile("feature-flags");
        service.createHostedVersion("app1", flags.id(), "{}".getBytes(), "application/json", "flags", null);
        service.startDeployment("app1", prod.id(), flags.id(), "s", 1, "flags");
        service.nextEnds = DeploymentState.ROLLED_BACK;
        assertEquals(Outcome.Kind.ROLLED_BACK, deploy(example("8192", "4096")).kind());
        LiveState s = live();
        assertEquals(1, s.liveVersion());
        assertEquals(3, s.latest().orElseThrow().number());
        assertEquals(List.of(3, 1), s.deployments().stream().map(Deployment::number).toList(), "the flags deployment #2 is not ours");
    }

    @Test
    void aDeploymentInProgressOfAnotherProfileBlocksBeforeAnyWrite() {
        Profile flags = service.addProfile("feature-flags");
        service.createHostedVersion("app1", flags.id(), "{}".getBytes(), "application/json", "flags", null);
        service.nextEnds = DeploymentState.DEPLOYING;
        service.startDeployment("app1", prod.id(), flags.id(), "s", 1, "flags");
        int writes = service.writes.size();
        Plan plan = planner.deploy(live(), example("", ""), StrategySpec.allAtOnce(Duration.ZERO), false, Planner.OverrideCarry.REFUSE, "t");
        assertTrue(plan.blockers().get(0).startsWith("a deployment is already in progress in prod: deployment #1 (version 1, DEPLOYING 100%) of profile feature-flags"),
                plan.blockers().get(0));
        Outcome o = WriteFlow.run(plan, false, WriteFlow.Approval.GRANTED, new Rollout(service, Duration.ofMillis(1), Rollout.Listener.SILENT), true);
        assertEquals(Outcome.Kind.BLOCKED, o.kind());
        assertEquals(1, o.exitCode());
        assertEquals(writes, service.writes.size());
    }

    @Test
    void declinedAndDryRunWriteNothing() {
        Plan plan = planner.deploy(live(), example("", ""), StrategySpec.allAtOnce(Duration.ZERO), false, Planner.OverrideCarry.REFUSE, "t");
        Rollout rollout = new Rollout(service, Duration.ofMillis(1), Rollout.Listener.SILENT);
        assertEquals(Outcome.Kind.DRY_RUN, WriteFlow.run(plan, true, WriteFlow.Approval.GRANTED, rollout, true).kind());
        Outcome declined = WriteFlow.run(plan, false, p -> Optional.of("declined"), rollout, true);
        assertEquals(Outcome.Kind.DECLINED, declined.kind());
        assertEquals(1, declined.exitCode());
        assertEquals(List.of(), service.writes);
    }

    @Test
    void overrideWithTheAlarmInAlarmDetachesAndRestoresMonitorsAroundTheDeployment() {
        deploy(example("", ""));
        alarmState = "ALARM";
        Planner.Activation blocked = new Planner.Activation(List.of(), null, "incident", "me", Duration.ofHours(2), Planner.OverrideMode.NEW,
                Duration.ofMinutes(2), false);
        assertTrue(planner.overrideOn(live(), blocked).blockers().get(0).startsWith("alarm routing-5xx is in ALARM"));
        service.writes.clear();
        CostOverrideSwitch lever = new CostOverrideSwitch(service, alarms, Target.resolve(service, "chatbot", "prod", "model-routing"),
                new CheckContext(ModelCatalog.builtIn(), RepoConfig.defaults(Path.of(".")), Clock.systemUTC()), Duration.ofMillis(1), Rollout.Listener.SILENT);
        Outcome on = lever.activate(new Planner.Activation(List.of(), null, "incident", "me", Duration.ofHours(2), Planner.OverrideMode.NEW,
                Duration.ofMinutes(2), true));
        assertEquals(Outcome.Kind.COMPLETE, on.kind());
        assertEquals(List.of("CreateHostedConfigurationVersion prof0 -> 2", "UpdateEnvironment env0 monitors=0", "StartDeployment env0 version 2",
                "UpdateEnvironment env0 monitors=1"), service.writes.stream().filter(w -> !w.startsWith("CreateDeploymentStrategy")).toList());
        assertTrue(service.hostedVersion("app1", routing.id(), 2).description().contains("alarm monitors detached"));
        Outcome partial = lever.clear(new Planner.Clearance(List.of("moderation"), "recovered", "me", Duration.ofMinutes(2), true));
        assertEquals(Outcome.Kind.COMPLETE, partial.kind(), partial::message);
        String scope;
        try {
            scope = new com.fasterxml.jackson.databind.ObjectMapper().readTree(service.hostedVersion("app1", routing.id(), 3).content())
                    .at("/cost_override/use_cases").toString();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        assertEquals("[\"complex_answer\",\"intent_classify\",\"product_recommendation\"]", scope, "every use case but moderation");
    }

    @Test
    void monitorsComeBackWhenStartDeploymentFails() {
        deploy(example("", ""));
        alarmState = "ALARM";
        InMemoryAppConfig failing = new InMemoryAppConfig() {
            @Override
            public Deployment startDeployment(String a, String e, String p, String s, int v, String d) {
                throw new DeployException("AppConfig StartDeployment: BadRequestException");
            }
        };
        failing.environments.putAll(service.environments);
        failing.profiles.addAll(service.profiles);
        failing.hosted.putAll(service.hosted);
        failing.deployments.putAll(service.deployments);
        Target t = Target.resolve(failing, "chatbot", "prod", "model-routing");
        Plan plan = planner.overrideOn(LiveState.read(failing, alarms, t), new Planner.Activation(List.of(), null, "incident", "me",
                Duration.ofHours(2), Planner.OverrideMode.NEW, Duration.ofMinutes(2), true));
        Rollout rollout = new Rollout(failing, Duration.ofMillis(1), Rollout.Listener.SILENT);
        assertThrows(DeployException.class, () -> rollout.apply(plan, true));
        assertEquals(List.of("UpdateEnvironment env0 monitors=0", "UpdateEnvironment env0 monitors=1"),
                failing.writes.stream().filter(w -> w.startsWith("UpdateEnvironment")).toList());
    }

    @Test
    void rollbackAfterAnAlarmRollbackIsANoOpNamingTheLiveVersion() {
        deploy(example("", ""));
        service.nextEnds = DeploymentState.ROLLED_BACK;
        deploy(example("8192", "4096"));
        Plan plan = planner.rollback(live(), null, false, StrategySpec.allAtOnce(Duration.ZERO), false, false, service);
        assertTrue(plan.noOp());
        assertEquals("version 1 is live in prod (deployment #2 of version 2 was ROLLED_BACK): nothing to roll back; pick an earlier version with --to-version N",
                plan.alreadyLive());
    }

    @Test
    void transientErrorsWhileFollowingAreRetriedThenReportedAsLostTrack() {
        service.nextEnds = DeploymentState.DEPLOYING;
        int[] failures = {0};
        InMemoryAppConfig flaky = new InMemoryAppConfig() {
            @Override
            public Deployment deployment(String a, String e, int n) {
                if (failures[0]++ < 2) {
                    throw new DeployException.Transient("AppConfig GetDeployment: ThrottlingException");
                }
                Deployment d = super.deployment(a, e, n);
                return new Deployment(d.number(), DeploymentState.COMPLETE, 100, d.configurationName(), d.configurationVersion(), d.strategyId(),
                        d.description(), d.startedAt(), java.time.Instant.now(), d.events());
            }
        };
        flaky.addEnvironment("prod", ALARM);
        flaky.addProfile("model-routing");
        flaky.nextEnds = DeploymentState.DEPLOYING;
        Target t = Target.resolve(flaky, "chatbot", "prod", "model-routing");
        List<String> steps = new java.util.ArrayList<>();
        Rollout.Listener listener = new Rollout.Listener() {
            @Override
            public void step(String line) {
                steps.add(line);
            }

            @Override
            public void changed(Deployment deployment, List<AppConfigModel.Event> newEvents) {
            }
        };
        Plan plan = planner.deploy(LiveState.read(flaky, alarms, t), example("", ""), StrategySpec.allAtOnce(Duration.ZERO), false,
                Planner.OverrideCarry.REFUSE, "t");
        Outcome o = new Rollout(flaky, Duration.ofMillis(1), listener).apply(plan, true);
        assertEquals(Outcome.Kind.COMPLETE, o.kind());
        assertEquals(2, steps.stream().filter(s -> s.startsWith("GetDeployment failed")).count());

        failures[0] = -1000;
        flaky.deployments.clear();
        flaky.hosted.clear();
        Plan again = planner.deploy(LiveState.read(flaky, alarms, t), example("", ""), StrategySpec.allAtOnce(Duration.ZERO), false,
                Planner.OverrideCarry.REFUSE, "t");
        Outcome lost = new Rollout(flaky, Duration.ofMillis(1), listener).apply(again, true);
        assertEquals(Outcome.Kind.LOST_TRACK, lost.kind());
        assertEquals(2, lost.exitCode());
        assertTrue(lost.message().endsWith("it continues in AppConfig: watch it with `modelctl status --env prod --watch`"), lost.message());
    }
}
