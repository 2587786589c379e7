package dev.modelctl.core.model.config;

import org.junit.jupiter.api.Test;

import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Glob: the language of Java's glob path matchers (which scan.allow used before), matched without backtracking. */
class GlobTest {
    static final List<String> PATTERNS = List.of("**/model_routing_config.*", "catalog/**", "*.py", "src/*/x.py", "a?c",
            "[abc]*.md", "[!a-c]*", "{docs,rules}/**", "**.{yaml,yml}", "d\\*x", "**/[a-z]?/*.js", "*", "**", "a*b*c", "x[0-9]-[a-f].txt");
    static final List<String> PATHS = List.of("model_routing_config.yaml", "deploy/model_routing_config.json", "catalog/a.yaml",
            "catalog", "x.py", "src/x.py", "src/a/x.py", "src/a/b/x.py", "abc", "a/c", "b.md", "d.md", "docs/a/b.md", "rules/r.yaml",
            "a.yml", "deep/a.yaml", "d*x", "dyx", "q/ab/f.js", "abbbc", "a/b/c", "x5-e.txt", "x5-g.txt", "", "caf\u00e9.py", "a\\b.py");

    @Test
    void pathGlobsAgreeWithJavasGlobMatcher() {
        for (String pattern : PATTERNS) {
            var java = FileSystems.getDefault().getPathMatcher("glob:" + pattern);
            Glob glob = Glob.path(pattern);
            for (String path : PATHS) {
                assertEquals(java.matches(Path.of(path)), glob.matches(path), () -> pattern + " on '" + path + "'");
            }
        }
    }

    @Test
    void ruleIdGlobsTreatOnlyStarAndQuestionMarkAsSpecial() {
        assertTrue(Glob.ruleId("core-*").matches("core-intent/fast"));
        assertTrue(Glob.ruleId("rec-?").matches("rec-1"));
        assertFalse(Glob.ruleId("rec-?").matches("rec-12"));
        assertTrue(Glob.ruleId("[x]{y}").matches("[x]{y}"));
        assertFalse(Glob.ruleId("[x]").matches("x"));
    }

    @Test
    void pathologicalPatternsCostWhatSimpleOnesCost() {
        String id = "a".repeat(50_000);
        assertTimeoutPreemptively(Duration.ofSeconds(10), () -> {
            assertFalse(Glob.ruleId("****************z").matches(id));
            assertFalse(Glob.ruleId("*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*z").matches(id));
            assertFalse(Glob.path("**a**a**a**a**a**a**a**a**a**a**z").matches(id));
        });
    }

    @Test
    void malformedGlobsSayWhatAndWhere() {
        assertEquals("bad glob '[a': '[' without a closing ']' at character 1", assertThrows(Glob.SyntaxException.class, () -> Glob.path("[a")).getMessage());
        assertEquals("bad glob 'x{a,b': '{' without a closing '}' at character 2", assertThrows(Glob.SyntaxException.class, () -> Glob.path("x{a,b")).getMessage());
        assertEquals("bad glob '{a,{b}}': nested '{' at character 4", assertThrows(Glob.SyntaxException.class, () -> Glob.path("{a,{b}}")).getMessage());
        assertThrows(Glob.SyntaxException.class, () -> Glob.path("[z-a]"));
        assertThrows(Glob.SyntaxException.class, () -> Glob.path("a\\"));
    }
}
