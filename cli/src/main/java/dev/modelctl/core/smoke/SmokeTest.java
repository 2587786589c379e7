package dev.modelctl.core.smoke;

import dev.modelctl.core.catalog.CatalogModel;
import dev.modelctl.core.catalog.ModelCatalog;
import dev.modelctl.core.routing.ModelBlock;
import dev.modelctl.core.routing.RoutingDocument;
import dev.modelctl.core.routing.UseCase;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Plans and runs the smoke calls: one per model block and one per use case (its model and its cost-override model),
 * with bounded concurrency. The worst-case cost is known before any call, so a cap can refuse the run up front.
 */
public final class SmokeTest {
    /** Tokens the tiny prompt costs, for the estimate (the real count comes back in the response). */
    static final int PROMPT_TOKENS = 20;

    /** A planned call: which block, for which use case. */
    public record Planned(ModelBlock block, String useCase, CatalogModel catalog, double worstCaseCost) {
    }

    private final ModelCatalog catalog;

    public SmokeTest(ModelCatalog catalog) {
        this.catalog = catalog;
    }

    /** The calls to make; {@code onlyUseCases} (non-empty) limits the run to those use cases and their models. */
    public List<Planned> plan(RoutingDocument doc, List<String> onlyUseCases) {
        List<Planned> calls = new ArrayList<>();
        if (onlyUseCases.isEmpty()) {
            doc.models().values().forEach(m -> calls.add(planned(m, null)));
        }
        for (UseCase u : doc.useCases().values()) {
            if (!onlyUseCases.isEmpty() && !onlyUseCases.contains(u.name())) {
                continue;
            }
            for (String model : new String[]{u.model(), u.costOverrideModel()}) {
                ModelBlock m = model == null ? null : doc.models().get(model);
                if (m != null) {
                    calls.add(planned(m, u.name()));
                }
            }
        }
        return calls;
    }

    private Planned planned(ModelBlock m, String useCase) {
        Optional<CatalogModel> c = m.modelId() == null ? Optional.empty() : catalog.find(m.modelId());
        double worst = c.map(x -> PROMPT_TOKENS / 1000.0 * x.pricePer1kInput()
                + (m.maxTokens() == null ? 16 : m.maxTokens()) / 1000.0 * x.pricePer1kOutput()).orElse(0.0);
        return new Planned(m, useCase, c.orElse(null), worst);
    }

    public static double worstCase(List<Planned> plan) {
        return plan.stream().mapToDouble(Planned::worstCaseCost).sum();
    }

    /** Runs the plan with at most {@code concurrency} calls in flight; results keep the plan's order. */
    public List<SmokeCall> run(List<Planned> plan, ModelInvoker invoker, int concurrency) {
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, Math.min(concurrency, plan.size())));
        try {
            List<Future<SmokeCall>> futures = new ArrayList<>();
            for (Planned p : plan) {
                futures.add(pool.submit(() -> call(p, invoker)));
            }
            List<SmokeCall> out = new ArrayList<>();
            for (Future<SmokeCall> f : futures) {
                try {
                    out.add(f.get());
                } catch (ExecutionException e) {
                    throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("interrupted");
                }
            }
            return out;
        } finally {
            pool.shutdownNow();
        }
    }

    private SmokeCall call(Planned p, ModelInvoker invoker) {
        ModelBlock m = p.block();
        int line = 0;
        if (p.catalog() == null) {
            return new SmokeCall(m.name(), p.useCase(), m.modelId(), line, 0, 0, 0, 0, 0,
                    "not in the model catalog: no request format known (run `modelctl validate`)");
        }
        byte[] body = RequestBodies.build(p.catalog().requestFormat(), m);
        long start = System.nanoTime();
        try {
            ModelInvoker.Response r = invoker.invoke(m.modelId(), body);
            long ms = (System.nanoTime() - start) / 1_000_000;
            long[] tokens = RequestBodies.tokens(r.body(), r.headers());
            double cost = Math.max(0, tokens[0]) / 1000.0 * p.catalog().pricePer1kInput() + Math.max(0, tokens[1]) / 1000.0 * p.catalog().pricePer1kOutput();
            return new SmokeCall(m.name(), p.useCase(), m.modelId(), line, ms, tokens[0], tokens[1], cost, p.worstCaseCost(), null);
        } catch (ModelInvoker.InvokeFailure e) {
            long ms = (System.nanoTime() - start) / 1_000_000;
            return new SmokeCall(m.name(), p.useCase(), m.modelId(), line, ms, 0, 0, 0, p.worstCaseCost(), e.code() + ": " + e.getMessage());
        }
    }
}
