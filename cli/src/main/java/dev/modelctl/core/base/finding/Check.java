package dev.modelctl.core.base.finding;

import java.util.Arrays;
import java.util.Optional;

/**
 * Every check id modelctl can report: the check registry (docs/architecture.md, "Add a check id"). Ids are stable:
 * they appear in output, suppressions and baselines. The family says which command runs the check; the description
 * feeds SARIF rule metadata and the docs. A test requires every id to have a fixture and documentation.
 */
public enum Check {
    // routing documents
    SYNTAX_ERROR("syntax-error", Family.DOCUMENT, Severity.ERROR, "The document is not well-formed YAML or JSON."),
    DUPLICATE_KEY("duplicate-key", Family.DOCUMENT, Severity.ERROR, "A mapping names the same key twice; parsers silently keep one."),
    SCHEMA_VIOLATION("schema-violation", Family.DOCUMENT, Severity.ERROR, "The document does not match the canonical routing schema."),
    UNKNOWN_MODEL_REFERENCE("unknown-model-reference", Family.DOCUMENT, Severity.ERROR, "A model reference names no key of `models`."),
    ANTHROPIC_VERSION("anthropic-version", Family.DOCUMENT, Severity.ERROR, "An Anthropic model block lacks a valid `anthropic_version`."),
    MAX_TOKENS_OVER_LIMIT("max-tokens-over-limit", Family.DOCUMENT, Severity.ERROR, "`max_tokens` exceeds the model's maximum output tokens."),
    UNKNOWN_MODEL_ID("unknown-model-id", Family.DOCUMENT, Severity.ERROR, "A `model_id` is not in the Bedrock model catalog."),
    CONFLICTING_PARAMETERS("conflicting-parameters", Family.DOCUMENT, Severity.ERROR,
            "A model block sets parameters its model rejects together (e.g. `temperature` and `top_p` on Claude Opus 4.1 and later)."),
    // model lifecycle and invocation (from the catalog)
    MODEL_RETIRED("model-retired", Family.DOCUMENT, Severity.ERROR, "A `model_id` names a model that has reached end of life on Bedrock: every call fails."),
    MODEL_LEGACY("model-legacy", Family.DOCUMENT, Severity.WARNING,
            "A `model_id` names a legacy model (a warning with its EOL date; an error once the date has passed)."),
    INFERENCE_PROFILE_REQUIRED("inference-profile-required", Family.DOCUMENT, Severity.ERROR,
            "A bare model ID whose model has no on-demand in-region throughput: calls need an inference profile ID."),
    PARAMETER_NOT_SUPPORTED("parameter-not-supported", Family.DOCUMENT, Severity.ERROR,
            "A model block sets a parameter its model rejects (e.g. `temperature` on Claude Opus 4.7)."),
    DUPLICATE_RULE_ID("duplicate-rule-id", Family.DOCUMENT, Severity.ERROR, "Two routing rules share one `rule_id`."),
    // rule analysis
    PRIORITY_CONFLICT("priority-conflict", Family.RULE_ANALYSIS, Severity.ERROR, "Two rules with the same priority can match one request."),
    SHADOWED_RULE("shadowed-rule", Family.RULE_ANALYSIS, Severity.ERROR, "Higher-priority rules match every request this rule matches: it never fires."),
    REDUNDANT_RULE("redundant-rule", Family.RULE_ANALYSIS, Severity.WARNING, "A rule is shadowed by rules that pick the same model: deleting it changes nothing."),
    CORRELATED_RULES("correlated-rules", Family.RULE_ANALYSIS, Severity.INFO, "Two rules overlap, neither contains the other, and they pick different models."),
    GENERALIZATION("generalization", Family.RULE_ANALYSIS, Severity.INFO, "A more specific higher-priority rule carves an exception out of a general one."),
    UNKNOWN_USE_CASE("unknown-use-case", Family.RULE_ANALYSIS, Severity.WARNING, "A rule's `task_type` names no declared use case."),
    // teams
    TEAM_RANGE_OVERLAP("team-range-overlap", Family.TEAM, Severity.ERROR, "Two teams' priority ranges overlap."),
    RULE_OUTSIDE_TEAM_RANGE("rule-outside-team-range", Family.TEAM, Severity.ERROR, "A rule's priority lies outside its team's range."),
    UNOWNED_RULE("unowned-rule", Family.TEAM, Severity.ERROR, "No team's rule patterns match the rule id."),
    MULTIPLY_OWNED_RULE("multiply-owned-rule", Family.TEAM, Severity.ERROR, "More than one team's rule patterns match the rule id."),
    RULE_IN_WRONG_TEAM_FILE("rule-in-wrong-team-file", Family.TEAM, Severity.ERROR, "A rule sits in another team's rule file."),
    TEAM_FILE_MISSING("team-file-missing", Family.TEAM, Severity.ERROR, "The ownership file lists a team rule file that does not exist."),
    APPROVAL_REQUIRED("approval-required", Family.APPROVAL, Severity.ERROR, "A rule change lacks the approval of the team that owns it."),
    // cost override
    OVERRIDE_INCOMPLETE("override-incomplete", Family.COST_OVERRIDE, Severity.ERROR, "An active cost override lacks its reason, engineer or expiry."),
    OVERRIDE_EXPIRED("override-expired", Family.COST_OVERRIDE, Severity.WARNING, "The cost override is active but past its expiry."),
    OVERRIDE_TTL_TOO_LONG("override-ttl-too-long", Family.COST_OVERRIDE, Severity.ERROR, "The cost override lasts longer than the allowed maximum."),
    // pull-request impact (check --base, diff)
    ROUTING_CHANGE("routing-change", Family.IMPACT, Severity.INFO,
            "A request class is routed to another model: the model and its price per 1k tokens before and after, and the relative change."),
    COST_INCREASE("cost-increase", Family.IMPACT, Severity.ERROR, "The change raises the cost per request by more than --max-cost-increase allows."),
    // scanner
    HARDCODED_MODEL_ID("hardcoded-model-id", Family.SCANNER, Severity.ERROR, "A Bedrock model ID is hard-coded outside the allowed places."),
    ENV_MODEL_KEY("env-model-key", Family.SCANNER, Severity.WARNING, "An environment variable selects a model outside the routing config."),
    // smoke (live calls on Bedrock)
    SMOKE_CALL_FAILED("smoke-call-failed", Family.SMOKE, Severity.ERROR, "An InvokeModel built from a model block's own parameters failed on Bedrock."),
    // cost-override drill (docs/drill.md)
    DRILL_CRITERION_FAILED("drill-criterion-failed", Family.DRILL, Severity.ERROR,
            "A cost-override drill criterion failed: the override was not served in time, routed a request class elsewhere, or saved too little.");

    /** Where a family of checks runs. */
    public enum Family {
        DOCUMENT("validate, check, build, deploy, override"),
        COST_OVERRIDE("validate, check, build, deploy, override"),
        RULE_ANALYSIS("check, build, deploy"),
        TEAM("check, build (with an ownership file)"),
        APPROVAL("check --base"),
        IMPACT("check --base, diff"),
        SCANNER("scan"),
        SMOKE("smoke"),
        DRILL("drill cost-override");

        private final String runsIn;

        Family(String runsIn) {
            this.runsIn = runsIn;
        }

        /** The commands that run this family, for docs and help. */
        public String runsIn() {
            return runsIn;
        }
    }

    private final String id;
    private final Family family;
    private final Severity defaultSeverity;
    private final String description;

    Check(String id, Family family, Severity defaultSeverity, String description) {
        this.id = id;
        this.family = family;
        this.defaultSeverity = defaultSeverity;
        this.description = description;
    }

    public String id() {
        return id;
    }

    public Family family() {
        return family;
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
