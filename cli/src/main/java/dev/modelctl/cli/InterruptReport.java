package dev.modelctl.cli;

import dev.modelctl.core.features.deploy.Rollout;
import dev.modelctl.core.features.deploy.Target;

import java.util.function.Supplier;

/**
 * Ctrl-C while a write command runs: a shutdown hook that reports what exists on the AWS side and what to do, stops
 * the deployment with --stop-on-interrupt, and restores detached monitors. The JVM then exits 130 (128 + SIGINT).
 */
final class InterruptReport extends Thread {
    private final Rollout rollout;
    private final Target target;
    private final boolean stop;
    private final AwsConsole console;

    private InterruptReport(Rollout rollout, Target target, boolean stop, AwsConsole console) {
        this.rollout = rollout;
        this.target = target;
        this.stop = stop;
        this.console = console;
    }

    @Override
    public void run() {
        console.interrupted(rollout.interruptReport(target, stop));
    }

    /** Runs {@code work} with the hook installed. */
    static <T> T around(Rollout rollout, Target target, boolean stop, AwsConsole console, Supplier<T> work) {
        InterruptReport hook = new InterruptReport(rollout, target, stop, console);
        Runtime.getRuntime().addShutdownHook(hook);
        try {
            return work.get();
        } finally {
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException shuttingDown) {
                // Ctrl-C: the hook is running and reports
            }
        }
    }
}
