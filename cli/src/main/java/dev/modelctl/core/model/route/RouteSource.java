package dev.modelctl.core.model.route;

/** What picked a request's model before any cost override (routing steps 1–4). */
public enum RouteSource {
    RULE("rule"),
    USE_CASE("use_case"),
    DEFAULT("default");

    private final String id;

    RouteSource(String id) {
        this.id = id;
    }

    /** The name {@code route --format json} prints. */
    public String id() {
        return id;
    }
}
