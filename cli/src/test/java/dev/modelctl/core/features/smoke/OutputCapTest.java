package dev.modelctl.core.features.smoke;

import dev.modelctl.core.model.catalog.CatalogModel;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The cap lowers only what the catalog calls valid; the estimate never counts more output than the model can give. */
class OutputCapTest {
    private static final CatalogModel HAIKU = new CatalogModel("anthropic.claude-3-haiku-20240307-v1:0", "anthropic", "claude-3-haiku",
            4096, 200000, List.of("anthropic_version", "max_tokens"), List.of("bedrock-2023-05-31"), 0.00025, 0.00125, "anthropic-messages", "");

    @Test
    void lowersOnlyValidValues() {
        OutputCap cap = OutputCap.standard();
        assertEquals(32L, cap.tokensToSend(4096L, HAIKU));
        assertEquals(16L, cap.tokensToSend(16L, HAIKU), "already under the cap");
        assertEquals(4097L, cap.tokensToSend(4097L, HAIKU), "over the limit: sent as written so Bedrock refuses it");
        assertEquals(0L, cap.tokensToSend(0L, HAIKU), "below 1: sent as written");
        assertNull(cap.tokensToSend(null, HAIKU), "absent: nothing is added");
        assertEquals(4096L, OutputCap.parse("document").tokensToSend(4096L, HAIKU));
        assertEquals(7L, OutputCap.parse(" 7 ").tokensToSend(4096L, HAIKU));
        assertThrows(IllegalArgumentException.class, () -> OutputCap.parse("-3"));
        assertThrows(IllegalArgumentException.class, () -> OutputCap.parse("lots"));
    }

    @Test
    void estimateIsPromptPlusTheOutputTheRequestAllows() {
        assertEquals(0.032 * 0.00025 + 0.032 * 0.00125, SmokePlanner.estimate(HAIKU, 32L), 1e-15);
        assertEquals(0.032 * 0.00025 + 4.096 * 0.00125, SmokePlanner.estimate(HAIKU, 9000L), 1e-15, "capped at the model's maximum");
        assertEquals(0.032 * 0.00025 + 4.096 * 0.00125, SmokePlanner.estimate(HAIKU, null), 1e-15, "no max_tokens: up to the maximum");
        assertEquals(0.032 * 0.00025, SmokePlanner.estimate(HAIKU, 0L), 1e-15, "refused: no output");
    }
}
