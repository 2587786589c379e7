package dev.modelctl.core.model.impact;

import java.util.List;

/**
 * What a change does to routing and cost, class by class (docs/impact.md).
 *
 * @param classes             every request class of either document, in {@link RequestClasses} order
 * @param costPerRequestBefore traffic-weighted USD per request before, over the classes with a known price both sides
 * @param costPerRequestAfter  the same after
 * @param unpriced            classes left out of the totals because a price is unknown on either side
 * @param equalShares         no traffic mix was configured: classes weigh the same
 * @param requestsPerMonth    the mix's volume, or {@code null}
 */
public record Impact(List<ClassChange> classes, double costPerRequestBefore, double costPerRequestAfter, int unpriced,
                     boolean equalShares, Long requestsPerMonth) {

    /** Only the classes whose model changes. */
    public List<ClassChange> changes() {
        return classes.stream().filter(ClassChange::changed).toList();
    }

    /** Relative change of the weighted cost per request, or {@code null} when nothing is priced. */
    public Double relativeChange() {
        return costPerRequestBefore > 0 ? costPerRequestAfter / costPerRequestBefore - 1 : null;
    }

    /** USD per month over the priced classes, or {@code null} without a volume. */
    public Double monthlyDelta() {
        return requestsPerMonth == null ? null
                : classes.stream().map(ClassChange::monthlyDelta).filter(java.util.Objects::nonNull).mapToDouble(Double::doubleValue).sum();
    }
}
