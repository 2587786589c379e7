package dev.modelctl.core.checks.analysis;

import dev.modelctl.core.base.finding.Check;
import dev.modelctl.core.base.finding.Finding;
import dev.modelctl.core.model.routing.Rule;
import dev.modelctl.core.checks.engine.Suggest;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Objects;
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
    /**
     * Findings listed per rule and family (conflicts; correlated/generalization pairs): a document where every rule
     * overlaps every other would otherwise report n² findings. The last one listed says how many more there are.
     */
    static final int LISTED_PER_RULE = 10;

    /** Findings for {@code rules}; {@code useCases} (may be empty) enables the {@code unknown-use-case} check. */
    public List<Finding> analyze(List<Rule> input, Collection<String> useCases) {
        List<Rule> rules = input.stream().filter(r -> r.ruleId() != null && r.priority() != null).sorted(Rule.PRECEDENCE).toList();
        Terms terms = new Terms();
        List<int[]> codes = rules.stream().map(terms::code).toList();
        RuleIndex index = new RuleIndex(codes, terms.attributeCount(), terms.termCount());
        Analysis analysis = new Analysis(rules, codes, terms);
        for (int b = 0; b < rules.size(); b++) {
            int[] earlier = index.overlappingEarlier(b);
            int firstTied = earlier.length; // rules are in precedence order: equal priorities come last
            while (firstTied > 0 && Objects.equals(rules.get(earlier[firstTied - 1]).priority(), rules.get(b).priority())) {
                firstTied--;
            }
            int listed = 0;
            for (int k = firstTied; k < earlier.length; k++) {
                if (listed++ < LISTED_PER_RULE) {
                    analysis.conflict(earlier[k], b);
                }
            }
            analysis.noteMore(listed - LISTED_PER_RULE, "rules of the same priority overlap " + rules.get(b).ruleId());
            int[] higher = Arrays.copyOf(earlier, firstTied);
            if (higher.length > 0 && !analysis.shadow(b, higher)) {
                int pairs = 0;
                for (int a : higher) {
                    if (analysis.differentModels(a, b) && pairs++ < LISTED_PER_RULE) {
                        analysis.pair(a, b);
                    }
                }
                analysis.noteMore(pairs - LISTED_PER_RULE, "higher-priority rules overlap " + rules.get(b).ruleId() + " with another model");
            }
        }
        if (!useCases.isEmpty()) {
            for (Rule r : rules) {
                analysis.unknownUseCase(r, useCases);
            }
        }
        return analysis.out;
    }

    /** One run over one rule list: the rules in precedence order, their codes, and the findings so far. */
    private static final class Analysis {
        final List<Rule> rules;
        final List<int[]> codes;
        final Terms terms;
        final Box[] boxes;
        final List<Finding> out = new ArrayList<>();

        Analysis(List<Rule> rules, List<int[]> codes, Terms terms) {
            this.rules = rules;
            this.codes = codes;
            this.terms = terms;
            this.boxes = new Box[rules.size()];
        }

        /** The general form of a rule's conditions, built only for the rules a finding or a cover test needs. */
        Box box(int i) {
            if (boxes[i] == null) {
                boxes[i] = Box.of(codes.get(i));
            }
            return boxes[i];
        }

        void conflict(int ia, int ib) {
            Rule a = rules.get(ia);
            Rule b = rules.get(ib);
            out.add(finding(Check.PRIORITY_CONFLICT, b,
                    "rules " + a.labelFrom(b.file()) + " and " + b.label() + " have the same priority and can match the same request; "
                            + a.ruleId() + " wins only by the rule_id tie-break",
                    "give them distinct priorities, or make their conditions disjoint", List.of(a, b), box(ia).intersectWith(box(ib)).sample(terms)));
        }

        /** Reports {@code shadowed-rule} or {@code redundant-rule} when higher rules cover rule {@code b}; true if so. */
        boolean shadow(int b, int[] higher) {
            // A request may give the attributes rule b leaves open a value no rule names; only higher rules that leave
            // those attributes open too can match such requests, so b is covered exactly when those rules cover it.
            List<Integer> open = new ArrayList<>();
            for (int a : higher) {
                if (CompactBox.namesOnlyAttributesOf(codes.get(a), codes.get(b))) {
                    open.add(a);
                }
            }
            if (open.isEmpty()) {
                return false;
            }
            TreeSet<Integer> coverers = new TreeSet<>();
            if (!covered(box(b), open, coverers)) {
                return false;
            }
            // covered: now find which rule actually wins each part (any higher rule may win some of it)
            TreeSet<Integer> winners = new TreeSet<>();
            if (!covered(box(b), Arrays.stream(higher).boxed().toList(), winners)) {
                winners = coverers; // undecided within the budget: name the rules that cover it
            }
            Rule rule = rules.get(b);
            List<Rule> covering = winners.stream().map(rules::get).toList();
            boolean sameModel = covering.stream().allMatch(r -> Objects.equals(r.model(), rule.model()));
            List<Rule> involved = new ArrayList<>(covering);
            involved.add(rule);
            Map<String, String> witness = box(b).sample(terms);
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
         * Whether the rules {@code higher} (in precedence order) together match every request of {@code box}; within
         * {@link #COVER_BUDGET} splits, else "no". Each part is split on the first rule that overlaps it until a rule
         * contains it, so {@code winners} collects the rule that wins each part.
         */
        boolean covered(Box box, List<Integer> higher, TreeSet<Integer> winners) {
            record Part(Box box, int from) {
            }
            Deque<Part> work = new ArrayDeque<>();
            work.push(new Part(box, 0));
            int budget = COVER_BUDGET;
            while (!work.isEmpty()) {
                if (--budget < 0) {
                    return false;
                }
                Part part = work.pop();
                int i = part.from();
                while (i < higher.size() && !box(higher.get(i)).overlaps(part.box())) {
                    i++;
                }
                if (i == higher.size()) {
                    return false; // a part no higher rule matches
                }
                Box rule = box(higher.get(i));
                int attr = part.box().splitAttribute(rule);
                if (attr < 0) {
                    winners.add(higher.get(i));
                    continue;
                }
                ValueSet values = part.box().get(attr);
                work.push(new Part(part.box().with(attr, values.minus(rule.get(attr))), i + 1));
                work.push(new Part(part.box().with(attr, values.intersect(rule.get(attr))), i));
            }
            return true;
        }

        boolean differentModels(int ia, int ib) {
            return !Objects.equals(rules.get(ia).model(), rules.get(ib).model());
        }

        /** Appends "and N more" to the last finding when {@code more} findings of its family were left unlisted. */
        void noteMore(int more, String what) {
            if (more > 0) {
                Finding last = out.remove(out.size() - 1);
                out.add(new Finding(last.check(), last.severity(), last.file(), last.line(), last.column(),
                        last.message() + String.format(java.util.Locale.ROOT, " (and %,d more %s; only the first %d are listed)",
                                more, what, LISTED_PER_RULE), last.hint(), last.rules(), last.witness()));
            }
        }

        void pair(int ia, int ib) {
            Rule a = rules.get(ia);
            Rule b = rules.get(ib);
            if (Objects.equals(a.model(), b.model())) {
                return; // overlapping rules that agree change nothing
            }
            Map<String, String> witness = box(ia).intersectWith(box(ib)).sample(terms);
            if (CompactBox.contains(codes.get(ib), codes.get(ia))) {
                out.add(finding(Check.GENERALIZATION, b, "rule " + a.labelFrom(b.file()) + " carves an exception out of the more general "
                                + b.label() + ": requests it matches go to '" + a.model() + "' instead of '" + b.model() + "'",
                        "intended exceptions need no change", List.of(a, b), witness));
            } else {
                out.add(finding(Check.CORRELATED_RULES, b, "rules " + a.labelFrom(b.file()) + " and " + b.label()
                                + " overlap and pick different models; where both match, " + a.ruleId() + " wins with '" + a.model() + "'",
                        "if that is not intended, make their conditions disjoint", List.of(a, b), witness));
            }
        }

        void unknownUseCase(Rule r, Collection<String> useCases) {
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
    }

    private static Finding finding(Check check, Rule at, String message, String hint, List<Rule> rules, Map<String, String> witness) {
        return new Finding(check, check.defaultSeverity(), at.file(), at.line(), at.column(), message, hint,
                rules.stream().map(Rule::ruleId).toList(), witness);
    }
}
