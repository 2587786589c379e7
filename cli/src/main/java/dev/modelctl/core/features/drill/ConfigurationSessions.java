package dev.modelctl.core.features.drill;

import java.time.Duration;

/**
 * AppConfig Data as a running service uses it: a session per client, polled with the token and at the interval the
 * service returns (implemented over the AWS SDK in {@code dev.modelctl.aws}). See docs/drill.md.
 */
public interface ConfigurationSessions {
    /**
     * StartConfigurationSession for the given application / environment / profile IDs.
     *
     * @param minimumPoll RequiredMinimumPollIntervalInSeconds (AppConfig accepts 15 s to 24 h)
     */
    Session start(String applicationId, String environmentId, String profileId, Duration minimumPoll);

    /** One configuration session; it keeps the single-use token between calls. Not shared between threads. */
    interface Session {
        /** GetLatestConfiguration with the session's current token; the response's next token replaces it. */
        Poll latest();
    }

    /**
     * One GetLatestConfiguration answer.
     *
     * @param content      the configuration, or an empty array when the session already has the latest version
     * @param nextPoll     how long to wait before the next call (Next-Poll-Interval-In-Seconds)
     * @param versionLabel the hosted version's label, if any
     */
    record Poll(byte[] content, String contentType, Duration nextPoll, String versionLabel) {
        public boolean unchanged() {
            return content.length == 0;
        }
    }

    /** An AppConfig Data call failed (throttling past retries, bad or expired token, not found, network). */
    final class SessionException extends RuntimeException {
        private final String code;

        public SessionException(String code, String message) {
            super(message, null, false, false);
            this.code = code;
        }

        /** The AWS error code, e.g. BadRequestException. */
        public String code() {
            return code;
        }
    }
}
