package dev.modelctl.aws;

import dev.modelctl.core.features.deploy.DeployException;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.ApiCallTimeoutException;
import software.amazon.awssdk.core.exception.SdkClientException;

import java.util.function.Supplier;

/** Turns SDK exceptions into one actionable line (never credentials, never a stack trace). */
public final class AwsErrors {
    private AwsErrors() {
    }

    public static <T> T call(String service, String what, Supplier<T> call) {
        try {
            return call.get();
        } catch (AwsServiceException e) {
            String code = e.awsErrorDetails() == null ? "" : e.awsErrorDetails().errorCode();
            String message = e.awsErrorDetails() == null || e.awsErrorDetails().errorMessage() == null
                    ? e.getMessage() : e.awsErrorDetails().errorMessage();
            String line = service + " " + what + ": " + (code == null || code.isEmpty() ? "" : code + ": ") + message;
            if ("ConflictException".equals(code)) {
                throw new DeployException.Conflict(line);
            }
            if ("ResourceNotFoundException".equals(code)) {
                throw new DeployException.NotFound(line);
            }
            if (e.statusCode() == 403 || "AccessDeniedException".equals(code) || "UnrecognizedClientException".equals(code)) {
                throw new DeployException(line + " (check the IAM permissions of the profile/role you run as)");
            }
            if (e.isThrottlingException()) {
                throw new DeployException.Transient(line + " (throttled even after retries; try again in a minute)");
            }
            if (e.statusCode() >= 500) {
                throw new DeployException.Transient(line + " (AWS-side error after retries; try again)");
            }
            throw new DeployException(line);
        } catch (ApiCallTimeoutException e) {
            throw new DeployException.Transient(service + " " + what + ": timed out (network down or endpoint unreachable?)");
        } catch (SdkClientException e) {
            String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage().lines().findFirst().orElse("");
            if (m.contains("credentials") || m.contains("Unable to load credentials")) {
                throw new DeployException(service + " " + what + ": no AWS credentials found (set AWS_PROFILE or --profile, or run `aws sso login`)");
            }
            if (m.contains("region")) {
                throw new DeployException(service + " " + what + ": no AWS region (set --region, AWS_REGION, or appconfig.region in .modelctl.yaml)");
            }
            throw new DeployException(service + " " + what + ": " + m);
        }
    }
}
