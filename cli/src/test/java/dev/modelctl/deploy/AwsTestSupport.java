package dev.modelctl.deploy;

/** Fake static credentials for the real SDK clients in tests (read by the default chain's system-property provider). */
final class AwsTestSupport {
    private AwsTestSupport() {
    }

    static void fakeCredentials() {
        System.setProperty("aws.accessKeyId", "AKIAFAKEFAKEFAKE");
        System.setProperty("aws.secretAccessKey", "fake-secret-key-for-tests");
        System.setProperty("aws.region", "us-east-1");
    }
}
