package dev.modelctl.core.finding;

import java.util.Arrays;
import java.util.Optional;

/**
 * Every check id modelctl can report (SPEC §4). Ids are stable: they appear in output, suppressions and baselines.
 * The description feeds SARIF rule metadata and {@code --help} texts.
 */
public enum Check {
    // routing documents
    SYNTAX_ERROR("syntax-error", Severity.ERROR, "The document is not well-formed YAML or JSON."),
    DUPLICATE_KEY("duplicate-key", Severity.ERROR, "A mapping names the same key twice; parsers silently keep one."),
    SCHEMA_VIOLATION("schema-violation", Severity.ERROR, "The document does not match the canonical routing schema."),
    UNKNOWN_MODEL_REFERENCE("unknown-model-reference", Severity.ERROR, "A model reference names no key of `models`."),
    ANTHROPIC_VERSION("anthropic-version", Severity.ERROR, "An Anthropic model block lacks a valid `anthropic_version`."),
    MAX_TOKENS_OVER_LIMIT("max-tokens-over-limit", Severity.ERROR, "`max_tokens` exceeds the model's maximum output tokens."),
    UNKNOWN_MODEL_ID("unknown-model-id", Severity.ERROR, "A `model_id` is not in the Bedrock model catalog."),
    CONFLICTING_PARAMETERS("conflicting-parameters", Severity.ERROR,
            "A model block sets parameters its model rejects together (e.g. `temperature` and `top_p` on Claude Opus 4.1 and later)."),
    DUPLICATE_RULE_ID("duplicate-rule-id", Severity.ERROR, "Two routing rules share one `rule_id`."),
    // rule analysis
    PRIORITY_CONFLICT("priority-conflict", Severity.ERROR, "Two rules with the same priority can match one request."),
    SHADOWED_RULE("shadowed-rule", Severity.ERROR, "Higher-priority rules match every request this rule matches: it never fires."),
    REDUNDANT_RULE("redundant-rule", Severity.WARNING, "A rule is shadowed by rules that pick the same model: deleting it changes nothing."),
    CORRELATED_RULES("correlated-rules", Severity.INFO, "Two rules overlap, neither contains the other, and they pick different models."),
    GENERALIZATION("generalization", Severity.INFO, "A more specific higher-priority rule carves an exception out of a general one."),
    UNKNOWN_USE_CASE("unknown-use-case", Severity.WARNING, "A rule's `task_type` names no declared use case."),
    // teams
    TEAM_RANGE_OVERLAP("team-range-overlap", Severity.ERROR, "Two teams' priority ranges overlap."),
    RULE_OUTSIDE_TEAM_RANGE("rule-outside-team-range", Severity.ERROR, "A rule's priority lies outside its team's range."),
    UNOWNED_RULE("unowned-rule", Severity.ERROR, "No team's rule patterns match the rule id."),
    MULTIPLY_OWNED_RULE("multiply-owned-rule", Severity.ERROR, "More than one team's rule patterns match the rule id."),
    RULE_IN_WRONG_TEAM_FILE("rule-in-wrong-team-file", Severity.ERROR, "A rule sits in another team's rule file."),
    APPROVAL_REQUIRED("approval-required", Severity.ERROR, "A rule change lacks the approval of the team that owns it."),
    // cost override
    OVERRIDE_INCOMPLETE("override-incomplete", Severity.ERROR, "An active cost override lacks its reason, engineer or expiry."),
    OVERRIDE_EXPIRED("override-expired", Severity.WARNING, "The cost override is active but past its expiry."),
    OVERRIDE_TTL_TOO_LONG("override-ttl-too-long", Severity.ERROR, "The cost override lasts longer than the allowed maximum."),
    // pull-request impact (check --base, diff)
    ROUTING_CHANGE("routing-change", Severity.INFO,
            "A request class is routed to another model: the model and its price per 1k tokens before and after, and the relative change."),
    COST_INCREASE("cost-increase", Severity.ERROR, "The change raises the cost per request by more than --max-cost-increase allows."),
    // scanner
    HARDCODED_MODEL_ID("hardcoded-model-id", Severity.ERROR, "A Bedrock model ID is hard-coded outside the allowed places."),
    ENV_MODEL_KEY("env-model-key", Severity.WARNING, "An environment variable selects a model outside the routing config."),
    // smoke (live calls on Bedrock)
    SMOKE_CALL_FAILED("smoke-call-failed", Severity.ERROR, "An InvokeModel built from a model block's own parameters failed on Bedrock.");

    private final String id;
    private final Severity defaultSeverity;
    private final String description;

    Check(String id, Severity defaultSeverity, String description) {
        this.id = id;
        this.defaultSeverity = defaultSeverity;
        this.description = description;
    }

    public String id() {
        return id;
    }

    public Severity defaultSeverity() {
        return defaultSeverity;
    }

    public String description() {
        return description;
    }

    public static Optional<Check> byId(String id) {
        return Arrays.stream(values()).filter(c -> c.id.equals(id)).findFirst();
    }
}
