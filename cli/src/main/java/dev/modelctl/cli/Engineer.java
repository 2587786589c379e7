package dev.modelctl.cli;

import dev.modelctl.git.GitInfo;

import java.nio.file.Path;

/** Who runs a write command, for the audit trail: --engineer, else git user.email, else the OS user. */
final class Engineer {
    private Engineer() {
    }

    static String who(String explicit) {
        if (explicit != null && !explicit.isBlank()) {
            return explicit;
        }
        String email = GitInfo.userEmail(Path.of(""));
        return email != null ? email : System.getProperty("user.name");
    }
}
