package dev.modelctl.git;

import dev.modelctl.core.base.io.InputException;
import dev.modelctl.core.base.io.Escape;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The git index as git itself reads it: {@code git ls-files --stage -z} and {@code git cat-file --batch}. The git
 * binary honours everything a commit honours ({@code GIT_INDEX_FILE} set by {@code git commit -a}/partial commits,
 * worktrees, submodules, split and sparse indexes) and refuses a corrupt index with its own one-line message. Used by
 * {@code scan --staged}; JGit stands in when git is not installed (docs/scan.md).
 */
final class GitCli implements AutoCloseable {
    /** One index entry: its mode ({@code 100644}, {@code 120000} symlink, {@code 160000} submodule), blob id and path. */
    record Entry(String mode, String id, String path) {
        boolean regularFile() {
            return mode.startsWith("100");
        }
    }

    private final Path dir;
    private Process batch;
    private OutputStream batchIn;
    private InputStream batchOut;

    private GitCli(Path dir) {
        this.dir = dir;
    }

    /** Runs {@code git ARGS} in {@code dir}; whether git could be started and succeeded. */
    static boolean run(Path dir, String... args) {
        return quietly(dir, args).isPresent();
    }

    /**
     * The top of the work tree around {@code dir} as git sees it ({@code GIT_DIR}, worktrees, submodules), or empty
     * when git cannot be started or says {@code dir} is not in a work tree (the caller then asks JGit, which words
     * the error). One process instead of opening the repository with JGit (tens of milliseconds on the hook path).
     */
    static Optional<Path> workTreeTop(Path dir) {
        Optional<String> top = quietly(dir, "rev-parse", "--show-toplevel").map(out -> new String(out, StandardCharsets.UTF_8).strip());
        if (top.isEmpty() || top.get().isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(logical(dir, Path.of(top.get())));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /**
     * The output of {@code git ARGS} in {@code dir} (stderr dropped), or empty when git cannot be started, fails or
     * has not finished within 30 s (then it is killed: a git stuck on a lock or a network mount must not hang a
     * commit). For commands with a line or two of output: it is read after git exits, so it must fit the pipe.
     */
    private static Optional<byte[]> quietly(Path dir, String... args) {
        List<String> command = new ArrayList<>(List.of("git"));
        command.addAll(List.of(args));
        try {
            Process p = new ProcessBuilder(command).directory(dir.toFile()).redirectError(ProcessBuilder.Redirect.DISCARD).start();
            p.getOutputStream().close();
            if (!p.waitFor(30, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return Optional.empty();
            }
            byte[] out = p.getInputStream().readAllBytes();
            return p.exitValue() == 0 ? Optional.of(out) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }

    /**
     * git prints the top with symlinks resolved; reported paths are relative to the directory as the user reached it
     * (as JGit gives it), so the same number of levels up from {@code dir} when {@code dir} is reached through a link.
     */
    private static Path logical(Path dir, Path top) throws IOException {
        Path abs = dir.toAbsolutePath().normalize();
        if (abs.startsWith(top)) {
            return top;
        }
        Path real = abs.toRealPath();
        if (!real.startsWith(top)) {
            return top;
        }
        Path logical = abs;
        for (int i = real.getNameCount() - top.getNameCount(); i > 0 && logical.getParent() != null; i--) {
            logical = logical.getParent();
        }
        return logical;
    }

    /** git in {@code dir}, known to start (see {@link #workTreeTop}). */
    static GitCli at(Path dir) {
        return new GitCli(dir);
    }

    /** git in {@code dir}, or empty when no git binary can be started. */
    static Optional<GitCli> find(Path dir) {
        return quietly(dir, "--version").map(version -> new GitCli(dir));
    }

    /** Every entry of the index, stage 0 (merged) and conflicted alike, paths relative to the repository's top. */
    List<Entry> stagedEntries(String flag) {
        try {
            startBatch();
        } catch (IOException e) {
            // the first blob read tries again and reports it
        }
        byte[] out = run(flag, null, "ls-files", "--stage", "-z", "--full-name", "--", ":/");
        List<Entry> entries = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < out.length; i++) {
            if (out[i] != 0) {
                continue;
            }
            String record = new String(out, start, i - start, StandardCharsets.UTF_8);
            start = i + 1;
            int tab = record.indexOf('\t');
            String[] meta = tab < 0 ? new String[0] : record.substring(0, tab).split(" ");
            if (meta.length != 3) {
                throw new InputException(flag + ": unexpected output from git ls-files: " + Escape.controls(record));
            }
            entries.add(new Entry(meta[0], meta[1], record.substring(tab + 1)));
        }
        return entries;
    }

    /**
     * The content of blob {@code id}, or {@code null} when it has more than {@code limit} bytes, through one
     * long-running {@code git cat-file --batch}. git's header line gives the size before the content: an oversized
     * blob is not read, its batch process is stopped instead (the next blob starts a new one), so no second git
     * process has to ask for the sizes first.
     */
    synchronized byte[] blob(String id, long limit) throws IOException {
        startBatch();
        String header;
        try {
            batchIn.write((id + "\n").getBytes(StandardCharsets.US_ASCII));
            batchIn.flush();
            header = readLine(batchOut);
        } catch (IOException e) {
            stopBatch();
            throw e;
        }
        String[] f = header.split(" ");
        if (f.length == 2 && f[1].equals("missing")) {
            throw new IOException("blob " + id + " is missing from the object database"); // git goes on with the next
        }
        long size = f.length == 3 && f[2].matches("[0-9]{1,18}") ? Long.parseLong(f[2]) : -1;
        if (size < 0 || size > limit) {
            stopBatch(); // an answer we do not read (git may be writing its content) must not be taken for the next
            if (size < 0) {
                throw new IOException("git cat-file: unexpected answer '" + Escape.controls(header) + "' for " + id);
            }
            return null;
        }
        byte[] content;
        try {
            content = batchOut.readNBytes((int) size);
            if (content.length != size || batchOut.read() != '\n') {
                throw new IOException("git cat-file ended early");
            }
        } catch (IOException e) {
            stopBatch();
            throw e;
        }
        return content;
    }

    /**
     * Kills the batch process (the next blob starts a new one). Not a graceful close: git may be writing content
     * nobody reads, and would block on the full pipe instead of seeing its input end.
     */
    private void stopBatch() {
        Process stopped = batch;
        batch = null;
        batchIn = null;
        batchOut = null;
        if (stopped != null) {
            stopped.destroyForcibly();
        }
    }

    /**
     * Starts {@code git cat-file --batch} if it is not running; called before the index is listed too, so git has
     * started by the time the first blob is asked for.
     */
    synchronized void startBatch() throws IOException {
        if (batch == null) {
            batch = new ProcessBuilder("git", "cat-file", "--batch").directory(dir.toFile())
                    .redirectError(ProcessBuilder.Redirect.DISCARD).start();
            batchIn = batch.getOutputStream();
            batchOut = new BufferedInputStream(batch.getInputStream(), 1 << 16);
        }
    }

    private static String readLine(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        int c;
        while ((c = in.read()) >= 0 && c != '\n') {
            line.write(c);
        }
        if (c < 0) {
            throw new IOException("git cat-file ended early");
        }
        return line.toString(StandardCharsets.UTF_8);
    }

    /** Runs one git command to completion; a non-zero exit is one line with git's own first error line. */
    private byte[] run(String flag, byte[] input, String... args) {
        List<String> command = new ArrayList<>();
        command.add("git");
        command.addAll(List.of(args));
        try {
            Process p = new ProcessBuilder(command).directory(dir.toFile()).start();
            Thread feeder = new Thread(() -> {
                try (OutputStream o = p.getOutputStream()) {
                    if (input != null) {
                        o.write(input);
                    }
                } catch (IOException e) {
                    // git exited early; its exit code and stderr say why
                }
            }, "git-stdin");
            feeder.setDaemon(true);
            feeder.start();
            ByteArrayOutputStream err = new ByteArrayOutputStream();
            Thread drain = new Thread(() -> {
                try {
                    p.getErrorStream().transferTo(err);
                } catch (IOException e) {
                    // nothing more to read
                }
            }, "git-stderr");
            drain.setDaemon(true);
            drain.start();
            byte[] out = p.getInputStream().readAllBytes();
            int exit = p.waitFor();
            drain.join(5000);
            if (exit != 0) {
                String first = err.toString(StandardCharsets.UTF_8).lines().filter(l -> !l.isBlank()).findFirst()
                        .orElse("exit code " + exit);
                throw new InputException(flag + ": git " + args[0] + " failed: " + Escape.controls(first.strip()));
            }
            return out;
        } catch (IOException e) {
            throw new InputException(flag + ": cannot run git " + args[0] + ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InputException(flag + ": interrupted while running git " + args[0]);
        }
    }

    @Override
    public synchronized void close() {
        if (batch != null) {
            try {
                batchIn.close();
                batch.waitFor(5, TimeUnit.SECONDS);
            } catch (IOException e) {
                // already gone
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            stopBatch();
        }
    }
}
