package dev.modelctl.core.base.doc;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.events.Event;
import org.yaml.snakeyaml.parser.Parser;
import org.yaml.snakeyaml.parser.ParserImpl;
import org.yaml.snakeyaml.reader.StreamReader;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The parser thread changes nothing a reader can see: the same events in the same order, the same exception at the
 * same place, and so the same tree, positions and findings, also across batch boundaries and when the reader stops early.
 */
class PipelinedParserTest {
    /** A document of {@code rules} rules (several event batches), with {@code tail} appended at the end of the rules. */
    private static String document(int rules, String tail) {
        StringBuilder yaml = new StringBuilder("version: 1\nmodels:\n  base: &base\n    model_id: amazon.nova-lite-v1:0\n    max_tokens: 2048\n"
                + "  copy:\n    <<: *base\n    max_tokens: 1024\nrules:\n");
        for (int i = 0; i < rules; i++) {
            yaml.append("- rule_id: r").append(i).append("\n  priority: ").append(i + 1)
                    .append("\n  conditions:\n    task_type: [a, b]\n    tier: ").append(i % 7 == 0 ? "on" : "gold")
                    .append("\n  model: base\n");
        }
        return yaml.append(tail).toString();
    }

    private static final List<String> DOCUMENTS = List.of(
            document(3_000, ""),
            document(3_000, "- rule_id: broken\n  priority: [1\n"),             // a syntax error after many batches
            document(3_000, "- rule_id: dup\n  priority: 1\n  priority: 2\n"),  // a duplicate key
            document(3_000, "---\nversion: 2\n"),                                // a second document: the reader stops early
            "version: 1\nrules: [\n" + "  {rule_id: x},\n".repeat(2_000) + "  {rule_id: \"unterminated}\n]\n",
            "a: *nowhere\n" + "b: 1\n".repeat(5_000),                           // the reader fails at once; the parser ran ahead
            "[".repeat(70) + "x" + "]".repeat(70) + "\n");                         // deeper than the nesting limit

    @Test
    void theReaderSeesTheParsersOwnEventsAndFailures() {
        for (String yaml : DOCUMENTS) {
            List<String> direct = events(parser(yaml));
            Parser pipelined = new PipelinedParser(parser(yaml));
            List<String> viaThread = events(pipelined);
            ((PipelinedParser) pipelined).close();
            assertEquals(direct, viaThread, yaml.substring(0, 40));
        }
        assertTrue(events(parser(DOCUMENTS.get(0))).size() > 20 * 1_024, "the documents span many batches");
        assertTrue(events(parser(DOCUMENTS.get(1))).stream().anyMatch(e -> e.startsWith("failed")), "a failure after many batches");
    }

    @Test
    void treesPositionsAndFindingsAreTheSame() {
        for (String yaml : DOCUMENTS) {
            SourceDocument direct = new YamlTreeBuilder("doc.yaml", Integer.MAX_VALUE).build(yaml);
            SourceDocument pipelined = new YamlTreeBuilder("doc.yaml", 0).build(yaml);
            assertEquals(direct.findings(), pipelined.findings());
            assertEquals(direct.root(), pipelined.root());
            assertEquals(direct.yaml11(), pipelined.yaml11());
            if (direct.parsed()) {
                assertSamePositions(direct, pipelined, direct.root(), "");
            }
        }
        String multi = document(3_000, "---\nversion: 2\n");
        assertEquals(2, new YamlTreeBuilder("doc.yaml", 0).buildAll(multi).size());
    }

    @Test
    void aReaderThatStopsEarlyStopsTheParserThread() throws InterruptedException {
        SourceDocument doc = new YamlTreeBuilder("doc.yaml", 0).build("a: *nowhere\n" + "b: 1\n".repeat(200_000));
        assertFalse(doc.parsed());
        long deadline = System.nanoTime() + 5_000_000_000L;
        while (parserThreadAlive() && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertFalse(parserThreadAlive(), "the yaml-parser thread ended");
    }

    private static boolean parserThreadAlive() {
        return Thread.getAllStackTraces().keySet().stream().anyMatch(t -> t.getName().equals("yaml-parser") && t.isAlive());
    }

    private static void assertSamePositions(SourceDocument a, SourceDocument b, JsonNode node, String pointer) {
        assertEquals(a.valueAt(pointer), b.valueAt(pointer), pointer);
        assertEquals(a.keyAt(pointer), b.keyAt(pointer), pointer);
        if (node.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                assertSamePositions(a, b, e.getValue(), pointer + "/" + SourceDocument.escape(e.getKey()));
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                assertSamePositions(a, b, node.get(i), pointer + "/" + i);
            }
        }
    }

    private static Parser parser(String yaml) {
        LoaderOptions options = new LoaderOptions();
        options.setNestingDepthLimit(DocumentLoader.MAX_DEPTH);
        return new ParserImpl(new StreamReader(new StringReader(yaml)), options);
    }

    /** Every event with its marks, then how the stream ended: its end, or the failure and where. */
    private static List<String> events(Parser parser) {
        List<String> out = new ArrayList<>();
        try {
            while (true) {
                boolean end = parser.checkEvent(Event.ID.StreamEnd);
                Event peeked = parser.peekEvent();
                Event event = parser.getEvent();
                if (event == null) {
                    out.add("null");
                    return out;
                }
                assertTrue(peeked == event, "peek shows the next event");
                out.add(event + " " + event.getStartMark().getIndex() + "-" + event.getEndMark().getIndex());
                if (end) {
                    out.add("end; then " + parser.peekEvent());
                    return out;
                }
            }
        } catch (RuntimeException | StackOverflowError e) {
            out.add("failed " + e);
            return out;
        }
    }
}
