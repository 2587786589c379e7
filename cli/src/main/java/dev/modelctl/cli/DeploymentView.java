package dev.modelctl.cli;

import dev.modelctl.core.features.deploy.AppConfigModel.Deployment;
import dev.modelctl.core.features.deploy.AppConfigModel.Event;

import java.io.PrintStream;
import java.util.List;

/** Shows a followed deployment: a redrawn progress bar on a terminal, one plain line per change otherwise. */
final class DeploymentView {
    private final PrintStream out;
    private final boolean tty;

    DeploymentView(PrintStream out, boolean tty) {
        this.out = out;
        this.tty = tty;
    }

    static DeploymentView forConsole(PrintStream out) {
        return new DeploymentView(out, System.console() != null && System.getenv("CI") == null);
    }

    void changed(Deployment d, List<Event> newEvents) {
        if (tty) {
            out.print("\r\u001B[2K");
        }
        for (Event e : newEvents) {
            out.println("  " + e.occurredAt() + "  " + e.type() + (e.triggeredBy() == null ? "" : " by " + e.triggeredBy())
                    + (e.description() == null ? "" : ": " + e.description()));
        }
        int pct = Math.round(d.percentComplete());
        if (tty) {
            int filled = pct / 5;
            out.print("deployment #" + d.number() + " [" + "#".repeat(filled) + " ".repeat(20 - filled) + "] " + pct + "% " + d.state());
            if (!d.inProgress()) {
                out.println();
            }
        } else {
            out.println("deployment #" + d.number() + ": " + d.state() + " " + pct + "%");
        }
        out.flush();
    }
}
