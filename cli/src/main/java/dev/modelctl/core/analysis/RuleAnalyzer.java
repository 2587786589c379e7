package dev.modelctl.core.analysis;

import dev.modelctl.core.finding.Check;
import dev.modelctl.core.finding.Finding;
import dev.modelctl.core.routing.Rule;
import dev.modelctl.core.validate.Suggest;

import java.util.ArrayList;
import java.util.Arrays;
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
        CompactBox.Interner interner = new CompactBox.Interner();
        List<int[]> codes = rules.stream().map(interner::box).toList();
        RuleIndex index = new RuleIndex(codes, interner.attributeCount(), interner.termCount());
        Boxes boxes = new Boxes(rules);
        List<Finding> out = new ArrayList<>();
        for (int b = 0; b < rules.size(); b++) {
            Rule rule = rules.get(b);
            int[] earlier = index.overlappingEarlier(b);
            int firstTied = earlier.length; // rules are in precedence order: equal priorities come last
            while (firstTied > 0 && Objects.equals(rules.get(earlier[firstTied - 1]).priority(), rule.priority())) {
                firstTied--;
            }
            for (int k = firstTied; k < earlier.length; k++) {
                out.add(conflict(rules.get(earlier[k]), rule, boxes.get(earlier[k]), boxes.get(b)));
            }
            int[] higher = Arrays.copyOf(earlier, firstTied);
            if (higher.length > 0 && !shadow(rules, index, boxes, b, higher, out)) {
                for (int a : higher) {
                    pair(rules.get(a), rule, CompactBox.contains(index.code(b), index.code(a)), boxes.get(a), boxes.get(b), out);
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
    private static boolean shadow(List<Rule> rules, RuleIndex index, Boxes boxes, int b, int[] higher, List<Finding> out) {
        // A request may give the attributes rule b leaves open a value no rule names; only higher rules that leave
        // those attributes open too can match such requests, so b is covered exactly when those rules cover it.
        List<Integer> open = new ArrayList<>();
        for (int a : higher) {
            if (CompactBox.namesOnlyAttributesOf(index.code(a), index.code(b))) {
                open.add(a);
            }
        }
        if (open.isEmpty()) {
            return false;
        }
        Set<Integer> coverers = new LinkedHashSet<>();
        int[] budget = {COVER_BUDGET};
        if (uncovered(boxes.get(b), open, 0, boxes, coverers, budget) != null || budget[0] < 0) {
            return false;
        }
        // covered: now find which rule actually wins each part (any higher rule may win some of it)
        Set<Integer> winners = new LinkedHashSet<>();
        budget[0] = COVER_BUDGET;
        List<Integer> all = Arrays.stream(higher).boxed().toList();
        if (uncovered(boxes.get(b), all, 0, boxes, winners, budget) != null || budget[0] < 0) {
            winners = coverers; // undecided within the budget: name the rules that cover it
        }
        Rule rule = rules.get(b);
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
    private static Box uncovered(Box box, List<Integer> higher, int from, Boxes boxes, Set<Integer> winners, int[] budget) {
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

    private static void pair(Rule a, Rule b, boolean bContainsA, Box boxA, Box boxB, List<Finding> out) {
        if (Objects.equals(a.model(), b.model())) {
            return; // overlapping rules that agree change nothing
        }
        Map<String, String> witness = boxA.intersectWith(boxB).sample(attributes(List.of(a, b)));
        if (bContainsA) {
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

    /** The general form of a rule's conditions, built only for the rules a finding or a cover test needs. */
    private static final class Boxes {
        private final List<Rule> rules;
        private final Box[] built;

        Boxes(List<Rule> rules) {
            this.rules = rules;
            this.built = new Box[rules.size()];
        }

        Box get(int i) {
            Box b = built[i];
            if (b == null) {
                b = Box.of(rules.get(i));
                built[i] = b;
            }
            return b;
        }
    }

    private static Finding finding(Check check, Rule at, String message, String hint, List<Rule> rules, Map<String, String> witness) {
        return new Finding(check, check.defaultSeverity(), at.file(), at.line(), at.column(), message, hint,
                rules.stream().map(Rule::ruleId).toList(), witness);
    }

}
