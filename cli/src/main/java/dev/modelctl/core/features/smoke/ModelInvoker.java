package dev.modelctl.core.features.smoke;

import java.util.Map;

/** One InvokeModel call; implemented over the AWS SDK in {@code dev.modelctl.aws}, faked in tests. */
public interface ModelInvoker {
    /**
     * @return the response body and headers
     * @throws InvokeFailure when Bedrock answered this call with an error (the run goes on; the call is a finding)
     * @throws Unavailable   when no call can succeed (no credentials, access denied, network down, throttled past retries)
     */
    Response invoke(String modelId, byte[] body);

    /** A successful response: body and headers (names lower-cased). */
    record Response(byte[] body, Map<String, String> headers) {
    }

    /** Bedrock refused this call: its error code ({@code ValidationException}, …, or {@code Timeout}) and its own message. */
    final class InvokeFailure extends RuntimeException {
        private final String code;

        public InvokeFailure(String code, String message) {
            super(message, null, false, false);
            this.code = code;
        }

        public String code() {
            return code;
        }
    }

    /** The smoke test cannot be done at all; the message is one line saying what and what to do (exit 2). */
    final class Unavailable extends RuntimeException {
        public Unavailable(String message) {
            super(message, null, false, false);
        }
    }
}
