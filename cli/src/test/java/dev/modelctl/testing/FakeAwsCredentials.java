package dev.modelctl.testing;

import java.util.Map;

/** The one set of fake static credentials for real SDK clients in tests, in-process or in a child JVM. */
public final class FakeAwsCredentials {
    public static final String ACCESS_KEY = "AKIAFAKEFAKEFAKE";
    public static final String SECRET_KEY = "fake-secret-key-for-tests";
    public static final String REGION = "us-east-1";

    private FakeAwsCredentials() {
    }

    /** For in-process clients: read by the default chain's system-property provider. */
    public static void install() {
        System.setProperty("aws.accessKeyId", ACCESS_KEY);
        System.setProperty("aws.secretAccessKey", SECRET_KEY);
        System.setProperty("aws.region", REGION);
    }

    /** For a child process: the environment variables the default chain reads. */
    public static void into(Map<String, String> environment) {
        environment.put("AWS_ACCESS_KEY_ID", ACCESS_KEY);
        environment.put("AWS_SECRET_ACCESS_KEY", SECRET_KEY);
        environment.put("AWS_REGION", REGION);
    }
}
