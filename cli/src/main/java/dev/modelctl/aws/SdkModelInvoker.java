package dev.modelctl.aws;

import dev.modelctl.core.deploy.DeployException;
import dev.modelctl.core.smoke.ModelInvoker;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.core.exception.ApiCallAttemptTimeoutException;
import software.amazon.awssdk.core.exception.ApiCallTimeoutException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.bedrockruntime.BedrockRuntimeClient;
import software.amazon.awssdk.services.bedrockruntime.model.BedrockRuntimeException;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/** {@link ModelInvoker} over the SDK's Bedrock Runtime client. Credential/region problems abort the run (exit 2). */
public final class SdkModelInvoker implements ModelInvoker {
    private final BedrockRuntimeClient client;

    public SdkModelInvoker(BedrockRuntimeClient client) {
        this.client = client;
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
            String code = e.awsErrorDetails() == null ? "Error" : e.awsErrorDetails().errorCode();
            String message = e.awsErrorDetails() == null || e.awsErrorDetails().errorMessage() == null ? e.getMessage() : e.awsErrorDetails().errorMessage();
            if (e.statusCode() == 403 && !"AccessDeniedException".equals(code)) {
                throw new DeployException("Bedrock InvokeModel: " + code + ": " + message + " (check your credentials)");
            }
            throw new InvokeFailure(code, message);
        } catch (ApiCallTimeoutException | ApiCallAttemptTimeoutException e) {
            throw new InvokeFailure("Timeout", "no answer within the per-call timeout");
        } catch (SdkClientException e) {
            String m = e.getMessage() == null ? "" : e.getMessage().lines().findFirst().orElse("");
            if (m.contains("credentials")) {
                throw new DeployException("Bedrock InvokeModel: no AWS credentials found (set AWS_PROFILE or --profile, or run `aws sso login`)");
            }
            if (m.contains("region")) {
                throw new DeployException("Bedrock InvokeModel: no AWS region (set --region or AWS_REGION)");
            }
            if (m.startsWith("Unable to execute HTTP request")) { // network down or endpoint unreachable: no call can succeed
                throw new DeployException("Bedrock InvokeModel: " + m + " (network down or wrong --endpoint-url?)");
            }
            throw new InvokeFailure("ClientError", m);
        }
    }
}
