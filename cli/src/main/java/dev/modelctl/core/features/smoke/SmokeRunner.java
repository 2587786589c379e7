package dev.modelctl.core.features.smoke;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Makes the planned calls with at most {@code concurrency} in flight. A call Bedrock refuses is a result; a failure
 * that no call can get past ({@link ModelInvoker.Unavailable}) stops the run: calls not yet started are skipped, the
 * ones in flight end within their timeout, and the failure is rethrown.
 */
public final class SmokeRunner {
    private SmokeRunner() {
    }

    /** @return one result per planned call, in the plan's order */
    public static List<SmokeCall> run(List<PlannedCall> plan, ModelInvoker invoker, int concurrency) {
        if (plan.isEmpty()) {
            return List.of();
        }
        AtomicReference<ModelInvoker.Unavailable> abort = new AtomicReference<>();
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, Math.min(concurrency, plan.size())), r -> {
            Thread t = new Thread(r, "smoke-call");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<SmokeCall>> futures = new ArrayList<>();
            for (PlannedCall p : plan) {
                futures.add(pool.submit(() -> abort.get() != null ? null : call(p, invoker, abort)));
            }
            List<SmokeCall> results = new ArrayList<>();
            for (Future<SmokeCall> f : futures) {
                results.add(f.get());
            }
            if (abort.get() != null) {
                throw abort.get();
            }
            return results;
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ModelInvoker.Unavailable("smoke interrupted");
        } finally {
            pool.shutdownNow();
        }
    }

    private static SmokeCall call(PlannedCall p, ModelInvoker invoker, AtomicReference<ModelInvoker.Unavailable> abort) {
        byte[] body = p.format().body(p.block(), p.maxTokensSent());
        long start = System.nanoTime();
        try {
            ModelInvoker.Response r = invoker.invoke(p.modelId(), body);
            return SmokeCall.succeeded(p, millisSince(start), p.format().usage(r.body(), r.headers()));
        } catch (ModelInvoker.InvokeFailure e) {
            return SmokeCall.failed(p, millisSince(start), e.code(), e.getMessage());
        } catch (ModelInvoker.Unavailable e) {
            abort.compareAndSet(null, e);
            return null;
        }
    }

    private static long millisSince(long startNanos) {
        return (System.nanoTime() - startNanos) / 1_000_000;
    }
}
