package dev.modelctl.core.model.catalog;

import java.time.LocalDate;
import java.util.Locale;

/**
 * A model's Bedrock lifecycle (docs/catalog.md): {@code active}; {@code legacy} (still callable, new customers may be
 * refused; {@code eolDate} is when calls start to fail, when announced); {@code eol} (calls fail).
 *
 * @param eolDate     the end-of-life date, or {@code null} when none is known
 * @param replacement the model ID to move to, or {@code null}
 * @param source      the catalog source id that backs this fact
 */
public record Lifecycle(Status status, LocalDate eolDate, String replacement, String source) {
    /** The states of ListFoundationModels' {@code modelLifecycle.status}, plus {@code eol} from the lifecycle page. */
    public enum Status {
        ACTIVE, LEGACY, EOL;

        public String id() {
            return name().toLowerCase(Locale.ROOT);
        }

        public static Status of(String id) {
            return valueOf(id.toUpperCase(Locale.ROOT));
        }
    }

    /** What an entry without lifecycle facts (an older or hand-written catalog) is taken to be. */
    public static final Lifecycle UNSTATED = new Lifecycle(Status.ACTIVE, null, null, null);

    /** True when calls to the model fail at {@code today}: EOL, or legacy and past its EOL date. */
    public boolean retiredOn(LocalDate today) {
        return status == Status.EOL || (status == Status.LEGACY && eolDate != null && !today.isBefore(eolDate));
    }
}
