package dev.modelctl.cli;

import dev.modelctl.core.features.deploy.WriteFlow;
import picocli.CommandLine.Option;

import java.io.Console;
import java.util.Optional;

/** {@code --dry-run} and {@code --yes}: shared by every command that writes to AppConfig (plan, then apply). */
public final class WriteOptions {
    @Option(names = "--dry-run", description = "Print the plan and write nothing.")
    boolean dryRun;

    @Option(names = "--yes", description = "Apply without asking (required off a terminal, e.g. in CI).")
    boolean yes;

    /** --yes approves; a terminal is asked; elsewhere a change to live traffic needs --yes. */
    public WriteFlow.Approval approval() {
        return plan -> {
            if (yes) {
                return Optional.empty();
            }
            Console console = System.console();
            if (console == null) {
                return Optional.of("not on a terminal: re-run with --yes to " + plan.action().flag() + " in " + plan.target().environment().name());
            }
            String answer = console.readLine("apply this plan (%s in %s)? [y/N] ", plan.action().flag(), plan.target().environment().name());
            return answer != null && answer.trim().equalsIgnoreCase("y") ? Optional.empty() : Optional.of("declined");
        };
    }
}
