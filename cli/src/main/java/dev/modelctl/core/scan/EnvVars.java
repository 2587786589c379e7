package dev.modelctl.core.scan;

import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;

/**
 * Finds environment variables where deployment files set them, by parsing each format (never by grepping it):
 * YAML/JSON ({@link StructuredEnv}: serverless.yml, SAM/CloudFormation, docker-compose, Kubernetes, GitHub workflows,
 * ECS task definitions, Terraform JSON), Dockerfile {@code ENV} ({@link DockerfileEnv}), {@code .env} files
 * ({@link DotenvEnv}), Terraform HCL ({@link HclEnv}) and CDK code in TypeScript/JavaScript, Python, Java and Kotlin
 * ({@link CodeEnv}).
 */
public final class EnvVars {
    /** The file formats that can set environment variables, by file name. */
    enum Format {
        DOTENV("="),
        DOCKERFILE("ENV", "env", "Env"),
        // the env blocks of these formats are mapping keys (`env:`, `Environment:`, `Variables:`, quoted in JSON),
        // or a ConfigMap's data; `nvironment` and `ariables` cover both spellings and the quoted JSON keys
        STRUCTURED("nvironment", "ariables", "env:", "\"env\"", "ConfigMap"),
        TERRAFORM("nvironment", "ariables", "env"),
        CODE("nvironment"),
        NONE;

        /** Words one of which a file of this format must contain to set an environment variable at all. */
        final List<String> introducers;

        Format(String... introducers) {
            this.introducers = List.of(introducers);
        }

        static Format of(String path) {
            String name = path.substring(path.lastIndexOf('/') + 1).toLowerCase(Locale.ROOT);
            if (name.equals(".env") || name.startsWith(".env.") || name.endsWith(".env")) {
                return DOTENV;
            }
            if (name.equals("dockerfile") || name.startsWith("dockerfile.") || name.endsWith(".dockerfile")
                    || name.equals("containerfile")) {
                return DOCKERFILE;
            }
            if (name.endsWith(".yml") || name.endsWith(".yaml") || name.endsWith(".json") || name.endsWith(".template")) {
                return STRUCTURED; // includes Terraform's JSON syntax (.tf.json)
            }
            if (name.endsWith(".tf") || name.endsWith(".hcl") || name.endsWith(".tfvars")) {
                return TERRAFORM;
            }
            if (name.endsWith(".ts") || name.endsWith(".js") || name.endsWith(".mjs") || name.endsWith(".py")
                    || name.endsWith(".java") || name.endsWith(".kt")) {
                return CODE;
            }
            return NONE;
        }
    }

    /** What a model key name contains (see {@link #isModelKey}). */
    private static final List<String> KEY_WORDS = List.of("MODEL", "FM_ID", "BEDROCK");

    private final StructuredEnv structured;

    public EnvVars(long maxBytes) {
        this.structured = new StructuredEnv(maxBytes);
    }

    /**
     * Whether a variable name is one of the model-selecting kinds: the globs {@code *MODEL*}, {@code *FM_ID*},
     * {@code *BEDROCK*}, case-sensitive like any glob (environment variable names are upper case by convention).
     */
    public static boolean isModelKey(String name) {
        return name.contains("MODEL") || name.contains("FM_ID") || name.contains("BEDROCK");
    }

    /**
     * Cheap pre-filter on the file's Latin-1 view: a format that can set env vars, a word that introduces them in
     * that format, and a model key word. Most files fail it and are never decoded or parsed.
     */
    public static boolean mayHaveModelKeys(String path, byte[] bytes, Supplier<String> latin1) {
        Format format = Format.of(path);
        if (format == Format.NONE || !hasKeyWord(bytes)) {
            return false;
        }
        String text = latin1.get();
        return format.introducers.stream().anyMatch(text::contains);
    }

    private static final long DS = ByteSearch.broadcast((byte) 'D');

    /** Whether MODEL, FM_ID or BEDROCK occurs: each has a 'D', so one pass over the D's answers for all three. */
    static boolean hasKeyWord(byte[] b) {
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

    /** Whether the 'D' at {@code d} is the D of a key word. */
    private static boolean keyWordAt(byte[] b, int d) {
        if (b[d] != 'D') {
            return false;
        }
        for (String w : KEY_WORDS) {
            int start = d - w.indexOf('D');
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
        return switch (Format.of(path)) {
            case DOTENV -> DotenvEnv.extract(text);
            case DOCKERFILE -> DockerfileEnv.extract(text);
            case STRUCTURED -> structured.extract(path, text);
            case TERRAFORM -> HclEnv.extract(text, structured);
            case CODE -> CodeEnv.extract(text, path.toLowerCase(Locale.ROOT).endsWith(".py"));
            case NONE -> List.of();
        };
    }
}
