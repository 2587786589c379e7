package dev.modelctl.core.base.finding;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

class FingerprintsTest {
    private static Finding scan(int line, String id) {
        return Finding.of(Check.HARDCODED_MODEL_ID, "service.py", line, 9, "hard-coded Bedrock model ID '" + id + "' in service.py:" + line, null);
    }

    @Test
    void theLineDoesNotCountButTheModelIdsVersionDoes() {
        String v0 = "anthropic.claude-3-haiku-20240307-v1:0";
        assertEquals(Fingerprints.of(List.of(scan(3, v0))), Fingerprints.of(List.of(scan(40, v0))));
        assertNotEquals(Fingerprints.of(List.of(scan(3, v0))), Fingerprints.of(List.of(scan(3, "anthropic.claude-3-haiku-20240307-v1:1"))));
    }

    @Test
    void repeatsAreToldApartByTheirOccurrence() {
        String id = "amazon.nova-lite-v1:0";
        List<String> fps = Fingerprints.of(List.of(scan(3, id), scan(9, id)));
        assertNotEquals(fps.get(0), fps.get(1));
        assertEquals(fps, Fingerprints.of(List.of(scan(5, id), scan(12, id))));
    }

    @Test
    void theBaselineSchemeWithAnExplicitSubject() {
        Finding f = scan(3, "x");
        assertEquals(Fingerprints.of(List.of(f), List.of("x")), Fingerprints.of(List.of(scan(7, "y")), List.of("x")));
    }
}
