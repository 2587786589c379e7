package dev.modelctl.aws;

import dev.modelctl.core.model.config.Durations;
import dev.modelctl.core.features.smoke.ModelInvoker;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.core.exception.ApiCallAttemptTimeoutException;
import software.amazon.awssdk.core.exception.ApiCallTimeoutException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.bedrockruntime.BedrockRuntimeClient;
import software.amazon.awssdk.services.bedrockruntime.model.BedrockRuntimeException;

import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * {@link ModelInvoker} over the SDK's Bedrock Runtime client (built by {@link AwsClients#bedrockRuntime}: standard
 * retries with backoff on throttling, the per-call timeout). What Bedrock says about one request is an
 * {@link ModelInvoker.InvokeFailure} with its own code and message; what stops every call — no credentials or region,
 * credentials refused, access denied, throttled past the retries, network down — is {@link ModelInvoker.Unavailable}.
 */
public final class SdkModelInvoker implements ModelInvoker, AutoCloseable {
    private static final Set<String> BAD_CREDENTIALS = Set.of("UnrecognizedClientException", "InvalidSignatureException",
            "ExpiredTokenException", "InvalidClientTokenId", "IncompleteSignature", "MissingAuthenticationToken");

    private final BedrockRuntimeClient client;
    private final Duration timeout;

    public SdkModelInvoker(BedrockRuntimeClient client, Duration timeout) {
        this.client = client;
        this.timeout = timeout;
    }

    /** A client with {@code timeout} per call; a region or credential setting that cannot even build one is {@link Unavailable}. */
    public static SdkModelInvoker open(AwsClients clients, Duration timeout) {
        try {
            return new SdkModelInvoker(clients.bedrockRuntime(timeout), timeout);
        } catch (SdkClientException e) {
            RuntimeException r = new SdkModelInvoker(null, timeout).clientError(e);
            throw r instanceof Unavailable u ? u : new Unavailable("Bedrock client: " + e.getMessage());
        }
    }

    @Override
    public void close() {
        client.close();
    }

    @Override
    public Response invoke(String modelId, byte[] body) {
        try {
            var r = client.invokeModel(b -> b.modelId(modelId).contentType("application/json").accept("application/json")
                    .body(SdkBytes.fromByteArray(body)));
            Map<String, String> headers = new LinkedHashMap<>();
            r.sdkHttpResponse().headers().forEach((k, v) -> headers.put(k.toLowerCase(Locale.ROOT), v.isEmpty() ? "" : v.get(0)));
            return new Response(r.body().asByteArray(), headers);
        } catch (BedrockRuntimeException e) {
            throw serviceError(modelId, e);
        } catch (ApiCallTimeoutException | ApiCallAttemptTimeoutException e) {
            throw timedOut();
        } catch (SdkClientException e) {
            throw clientError(e);
        }
    }

    private RuntimeException serviceError(String modelId, BedrockRuntimeException e) {
        var details = e.awsErrorDetails();
        String code = details == null || details.errorCode() == null || details.errorCode().isEmpty() ? "HTTP " + e.statusCode() : details.errorCode();
        String message = details == null || details.errorMessage() == null ? firstLine(e.getMessage()) : details.errorMessage();
        String what = "Bedrock InvokeModel " + modelId + ": " + code + ": " + message;
        if (BAD_CREDENTIALS.contains(code)) {
            return new Unavailable(what + " (check the credentials: --profile, AWS_PROFILE, or `aws sso login`)");
        }
        if ("AccessDeniedException".equals(code) || e.statusCode() == 403) {
            return new Unavailable(what + " (allow bedrock:InvokeModel for the role you run as, and enable access to the model "
                    + "in this region's Bedrock console)");
        }
        if (e.isThrottlingException()) {
            return new Unavailable(what + " (throttled even after the SDK's retries: lower --concurrency or try again in a minute)");
        }
        return new InvokeFailure(code, message);
    }

    private RuntimeException clientError(SdkClientException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SocketTimeoutException && String.valueOf(t.getMessage()).contains("Read timed out")) {
                return timedOut();
            }
        }
        String m = firstLine(e.getMessage());
        if (m.contains("Unable to load credentials") || m.contains("credentials")) {
            return new Unavailable("Bedrock InvokeModel: no AWS credentials found (set --profile or AWS_PROFILE, or run `aws sso login`)");
        }
        if (m.contains("Unable to load region") || m.contains("region")) {
            return new Unavailable("Bedrock InvokeModel: no AWS region (set --region, AWS_REGION, or appconfig.region in .modelctl.yaml)");
        }
        if (m.startsWith("Unable to execute HTTP request")) {
            return new Unavailable("Bedrock InvokeModel: " + m + " (network down or wrong --endpoint-url?)");
        }
        return new InvokeFailure("ClientError", m);
    }

    private InvokeFailure timedOut() {
        String limit = timeout.toMillis() % 1000 == 0 ? Durations.format(timeout) : timeout.toMillis() + "ms";
        return new InvokeFailure("Timeout", "no answer within " + limit + " (--timeout)");
    }

    private static String firstLine(String s) {
        return s == null ? "" : s.lines().findFirst().orElse("");
    }
}
