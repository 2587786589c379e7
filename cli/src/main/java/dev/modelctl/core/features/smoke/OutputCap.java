package dev.modelctl.core.features.smoke;

import dev.modelctl.core.model.catalog.CatalogModel;

/**
 * How many output tokens a smoke call may ask for. A smoke call only needs a one-word answer, but the document's
 * {@code max_tokens} is part of what is being tested, so the cap only ever lowers a value the catalog says is valid:
 * a {@code max_tokens} over the model's limit (or below 1) is sent exactly as written, Bedrock refuses it with its own
 * ValidationException (a refused request generates nothing and costs nothing), and the error is not hidden. What the
 * cap cannot reveal is a catalog limit higher than Bedrock's real one; {@code --max-output-tokens document} sends every
 * value as written for that (at the cost of a larger worst-case estimate).
 *
 * @param tokens the cap, or {@code null} to send the document's values unchanged
 */
public record OutputCap(Long tokens) {
    public static final long DEFAULT_TOKENS = 32;

    public static OutputCap standard() {
        return new OutputCap(DEFAULT_TOKENS);
    }

    /** {@code document} or a positive integer. */
    public static OutputCap parse(String text) {
        if (text.trim().equalsIgnoreCase("document")) {
            return new OutputCap(null);
        }
        try {
            long n = Long.parseLong(text.trim());
            if (n >= 1) {
                return new OutputCap(n);
            }
        } catch (NumberFormatException e) {
            // fall through to the one message
        }
        throw new IllegalArgumentException("'" + text + "' is neither a positive number of tokens nor 'document'");
    }

    /** The output-token limit to put in the request ({@code null}: the block sets none, so none is sent). */
    public Long tokensToSend(Long documentMaxTokens, CatalogModel model) {
        if (tokens == null || documentMaxTokens == null) {
            return documentMaxTokens;
        }
        boolean validPerCatalog = documentMaxTokens >= 1 && (!model.limitsKnown() || documentMaxTokens <= model.maxOutputTokens());
        return validPerCatalog ? Math.min(documentMaxTokens, tokens) : documentMaxTokens;
    }
}
