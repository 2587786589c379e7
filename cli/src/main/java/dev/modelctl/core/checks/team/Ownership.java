package dev.modelctl.core.checks.team;

import com.fasterxml.jackson.databind.JsonNode;
import dev.modelctl.core.base.doc.Position;
import dev.modelctl.core.base.doc.SourceDocument;
import dev.modelctl.core.base.finding.Finding;
import dev.modelctl.core.checks.validate.SchemaCheck;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The team ownership file ({@code routing_rule_ownership.yaml}), validated against its schema.
 *
 * @param findings syntax and schema problems of the file itself (blocking)
 */
public record Ownership(SourceDocument source, List<Team> teams, List<Finding> findings) {
    public static final String SCHEMA = "/schemas/routing_rule_ownership.schema.json";

    public static Ownership from(SourceDocument source) {
        List<Finding> findings = new ArrayList<>(source.findings());
        List<Team> teams = new ArrayList<>();
        if (source.parsed()) {
            findings.addAll(new SchemaCheck(SCHEMA).check(source));
            source.root().path("teams").properties().forEach(e -> {
                JsonNode t = e.getValue();
                JsonNode range = t.path("priority_range");
                if (!range.isArray() || range.size() != 2 || !range.get(0).canConvertToLong() || !range.get(1).canConvertToLong()) {
                    return; // the schema check reports it
                }
                String pointer = "/teams/" + SourceDocument.escape(e.getKey());
                Position at = source.keyAt(pointer);
                teams.add(new Team(e.getKey(), range.get(0).asLong(), range.get(1).asLong(), strings(t.path("rule_patterns")),
                        strings(t.path("owners")), strings(t.path("files")), pointer, at.line(), at.column()));
            });
        }
        return new Ownership(source, List.copyOf(teams), List.copyOf(findings));
    }

    public String file() {
        return source.file();
    }

    /** Every team whose patterns match the rule id. */
    public List<Team> ownersOf(String ruleId) {
        return teams.stream().filter(t -> t.owns(ruleId)).toList();
    }

    /** The single owning team, if exactly one. */
    public Optional<Team> ownerOf(String ruleId) {
        List<Team> owners = ownersOf(ruleId);
        return owners.size() == 1 ? Optional.of(owners.get(0)) : Optional.empty();
    }

    public Optional<Team> team(String name) {
        return teams.stream().filter(t -> t.name().equals(name)).findFirst();
    }

    private static List<String> strings(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(v -> {
            if (v.isTextual()) {
                out.add(v.asText());
            }
        });
        return List.copyOf(out);
    }
}
