package dev.modelctl.core.features.deploy;

/** An AppConfig call or a deploy step failed; the message is one line saying what and what to do. Exit 2. */
public class DeployException extends RuntimeException {
    public DeployException(String message) {
        super(message, null, false, false);
    }

    /** A concurrent change: a deployment already in progress, or a hosted version uploaded meanwhile. */
    public static final class Conflict extends DeployException {
        public Conflict(String message) {
            super(message);
        }
    }

    /** An application, environment or profile that does not exist. */
    public static final class NotFound extends DeployException {
        public NotFound(String message) {
            super(message);
        }
    }

    /** Throttling or a 5xx that outlasted the SDK's retries: worth trying again later, the state on AWS is unchanged. */
    public static final class Transient extends DeployException {
        public Transient(String message) {
            super(message);
        }
    }

    /** A flag value or strategy AppConfig would not accept. */
    public static final class Invalid extends DeployException {
        public Invalid(String message) {
            super(message);
        }
    }
}
