package dev.modelctl.core.features.smoke;

import dev.modelctl.core.base.finding.Finding;

import java.util.List;

/**
 * The calls a smoke run will make, and what could not be planned (a use case naming no model block, a model the
 * catalog does not know, so no request body can be built): those are findings without a call.
 */
public record SmokePlan(List<PlannedCall> calls, List<Finding> findings) {
    public SmokePlan {
        calls = List.copyOf(calls);
        findings = List.copyOf(findings);
    }

    /** The worst-case cost of every call, known before any call is made: what {@code --max-cost} caps. */
    public double estimateUsd() {
        return calls.stream().mapToDouble(PlannedCall::estimateUsd).sum();
    }
}
