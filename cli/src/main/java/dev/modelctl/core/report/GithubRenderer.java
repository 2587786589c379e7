package dev.modelctl.core.report;

import dev.modelctl.core.base.finding.Finding;
import dev.modelctl.core.base.io.Escape;

import java.io.PrintStream;

/** GitHub Actions workflow commands: {@code ::error file=…,line=…,col=…,title=…::message}. */
public final class GithubRenderer implements Renderer {
    @Override
    public void render(Report report, PrintStream out) {
        for (Finding f : report.findings()) {
            String level = switch (f.severity()) {
                case ERROR -> "error";
                case WARNING -> "warning";
                case INFO -> "notice";
            };
            StringBuilder props = new StringBuilder("file=").append(property(f.file()));
            if (f.line() > 0) {
                props.append(",line=").append(f.line());
                if (f.column() > 0) {
                    props.append(",col=").append(f.column());
                }
            }
            props.append(",title=").append(property("modelctl " + f.check().id()));
            String message = Escape.controls(f.message()) + (f.hint() == null ? "" : "\n" + Escape.controls(f.hint()));
            out.println("::" + level + " " + props + "::" + data(message));
        }
        out.println(Escape.controls(report.summary()));
    }

    /** Escaping per the Actions toolkit (command.ts escapeData). */
    static String data(String s) {
        return s.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A");
    }

    /** Escaping per the Actions toolkit (command.ts escapeProperty); control characters made visible first. */
    static String property(String s) {
        return data(Escape.controls(s)).replace(":", "%3A").replace(",", "%2C");
    }
}
