package dev.modelctl.core.base.doc;

import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.nodes.NodeId;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.resolver.Resolver;

import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The builder's shortcut for plain decimals types them as SnakeYAML's resolver does, and reads the same values. */
class PlainScalarTest {
    private static final List<String> SCALARS = List.of("0", "7", "10", "123", "999999999999999999", "9223372036854775807",
            "12345678901234567890", "00", "0123", "0755", "089", "1_000", "+1", "-1", "-0", "1e3", "1.5", ".5", "1.", "2001-12-14",
            "1:30", "0x1F", "0b101", "\u0663", "12a", "a12", "", " 1", "1 ", "~", "null", "yes", "on", "y", "NO", "true");

    @Test
    void unsignedDecimalsAreWhatTheResolverCallsIntegers() {
        Resolver resolver = new Resolver();
        int shortcuts = 0;
        for (String s : SCALARS) {
            if (YamlTreeBuilder.isUnsignedDecimal(s)) {
                assertEquals(Tag.INT, resolver.resolve(NodeId.scalar, s, true), s);
                shortcuts++;
            }
        }
        assertEquals(7, shortcuts);
        assertTrue(YamlTreeBuilder.isUnsignedDecimal("42"));
        assertFalse(YamlTreeBuilder.isUnsignedDecimal("042"));
    }

    @Test
    void everyScalarReadsAsTheResolverTypesIt() {
        StringBuilder yaml = new StringBuilder();
        for (int i = 0; i < SCALARS.size(); i++) {
            yaml.append("k").append(i).append(": ").append(SCALARS.get(i).isBlank() ? "''" : SCALARS.get(i)).append('\n');
        }
        // twice: the second reading of each value comes from the builder's memo of resolved tags
        yaml.append("again:\n");
        for (int i = 0; i < SCALARS.size(); i++) {
            yaml.append("  k").append(i).append(": ").append(SCALARS.get(i).isBlank() ? "''" : SCALARS.get(i)).append('\n');
        }
        SourceDocument doc = new DocumentLoader().parse(yaml.toString().getBytes(StandardCharsets.UTF_8), "scalars.yaml");
        assertEquals(List.of(), doc.findings());
        for (int i = 0; i < SCALARS.size(); i++) {
            assertEquals(doc.root().get("k" + i), doc.root().get("again").get("k" + i), SCALARS.get(i));
        }
        assertEquals(123L, doc.root().get("k3").longValue());
        assertTrue(doc.root().get("k3").isLong());
        assertEquals(9223372036854775807L, doc.root().get("k5").longValue());
        assertTrue(doc.root().get("k6").isBigInteger());
        assertTrue(doc.root().get("k2").isLong() && doc.root().get("k2").longValue() == 10);
    }
}
