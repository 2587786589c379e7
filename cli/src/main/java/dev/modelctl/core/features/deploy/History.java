package dev.modelctl.core.features.deploy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.modelctl.core.features.deploy.AppConfigModel.Deployment;
import dev.modelctl.core.model.diff.SemanticDiff;
import dev.modelctl.core.model.routing.RoutingDocument;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The deployments of this profile to one environment, newest first, the live one marked, each with the semantic diff
 * against the version that was live when it started (docs/oncall.md, "History").
 */
public final class History {
    /** One deployment and what it changed. {@code before} is the version live when it started, or {@code null}. */
    public record Entry(Deployment deployment, boolean live, Integer before, List<String> changes) {
    }

    private History() {
    }

    public static List<Entry> of(AppConfigService service, LiveState state, int limit) {
        List<Deployment> ds = state.deployments();
        Map<Integer, RoutingDocument> docs = new HashMap<>();
        List<Entry> out = new ArrayList<>();
        for (int i = 0; i < Math.min(limit, ds.size()); i++) {
            Deployment d = ds.get(i);
            Optional<Deployment> prior = ds.subList(i + 1, ds.size()).stream().filter(p -> p.state() == DeploymentState.COMPLETE).findFirst();
            Integer before = prior.map(Deployment::configurationVersion).orElse(null);
            List<String> changes;
            if (before == null) {
                changes = List.of("first deployment");
            } else if (before == d.configurationVersion()) {
                changes = List.of("same version as before");
            } else {
                changes = SemanticDiff.between(doc(service, state, before, docs), doc(service, state, d.configurationVersion(), docs));
            }
            boolean live = state.live().map(l -> l.number() == d.number()).orElse(false);
            out.add(new Entry(d, live, before, changes.isEmpty() ? List.of("no routing changes") : changes));
        }
        return out;
    }

    private static RoutingDocument doc(AppConfigService service, LiveState state, int version, Map<Integer, RoutingDocument> cache) {
        return cache.computeIfAbsent(version, v -> LiveState.document(service, state.target(), v));
    }

    public static List<String> text(LiveState state, List<Entry> entries) {
        List<String> out = new ArrayList<>();
        out.add("deployments of " + state.target().profile().name() + " to " + state.target().environment().name() + " (newest first; * = live):");
        if (entries.isEmpty()) {
            out.add("  none yet");
        }
        for (Entry e : entries) {
            Deployment d = e.deployment();
            out.add(String.format("%s #%-4d %-11s version %-4d %s%s", e.live() ? "*" : " ", d.number(), d.state(), d.configurationVersion(),
                    d.startedAt(), d.description() == null ? "" : "  " + d.description()));
            String from = e.before() == null ? "" : "vs version " + e.before() + ": ";
            for (int i = 0; i < e.changes().size(); i++) {
                out.add("        " + (i == 0 ? from : " ".repeat(from.length())) + e.changes().get(i));
            }
        }
        return out;
    }

    public static ObjectNode json(LiveState state, List<Entry> entries) {
        ObjectNode o = new ObjectMapper().createObjectNode();
        o.put("environment", state.target().environment().name());
        o.put("profile", state.target().profile().name());
        if (state.liveVersion() != null) {
            o.put("live_version", state.liveVersion());
        } else {
            o.putNull("live_version");
        }
        ArrayNode a = o.putArray("deployments");
        for (Entry e : entries) {
            ObjectNode d = PlanReport.json(e.deployment());
            d.put("live", e.live());
            if (e.before() != null) {
                d.put("previous_version", e.before());
            }
            ArrayNode c = d.putArray("changes");
            e.changes().forEach(c::add);
            a.add(d);
        }
        return o;
    }
}
