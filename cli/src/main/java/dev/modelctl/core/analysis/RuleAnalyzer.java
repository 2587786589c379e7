package dev.modelctl.core.analysis;

import dev.modelctl.core.finding.Check;
import dev.modelctl.core.finding.Finding;
import dev.modelctl.core.routing.Rule;
import dev.modelctl.core.validate.Suggest;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Classifies routing rules the way firewall policy analysers classify filtering rules (conflict, shadowing,
 * redundancy, correlation, generalization), adapted to "lowest priority wins, ties by rule_id". Rules are indexed so a
 * document with many attributes and values is analysed in close to linear time.
 */
public final class RuleAnalyzer {
    /** Splits allowed while deciding whether one rule is covered by several: bounds pathological inputs. */
    static final int COVER_BUDGET = 20_000;

    /** Findings for {@code rules}; {@code useCases} (may be empty) enables the {@code unknown-use-case} check. */
    public List<Finding> analyze(List<Rule> input, Collection<String> useCases) {
        List<Rule> rules = input.stream().filter(r -> r.ruleId() != null && r.priority() != null).sorted(Rule.PRECEDENCE).toList();
        List<Box> boxes = rules.stream().map(Box::of).toList();
        CompactBox.Interner interner = new CompactBox.Interner();
        List<CompactBox> compact = rules.stream().map(interner::box).toList();
        RuleIndex index = new RuleIndex(rules);
        List<Finding> out = new ArrayList<>();
        for (int b = 0; b < rules.size(); b++) {
            Rule rule = rules.get(b);
            List<Integer> higher = new ArrayList<>();
            List<Integer> samePriority = new ArrayList<>();
            for (int a : index.candidates(b)) {
                if (a < b && compact.get(a).overlaps(compact.get(b))) {
                    (Objects.equals(rules.get(a).priority(), rule.priority()) ? samePriority : higher).add(a);
                }
            }
            higher.sort(null);
            for (int a : samePriority) {
                out.add(conflict(rules.get(a), rule, boxes.get(a), boxes.get(b)));
            }
            if (!shadow(rules, boxes, b, higher, out)) {
                for (int a : higher) {
                    pair(rules.get(a), rule, boxes.get(a), boxes.get(b), out);
                }
            }
        }
        if (!useCases.isEmpty()) {
            for (Rule r : rules) {
                unknownUseCase(r, useCases, out);
            }
        }
        return out;
    }

    private static Finding conflict(Rule a, Rule b, Box boxA, Box boxB) {
        Map<String, String> witness = boxA.intersectWith(boxB).sample(attributes(List.of(a, b)));
        return finding(Check.PRIORITY_CONFLICT, b,
                "rules " + a.labelFrom(b.file()) + " and " + b.label() + " have the same priority and can match the same request; " + a.ruleId() + " wins only by the rule_id tie-break",
                "give them distinct priorities, or make their conditions disjoint", List.of(a, b), witness);
    }

    /** Reports {@code shadowed-rule} or {@code redundant-rule} when higher rules cover rule {@code b}; true if so. */
    private static boolean shadow(List<Rule> rules, List<Box> boxes, int b, List<Integer> higher, List<Finding> out) {
        if (higher.isEmpty()) {
            return false;
        }
        Rule rule = rules.get(b);
        Set<Integer> winners = new LinkedHashSet<>();
        int[] budget = {COVER_BUDGET};
        Box uncovered = uncovered(boxes.get(b), higher, 0, boxes, winners, budget);
        if (uncovered != null || budget[0] < 0) {
            return false;
        }
        List<Rule> covering = winners.stream().sorted().map(rules::get).toList();
        boolean sameModel = covering.stream().allMatch(r -> Objects.equals(r.model(), rule.model()));
        List<Rule> involved = new ArrayList<>(covering);
        involved.add(rule);
        Map<String, String> witness = boxes.get(b).sample(attributes(List.of(rule)));
        String by = covering.size() == 1 ? covering.get(0).labelFrom(rule.file()) + " matches"
                : "rules " + covering.stream().map(r -> r.labelFrom(rule.file())).collect(Collectors.joining(", ")) + " together match";
        if (sameModel) {
            out.add(finding(Check.REDUNDANT_RULE, rule, "rule " + rule.label() + " is redundant: " + by
                            + " every request it matches and routes it to the same model '" + rule.model() + "'",
                    "delete it; routing does not change", involved, witness));
        } else {
            out.add(finding(Check.SHADOWED_RULE, rule, "rule " + rule.label() + " can never fire: "
                            + by + " every request it matches (higher priority)",
                    "delete it, or give it a lower priority number than " + covering.stream().map(Rule::ruleId).collect(Collectors.joining(", ")),
                    involved, witness));
        }
        return true;
    }

    /**
     * A part of {@code box} that no rule in {@code higher[from..]} matches, or {@code null} when they cover it all.
     * Always splits on the highest-priority overlapping rule, so each covered leaf records the rule that wins it.
     */
    private static Box uncovered(Box box, List<Integer> higher, int from, List<Box> boxes, Set<Integer> winners, int[] budget) {
        if (--budget[0] < 0) {
            return box; // undecided: treat as not covered
        }
        for (int i = from; i < higher.size(); i++) {
            Box rule = boxes.get(higher.get(i));
            if (!rule.overlaps(box)) {
                continue;
            }
            String attr = box.splitAttribute(rule);
            if (attr == null) {
                winners.add(higher.get(i));
                return null;
            }
            ValueSet inRule = box.get(attr).intersect(rule.get(attr));
            ValueSet outside = box.get(attr).minus(rule.get(attr));
            Box rest = uncovered(box.with(attr, outside), higher, i + 1, boxes, winners, budget);
            if (rest != null) {
                return rest;
            }
            return uncovered(box.with(attr, inRule), higher, i, boxes, winners, budget);
        }
        return box;
    }

    private static void pair(Rule a, Rule b, Box boxA, Box boxB, List<Finding> out) {
        if (Objects.equals(a.model(), b.model())) {
            return; // overlapping rules that agree change nothing
        }
        Map<String, String> witness = boxA.intersectWith(boxB).sample(attributes(List.of(a, b)));
        if (boxB.contains(boxA)) {
            out.add(finding(Check.GENERALIZATION, b, "rule " + a.labelFrom(b.file()) + " carves an exception out of the more general "
                            + b.label() + ": requests it matches go to '" + a.model() + "' instead of '" + b.model() + "'",
                    "intended exceptions need no change", List.of(a, b), witness));
        } else {
            out.add(finding(Check.CORRELATED_RULES, b, "rules " + a.labelFrom(b.file()) + " and " + b.label() + " overlap and pick different models; where both match, " + a.ruleId() + " wins with '" + a.model() + "'",
                    "if that is not intended, make their conditions disjoint", List.of(a, b), witness));
        }
    }

    private static void unknownUseCase(Rule r, Collection<String> useCases, List<Finding> out) {
        List<String> taskTypes = r.conditions().get("task_type");
        if (taskTypes == null) {
            return;
        }
        for (String t : taskTypes) {
            if (!useCases.contains(t)) {
                String close = Suggest.closest(t, useCases);
                out.add(finding(Check.UNKNOWN_USE_CASE, r, "rule " + r.label() + ": task_type '" + t + "' names no declared use case",
                        close != null ? "did you mean '" + close + "'?" : "declare it under use_cases, or fix the spelling",
                        List.of(r), Map.of("task_type", t)));
            }
        }
    }

    /** Attributes any of the rules constrain, sorted: the ones a witness request needs to name. */
    private static List<String> attributes(List<Rule> rules) {
        Set<String> attrs = new TreeSet<>();
        rules.forEach(r -> attrs.addAll(r.conditions().keySet()));
        return List.copyOf(attrs);
    }

    private static Finding finding(Check check, Rule at, String message, String hint, List<Rule> rules, Map<String, String> witness) {
        return new Finding(check, check.defaultSeverity(), at.file(), at.line(), at.column(), message, hint,
                rules.stream().map(Rule::ruleId).toList(), witness);
    }

}
