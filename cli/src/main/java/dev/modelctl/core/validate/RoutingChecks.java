package dev.modelctl.core.validate;

import dev.modelctl.core.finding.Finding;
import dev.modelctl.core.team.RoutingSet;
import dev.modelctl.core.team.TeamChecks;

import java.util.ArrayList;
import java.util.List;

/** Everything {@code check} runs on a routing set — the gate that {@code build} and {@code deploy} apply too. */
public final class RoutingChecks {
    private RoutingChecks() {
    }

    public static List<Finding> run(RoutingSet set, CheckContext context) {
        List<Finding> findings = new ArrayList<>(new Validator(Validator.CHECK_CHECKS).validate(set, context).findings());
        if (set.ownership() != null && set.merged() != null) {
            findings.addAll(new TeamChecks().check(set.ownership(), set.merged().rules(), set.teamOfFile()));
        }
        return findings;
    }
}
