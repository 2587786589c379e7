package dev.modelctl.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.modelctl.core.features.deploy.AppConfigModel.Deployment;
import dev.modelctl.core.features.deploy.AppConfigModel.Event;
import dev.modelctl.core.features.deploy.Outcome;
import dev.modelctl.core.features.deploy.Plan;
import dev.modelctl.core.features.deploy.PlanReport;
import dev.modelctl.core.features.deploy.Rollout;
import dev.modelctl.core.report.Format;

import java.io.PrintStream;
import java.util.List;

/**
 * The output of the AWS commands: text as it happens, or with {@code --format json} one object printed at the end
 * (plan, steps, outcome, live state). Exit codes are the outcome's either way.
 */
final class AwsConsole implements Rollout.Listener {
    private final PrintStream out;
    private final PrintStream err;
    private final boolean json;
    private final ObjectNode root = new ObjectMapper().createObjectNode();
    private final ArrayNode steps = root.putArray("steps");
    private final DeploymentView view;
    private boolean printed;

    AwsConsole(OutputOptions output, PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
        this.json = output != null && output.format() == Format.JSON;
        this.view = DeploymentView.forConsole(out);
    }

    boolean json() {
        return json;
    }

    void plan(Plan p) {
        if (json) {
            root.set("plan", PlanReport.json(p));
        } else {
            PlanReport.text(p).forEach(out::println);
        }
    }

    void put(String key, JsonNode value) {
        root.set(key, value);
    }

    void lines(List<String> lines) {
        if (!json) {
            lines.forEach(out::println);
        }
    }

    @Override
    public void step(String line) {
        if (json) {
            synchronized (steps) {
                steps.add(line);
            }
        } else {
            out.println(line);
        }
    }

    @Override
    public void changed(Deployment deployment, List<Event> newEvents) {
        if (!json) {
            view.changed(deployment, newEvents);
        }
    }

    /** Prints how it ended (failures on stderr in text mode) and returns the exit code. */
    int finish(Outcome o) {
        if (json) {
            root.set("outcome", PlanReport.json(o));
            print();
        } else if (o.exitCode() == 0) {
            out.println(o.message());
        } else {
            err.println("modelctl: " + o.message());
        }
        return o.exitCode();
    }

    /** JSON mode: the object as it stands (also after a failure or an interrupt). */
    synchronized void print() {
        if (json && !printed) {
            printed = true;
            out.println(root.toPrettyString());
            out.flush();
        }
    }

    /** Ctrl-C lines: on stderr in text mode, in the object in JSON mode. */
    void interrupted(List<String> lines) {
        if (json) {
            ArrayNode a = root.putArray("interrupted");
            lines.forEach(a::add);
            print();
        } else {
            lines.forEach(l -> err.println("\nmodelctl: " + l));
        }
        err.flush();
    }
}
