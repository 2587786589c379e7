package dev.modelctl.cli;

import dev.modelctl.core.model.catalog.ModelCatalog;
import dev.modelctl.core.model.config.RepoConfig;
import dev.modelctl.core.checks.engine.CheckContext;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

/** The routing documents a command works on (default: those the repo config lists) and the catalog to check them against. */
public final class DocumentOptions {
    @Parameters(paramLabel = "FILE", arity = "0..*",
            description = "Routing documents (YAML or JSON). Default: the documents listed in .modelctl.yaml.")
    List<Path> files = List.of();

    @Option(names = "--catalog", paramLabel = "FILE", description = "Model catalog to use instead of the built-in one.")
    Path catalog;

    @Option(names = "--now", paramLabel = "TIME", converter = TimeConverter.class,
            description = "Judge model EOL dates and the cost override's expiry at this RFC 3339 time instead of now.")
    Instant now;

    @Option(names = "--max-bytes", paramLabel = "SIZE", defaultValue = "8M",
            description = "Refuse documents larger than this (default: ${DEFAULT-VALUE}; suffixes K, M).")
    String maxBytes = "8M";

    /** A loader with the size limit of {@code --max-bytes}. */
    public dev.modelctl.core.base.doc.DocumentLoader loader() {
        return loader(maxBytes);
    }

    static final long MAX_DOCUMENT_BYTES = 1L << 30;

    /** A loader refusing documents over {@code maxBytes} ({@code 512K}, {@code 64M}, plain bytes). */
    static dev.modelctl.core.base.doc.DocumentLoader loader(String maxBytes) {
        String s = maxBytes.trim().toUpperCase(java.util.Locale.ROOT);
        long factor = s.endsWith("K") ? 1024 : s.endsWith("M") ? 1024 * 1024 : 1;
        String digits = factor == 1 ? s : s.substring(0, s.length() - 1);
        long n;
        try {
            n = Math.multiplyExact(Long.parseLong(digits), factor);
            if (n <= 0) {
                throw new NumberFormatException();
            }
        } catch (NumberFormatException | ArithmeticException e) {
            throw new CommandFailure("--max-bytes: '" + dev.modelctl.core.base.io.Escape.controls(maxBytes)
                    + "' is not a size from 1 to 1024M (examples: 512K, 64M)");
        }
        if (n > MAX_DOCUMENT_BYTES) {
            throw new CommandFailure("--max-bytes: '" + maxBytes + "' is over the largest limit, 1024M (a document is held in memory)");
        }
        return new dev.modelctl.core.base.doc.DocumentLoader(n, "raise it with --max-bytes");
    }

    public List<Path> files(RepoConfig config) {
        if (!files.isEmpty()) {
            return files;
        }
        return config.documents().stream().map(d -> config.root().resolve(d)).map(DocumentOptions::relativize).toList();
    }

    public ModelCatalog catalog(RepoConfig config) {
        return CatalogOptions.resolve(catalog, config);
    }

    /**
     * The ownership file: {@code explicit} when given (it must exist), else the repo config's if that file exists,
     * else none (no team checks).
     */
    public static String ownershipPath(RepoConfig config, Path explicit) {
        if (explicit != null) {
            return explicit.toString();
        }
        Path p = relativize(config.root().resolve(config.ownership()));
        return java.nio.file.Files.exists(p) ? p.toString() : null;
    }

    public CheckContext context(RepoConfig config) {
        return new CheckContext(catalog(config), config, clock());
    }

    /** The clock checks read: the system's, or fixed at {@code --now}. */
    Clock clock() {
        return now == null ? Clock.systemUTC() : Clock.fixed(now, java.time.ZoneOffset.UTC);
    }

    /** Shows paths relative to the working directory when they are under it, as users typed them. */
    static Path relativize(Path p) {
        Path cwd = Path.of("").toAbsolutePath();
        Path abs = p.toAbsolutePath().normalize();
        return abs.startsWith(cwd) ? cwd.relativize(abs) : abs;
    }
}
