package dev.modelctl.core.model.catalog;

/** How a model ID reaches the model: bare in one Region, a geographic inference profile ({@code us.}…), or {@code global.}. */
public enum ProfileKind {
    IN_REGION, GEO, GLOBAL;

    public String id() {
        return switch (this) {
            case IN_REGION -> "in-region";
            case GEO -> "geo";
            case GLOBAL -> "global";
        };
    }
}
