package dev.modelctl.core.base.doc;

import dev.modelctl.core.base.io.InputException;
import dev.modelctl.core.base.finding.Check;
import dev.modelctl.core.base.finding.Finding;
import dev.modelctl.core.base.io.InputFiles;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Strict YAML/JSON loading that keeps the source position of every node. Content problems (malformed syntax, duplicate
 * keys, several YAML documents, alias bombs, absurd nesting, invalid UTF-8) become findings; a file that cannot be read
 * at all (missing, too large, binary) is an {@link InputException}. Never hangs: input size, nesting depth, alias count
 * and expanded node count are all bounded.
 */
public final class DocumentLoader {
    public static final long DEFAULT_MAX_BYTES = 8L * 1024 * 1024;
    static final int MAX_DEPTH = 64;
    /**
     * The longest YAML line read: SnakeYAML's reader copies its unread window on every refill, so one multi-megabyte
     * line costs quadratic time (8 MiB took 30 s). Routing documents written by people never come near it; a
     * machine-written one should be JSON, which has no such limit.
     */
    static final int MAX_YAML_LINE = 1024 * 1024;
    static final int MAX_ALIASES = 50;
    static final int MAX_NODES = 2_000_000;

    static final Pattern YAML11_BOOL = Pattern.compile(
            "y|Y|yes|Yes|YES|n|N|no|No|NO|true|True|TRUE|false|False|FALSE|on|On|ON|off|Off|OFF");
    static final Pattern PLAIN_BOOL = Pattern.compile("true|True|TRUE|false|False|FALSE");
    static final Pattern PLAIN_DECIMAL = Pattern.compile("[-+]?(0|[1-9][0-9]*)");

    private final long maxBytes;
    private final String limitHint;
    private final String kind;

    public DocumentLoader() {
        this(DEFAULT_MAX_BYTES);
    }

    public DocumentLoader(long maxBytes) {
        this(maxBytes, null);
    }

    /** @param limitHint how the caller lets users raise the limit (e.g. a flag), appended to the too-large message */
    public DocumentLoader(long maxBytes, String limitHint) {
        this(maxBytes, limitHint, "routing document");
    }

    private DocumentLoader(long maxBytes, String limitHint, String kind) {
        this.maxBytes = maxBytes;
        this.limitHint = limitHint;
        this.kind = kind;
    }

    /**
     * The same loader for another kind of file ({@code "repo config"}, {@code "model catalog"}, {@code "ownership
     * file"}): its messages speak of that kind, and an empty file is "empty KIND" rather than a routing-document hint.
     */
    public DocumentLoader of(String kind) {
        return new DocumentLoader(maxBytes, limitHint, kind);
    }

    /** True when {@code bytes} hold nothing but blank lines and YAML comments (an empty config file is valid). */
    public static boolean blankOrComments(byte[] bytes) {
        String text = new String(bytes, StandardCharsets.UTF_8);
        return text.lines().map(String::strip).allMatch(l -> l.isEmpty() || l.startsWith("#") || l.equals("\uFEFF"));
    }

    /** Reads and parses {@code path}; {@code displayName} is how findings name the file. */
    public SourceDocument load(Path path, String displayName) {
        return parse(readBytes(path, displayName), displayName);
    }

    public SourceDocument load(Path path) {
        return load(path, path.toString());
    }

    /** Parses bytes already in memory (a git blob, a test fixture); JSON when the name ends in {@code .json}. */
    public SourceDocument parse(byte[] bytes, String displayName) {
        if (bytes.length > maxBytes) {
            throw new InputException(displayName + ": " + bytes.length + " bytes exceeds the " + maxBytes + "-byte limit for " + kind + "s"
                    + (limitHint == null ? "" : " (" + limitHint + ")"));
        }
        if (!kind.equals("routing document") && blankOrComments(bytes)) {
            return failed(displayName, new Position(1, 1), "empty " + kind);
        }
        if (looksBinary(bytes)) {
            throw new InputException(displayName + ": binary file (NUL bytes), not a YAML or JSON document");
        }
        String text;
        try {
            text = decodeUtf8(bytes);
        } catch (MalformedInputException e) {
            return failed(displayName, positionOfByte(bytes, firstInvalidByte(bytes)),
                    "invalid UTF-8 byte sequence; save the file as UTF-8");
        }
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        boolean json = displayName.toLowerCase(Locale.ROOT).endsWith(".json");
        if (json) {
            return new JsonTreeBuilder(displayName).build(text);
        }
        int longLine = lineLongerThan(text, MAX_YAML_LINE);
        if (longLine > 0) {
            return failed(displayName, new Position(longLine, MAX_YAML_LINE + 1), String.format(Locale.ROOT,
                    "line %d is longer than %,d characters; YAML lines are limited (write machine-generated documents as JSON)",
                    longLine, MAX_YAML_LINE));
        }
        return new YamlTreeBuilder(displayName).build(text);
    }

    /**
     * Every document of a YAML stream (Kubernetes manifests, several resources per file), or the single JSON document.
     * Used by the scanner, which reads configuration files of other tools rather than routing documents.
     */
    public List<SourceDocument> parseAll(byte[] bytes, String displayName) {
        if (bytes.length > maxBytes || looksBinary(bytes)) {
            return List.of();
        }
        String text = new String(bytes, StandardCharsets.UTF_8);
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        if (displayName.toLowerCase(Locale.ROOT).endsWith(".json")) {
            return List.of(new JsonTreeBuilder(displayName).build(text));
        }
        if (lineLongerThan(text, MAX_YAML_LINE) > 0) {
            return List.of(); // not a configuration file a person wrote: the scanner still matches its text
        }
        return new YamlTreeBuilder(displayName).buildAll(text);
    }

    /** The 1-based number of the first line longer than {@code limit} characters, or 0. */
    static int lineLongerThan(String text, int limit) {
        int line = 1;
        int start = 0;
        for (int i = 0, n = text.length(); i <= n; i++) {
            if (i == n || text.charAt(i) == '\n') {
                if (i - start > limit) {
                    return line;
                }
                line++;
                start = i + 1;
            }
        }
        return 0;
    }

    /** The largest file this loader accepts, in bytes. */
    public long maxBytes() {
        return maxBytes;
    }

    /**
     * The bytes of the regular file {@code path} within this loader's size limit (checked before reading), or empty
     * when it does not exist; anything else is one {@link InputException} line naming {@code displayName}.
     */
    public java.util.Optional<byte[]> readIfExists(Path path, String displayName) {
        return InputFiles.readIfExists(path, displayName, maxBytes, kind, limitHint);
    }

    private byte[] readBytes(Path path, String displayName) {
        return InputFiles.read(path, displayName, maxBytes, kind, limitHint);
    }

    private static boolean looksBinary(byte[] bytes) {
        int n = Math.min(bytes.length, 8192);
        for (int i = 0; i < n; i++) {
            if (bytes[i] == 0) {
                return true;
            }
        }
        return false;
    }

    private static String decodeUtf8(byte[] bytes) throws MalformedInputException {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        try {
            return decoder.decode(ByteBuffer.wrap(bytes)).toString();
        } catch (MalformedInputException e) {
            throw e;
        } catch (CharacterCodingException e) {
            throw new MalformedInputException(0);
        }
    }

    private static int firstInvalidByte(byte[] bytes) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        java.nio.CharBuffer out = java.nio.CharBuffer.allocate(bytes.length + 1);
        decoder.decode(in, out, true);
        return in.position();
    }

    /** Line and column (1-based, in characters) of byte {@code offset}. */
    private static Position positionOfByte(byte[] bytes, int offset) {
        int line = 1;
        int lineStart = 0;
        for (int i = 0; i < offset && i < bytes.length; i++) {
            if (bytes[i] == '\n') {
                line++;
                lineStart = i + 1;
            }
        }
        String prefix = new String(bytes, lineStart, Math.max(0, offset - lineStart), StandardCharsets.UTF_8);
        return new Position(line, prefix.length() + 1);
    }

    private static SourceDocument failed(String file, Position at, String message) {
        Finding f = Finding.of(Check.SYNTAX_ERROR, file, at.line(), at.column(), message, null);
        return new SourceDocument(file, null, new LocationTree(), List.of(f), Map.of());
    }

    static final String NUMBER_OUT_OF_RANGE = "number out of range (integers must be within ±2^53, the range every JSON parser reads exactly)";

    /** What a parser limit means for the document: Jackson's messages name its API, not the input. */
    static String constraintMessage(String jacksonMessage) {
        String m = jacksonMessage == null ? "" : jacksonMessage;
        if (m.startsWith("Number value length") || m.contains("getMaxNumberLength")) {
            return "number with more than 1000 digits; " + NUMBER_OUT_OF_RANGE;
        }
        if (m.startsWith("String value length") || m.contains("getMaxStringLength")) {
            return "string value too long";
        }
        if (m.startsWith("Name length") || m.contains("getMaxNameLength")) {
            return "key too long";
        }
        return "nesting deeper than " + MAX_DEPTH + " levels";
    }

    static String oneLine(String message) {
        if (message == null) {
            return "malformed input";
        }
        String s = message.replaceAll("\\s*\\n\\s*", "; ").trim();
        return s.length() > 300 ? s.substring(0, 297) + "..." : s;
    }
}
