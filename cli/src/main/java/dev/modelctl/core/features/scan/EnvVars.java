package dev.modelctl.core.features.scan;

import java.util.List;
import java.util.Locale;

/**
 * Finds environment variables where deployment files set them, by parsing each format (never by grepping it):
 * YAML/JSON ({@link StructuredEnv}: serverless.yml, SAM/CloudFormation, docker-compose, Kubernetes, GitHub workflows,
 * ECS task definitions, Terraform JSON), Dockerfile {@code ENV} ({@link DockerfileEnv}), {@code .env} files
 * ({@link DotenvEnv}), Terraform HCL ({@link HclEnv}) and CDK code in TypeScript/JavaScript, Python, Java and Kotlin
 * ({@link CodeEnv}).
 */
public final class EnvVars {
    /**
     * The file formats that can set environment variables. Each declares the file names it reads (globs on the
     * lower-cased file name: {@code dockerfile.*}, {@code *.tf}), the words one of which a file must contain to set a
     * variable at all (the pre-filter: a file without one is never parsed), and its parser. The first format whose
     * pattern matches a file name reads it. Adding a format: docs/scan.md, "Environment variables".
     */
    enum Format {
        DOTENV(List.of(".env", ".env.*", "*.env"), List.of("="), (env, path, text) -> DotenvEnv.extract(text)),
        DOCKERFILE(List.of("dockerfile", "dockerfile.*", "*.dockerfile", "containerfile"), List.of("ENV", "env", "Env"),
                (env, path, text) -> DockerfileEnv.extract(text)),
        // the env blocks of these formats are mapping keys (`env:`, `Environment:`, `Variables:`, quoted in JSON),
        // or a ConfigMap's data; `nvironment` and `ariables` cover both spellings and the quoted JSON keys
        STRUCTURED(List.of("*.yml", "*.yaml", "*.json", "*.template"), List.of("nvironment", "ariables", "env:", "\"env\"", "ConfigMap"),
                (env, path, text) -> env.structured.extract(path, text)), // includes Terraform's JSON syntax (.tf.json)
        TERRAFORM(List.of("*.tf", "*.hcl", "*.tfvars"), List.of("nvironment", "ariables", "env"),
                (env, path, text) -> HclEnv.extract(text, env.structured)),
        CODE(List.of("*.ts", "*.js", "*.mjs", "*.py", "*.java", "*.kt"), List.of("nvironment"),
                (env, path, text) -> CodeEnv.extract(text, path.toLowerCase(Locale.ROOT).endsWith(".py"))),
        NONE(List.of(), List.of(), (env, path, text) -> List.of());

        /** Globs on the lower-cased file name, each with at most one '*' (a prefix, a suffix or both). */
        final List<String> filePatterns;
        /** Words one of which a file of this format must contain to set an environment variable at all. */
        final List<String> introducers;
        /** The same words, prepared for the byte search (a format's pre-filter runs over every file of its kind). */
        private final List<ByteSearch.Literal> introducerBytes;
        private final Parser parser;

        Format(List<String> filePatterns, List<String> introducers, Parser parser) {
            this.filePatterns = filePatterns;
            this.introducers = introducers;
            this.introducerBytes = introducers.stream().map(ByteSearch.Literal::of).toList();
            this.parser = parser;
        }

        /** Whether the file's bytes contain one of the introducers. */
        boolean mayIntroduce(byte[] bytes) {
            for (ByteSearch.Literal word : introducerBytes) {
                if (ByteSearch.contains(bytes, word)) {
                    return true;
                }
            }
            return false;
        }

        static Format of(String path) {
            String name = path.substring(path.lastIndexOf('/') + 1).toLowerCase(Locale.ROOT);
            for (Format f : values()) {
                if (f.filePatterns.stream().anyMatch(p -> matches(p, name))) {
                    return f;
                }
            }
            return NONE;
        }

        private static boolean matches(String pattern, String name) {
            int star = pattern.indexOf('*');
            if (star < 0) {
                return name.equals(pattern);
            }
            String head = pattern.substring(0, star);
            String tail = pattern.substring(star + 1);
            return name.length() >= head.length() + tail.length() && name.startsWith(head) && name.endsWith(tail);
        }

        List<EnvVar> extract(EnvVars env, String path, String text) {
            return parser.extract(env, path, text);
        }
    }

    /** A format's parser: every variable the file sets. */
    @FunctionalInterface
    interface Parser {
        List<EnvVar> extract(EnvVars env, String path, String text);
    }

    /**
     * The words of the model-selecting name globs {@code *MODEL*}, {@code *FM_ID*}, {@code *BEDROCK*}: the one list
     * that {@link #isModelKey} and the byte pre-filter {@link #hasKeyWord} both read.
     */
    static final List<String> KEY_WORDS = List.of("MODEL", "FM_ID", "BEDROCK");
    /** A byte every key word contains ('D'), so one pass over that byte finds them all; 0 when they share none. */
    private static final byte SHARED = shared(KEY_WORDS);

    private static byte shared(List<String> words) {
        for (char c : words.get(0).toCharArray()) {
            if (words.stream().allMatch(w -> w.indexOf(c) >= 0)) {
                return (byte) c;
            }
        }
        return 0;
    }

    private final StructuredEnv structured;

    public EnvVars(long maxBytes) {
        this.structured = new StructuredEnv(maxBytes);
    }

    /**
     * Whether a variable name is one of the model-selecting kinds: the globs {@code *MODEL*}, {@code *FM_ID*},
     * {@code *BEDROCK*}, case-sensitive like any glob (environment variable names are upper case by convention).
     */
    public static boolean isModelKey(String name) {
        return KEY_WORDS.stream().anyMatch(name::contains);
    }

    /**
     * Cheap pre-filter on the file's bytes: a format that can set env vars, a model key word, and a word that
     * introduces variables in that format (both searched eight bytes at a time: most files fail it and are never
     * decoded or parsed, and it runs on every file, before the JIT has compiled anything; docs/scan.md).
     */
    public static boolean mayHaveModelKeys(String path, byte[] bytes) {
        Format format = Format.of(path);
        return format != Format.NONE && hasKeyWord(bytes) && format.mayIntroduce(bytes);
    }

    private static final long DS = ByteSearch.broadcast(SHARED);

    /** Whether a key word occurs: each has a 'D', so one pass over the D's answers for all of them. */
    static boolean hasKeyWord(byte[] b) {
        if (SHARED == 0) { // key words without a common byte: one search each
            String text = new String(b, java.nio.charset.StandardCharsets.ISO_8859_1);
            return KEY_WORDS.stream().anyMatch(text::contains);
        }
        int i = 0;
        for (; i + 8 <= b.length; i += 8) {
            for (long z = ByteSearch.flags(ByteSearch.word(b, i), DS); z != 0; z &= z - 1) {
                if (keyWordAt(b, i + ByteSearch.lowest(z))) {
                    return true;
                }
            }
        }
        for (; i < b.length; i++) {
            if (keyWordAt(b, i)) {
                return true;
            }
        }
        return false;
    }

    /** Whether the shared byte at {@code d} is part of a key word. */
    private static boolean keyWordAt(byte[] b, int d) {
        if (b[d] != SHARED) {
            return false;
        }
        for (String w : KEY_WORDS) {
            int start = d - w.indexOf(SHARED);
            if (start >= 0 && start + w.length() <= b.length) {
                boolean same = true;
                for (int k = 0; k < w.length() && same; k++) {
                    same = b[start + k] == w.charAt(k);
                }
                if (same) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Every environment variable the file sets (of any name), with positions. */
    public List<EnvVar> extract(String path, String text) {
        return Format.of(path).extract(this, path, text);
    }
}
