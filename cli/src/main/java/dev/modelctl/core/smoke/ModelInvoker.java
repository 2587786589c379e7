package dev.modelctl.core.smoke;

import java.util.Map;

/** One InvokeModel call; implemented over the AWS SDK in {@code dev.modelctl.aws}. */
public interface ModelInvoker {
    /**
     * @return the response body and headers
     * @throws InvokeFailure when Bedrock (or the network) refuses the call; the message is Bedrock's own
     */
    Response invoke(String modelId, byte[] body);

    /** A successful response: body and (lower-cased) headers. */
    record Response(byte[] body, Map<String, String> headers) {
    }

    /** A failed call: the service's error code (ValidationException, ThrottlingException, …) and its message. */
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
}
