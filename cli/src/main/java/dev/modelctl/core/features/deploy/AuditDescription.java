package dev.modelctl.core.features.deploy;

/**
 * The description AppConfig stores with a hosted version and a deployment: who, what, from which commit. AppConfig
 * takes at most 1024 characters, and the hosted version's travels in an HTTP header, so ASCII only
 * (docs/oncall.md, "Audit trail").
 */
public final class AuditDescription {
    public static final int MAX_LENGTH = 1024;

    private AuditDescription() {
    }

    /** ASCII-only (other characters become '?', control characters a space), at most 1024 characters. */
    public static String of(String text) {
        StringBuilder sb = new StringBuilder(Math.min(text.length(), MAX_LENGTH));
        for (int i = 0; i < text.length() && sb.length() < MAX_LENGTH; ) {
            int cp = text.codePointAt(i);
            i += Character.charCount(cp);
            sb.append(cp < 0x20 || cp == 0x7f ? ' ' : cp < 0x7f ? (char) cp : '?');
        }
        if (sb.length() == MAX_LENGTH && text.length() > MAX_LENGTH) {
            sb.setLength(MAX_LENGTH - 3);
            sb.append("...");
        }
        return sb.toString();
    }
}
