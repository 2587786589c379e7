package dev.modelctl.core.checks.engine;

import dev.modelctl.core.base.doc.Position;
import dev.modelctl.core.base.doc.SourceDocument;
import dev.modelctl.core.base.finding.Check;
import dev.modelctl.core.base.finding.Finding;

/** Builds findings positioned at a JSON pointer of a source document. */
public final class FindingFactory {
    private FindingFactory() {
    }

    /** A finding at the value of {@code pointer}. */
    public static Finding at(SourceDocument doc, String pointer, Check check, String message, String hint) {
        Position p = doc.valueAt(pointer);
        return Finding.of(check, doc.file(), p.line(), p.column(), message, hint);
    }

    /** A finding at the key that names {@code pointer}. */
    public static Finding atKey(SourceDocument doc, String pointer, Check check, String message, String hint) {
        Position p = doc.keyAt(pointer);
        return Finding.of(check, doc.file(), p.line(), p.column(), message, hint);
    }
}
