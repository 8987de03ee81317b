package com.crazyrouter.coze.models;

import com.crazyrouter.coze.config.ConfigurationException;
import com.crazyrouter.coze.config.Settings;
import com.crazyrouter.coze.guide.Route;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Sends the minimal test (-Dsamples) times for each model and route: first one after another, then
 * {@code concurrency} at a time, and gathers each batch's {@link SampleStats}. What one sample sends is
 * {@link MinimalRequest}'s business (the Coze side: {@link CozeMinimalRequests}).
 */
public final class Sampler {
    /** The guide's minimal test: the one input every sample sends. */
    public static final String MINIMAL_INPUT = "Reply only OK";
    static final String SEQUENTIAL = "one after another";
    private static final int MODES = 2;

    /** One minimal request for a model through a route, as one Coze node run; never throws for a failed answer. */
    public interface MinimalRequest {
        SampleStats.Sample send(String model, Route route);
    }

    /** One batch: a model through a route in one mode ("one after another", "4 at a time"). */
    public record Row(String model, Route route, String mode, SampleStats stats) {
        /** "gpt-5.4 / API plugin / one after another: 20 requests — 200: 19, 502: 1 → 5 % failed; first byte p50 …". */
        public String words() {
            return model + " / " + route.words() + " / " + mode + ": " + stats.requests() + " requests — " + stats.outcomeWords()
                    + "; first byte p50 " + SampleStats.ms(stats.firstByte(50)) + ", p95 " + SampleStats.ms(stats.firstByte(95))
                    + "; total p50 " + SampleStats.ms(stats.total(50)) + ", p95 " + SampleStats.ms(stats.total(95));
        }
    }

    private final MinimalRequest request;
    private final int samples;
    private final int concurrency;

    public Sampler(MinimalRequest request, int samples, int concurrency) {
        this.request = request;
        this.samples = samples;
        this.concurrency = concurrency;
    }

    /** How many requests sampling these many models sends: samples × routes × modes × models. */
    public int requestsFor(int models) {
        return samples * Route.values().length * MODES * models;
    }

    /**
     * Samples every model on both routes, both modes; refuses before sending anything when that would go past the
     * requests the run may still send ({@code requestsLeft}, under crazyrouter.maxRequests).
     */
    public List<Row> sample(List<String> models, int requestsLeft) {
        int needed = requestsFor(models.size());
        if (needed > requestsLeft) {
            throw new ConfigurationException("Sampling needs " + needed + " requests (-D" + Settings.SAMPLES + "=" + samples + " × "
                    + Route.values().length + " routes × " + MODES + " modes × " + models.size() + " models), but this run may send only "
                    + requestsLeft + " more (-D" + Settings.MAX_REQUESTS + "). Nothing was sampled. Lower -D" + Settings.SAMPLES
                    + ", narrow -D" + Settings.MODELS + ", sample alone (-D" + Settings.TAG_SELECTION + "=@samples) or raise -D" + Settings.MAX_REQUESTS + ".");
        }
        List<Row> rows = new ArrayList<>();
        for (String model : models) {
            for (Route route : Route.values()) {
                rows.add(batch(model, route, 1, SEQUENTIAL));
                rows.add(batch(model, route, concurrency, concurrency + " at a time"));
            }
        }
        return rows;
    }

    /** One batch of this sampler's samples for one model and route, one after another (the default run's small probe). */
    public Row oneAfterAnother(String model, Route route) {
        return batch(model, route, 1, SEQUENTIAL);
    }

    private Row batch(String model, Route route, int atATime, String mode) {
        ExecutorService pool = Executors.newFixedThreadPool(atATime, Sampler::thread);
        try {
            List<Future<SampleStats.Sample>> sent = new ArrayList<>();
            for (int i = 0; i < samples; i++) {
                sent.add(pool.submit(() -> request.send(model, route)));
            }
            List<SampleStats.Sample> results = new ArrayList<>();
            for (Future<SampleStats.Sample> sample : sent) {
                results.add(result(sample));
            }
            return new Row(model, route, mode, SampleStats.of(results));
        } finally {
            pool.shutdownNow();
        }
    }

    private static SampleStats.Sample result(Future<SampleStats.Sample> sample) {
        try {
            return sample.get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (e.getCause() instanceof Error error) {
                throw error; // e.g. the request cap, reached by another scenario meanwhile
            }
            throw new IllegalStateException("A sample failed: " + e.getCause(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("Interrupted while sampling", e);
        }
    }

    /**
     * A sampling thread inherits nothing from the scenario's thread: Allure's per-thread record of the scenario stays
     * behind, so hundreds of samples add no step or attachment each; the scenario reports one step per batch instead.
     */
    private static Thread thread(Runnable task) {
        Thread thread = new Thread(null, task, "sampler", 0, false);
        thread.setDaemon(true);
        return thread;
    }
}
