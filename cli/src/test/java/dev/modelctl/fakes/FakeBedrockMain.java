package dev.modelctl.fakes;

import dev.modelctl.core.model.catalog.CatalogModel;
import dev.modelctl.core.model.catalog.ModelCatalog;

import java.nio.file.Path;

/**
 * The fake Bedrock Runtime as a standalone process, for {@code bench/smoke.sh}: serves every model of a catalog file
 * with a fixed latency per call, prints its endpoint on the first line, and runs until killed.
 * Usage: {@code java -cp modelctl.jar:cli/target/test-classes dev.modelctl.fakes.FakeBedrockMain CATALOG LATENCY_MS}
 */
public final class FakeBedrockMain {
    private FakeBedrockMain() {
    }

    public static void main(String[] args) throws InterruptedException {
        FakeBedrockRuntime fake = new FakeBedrockRuntime();
        for (CatalogModel m : ModelCatalog.load(Path.of(args[0])).all()) {
            fake.model(m.modelId(), m.requestFormat(), m.maxOutputTokens());
        }
        fake.delay(Long.parseLong(args[1]));
        fake.start();
        System.out.println(fake.endpoint());
        System.out.flush();
        Thread.currentThread().join();
    }
}
