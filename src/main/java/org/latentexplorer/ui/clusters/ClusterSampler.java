package org.latentexplorer.ui.clusters;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import org.latentexplorer.data.ImageShape;
import org.latentexplorer.sample.ClusterModel;
import org.latentexplorer.sample.GmvaeClusters;
import org.latentexplorer.ui.services.ModelHandle;
import org.latentexplorer.ui.tasks.LatestWins;
import org.latentexplorer.ui.tasks.TaskExecutor;

/**
 * Makes the Clusters screen's sample grids (FX thread in, worker threads for the model). Nothing that
 * does not depend on the click is done on the click: the noise of a seed is drawn once
 * ({@link ClusterModel.Draws}), and the decoded samples of each cluster are kept for the current seed,
 * temperature and grid size. While the screen is shown the clusters not yet decoded are decoded ahead,
 * one at a time, so that a click on a cluster is usually answered on the FX thread at once, without a
 * round trip through a worker.
 */
final class ClusterSampler {
    /** Decoded samples kept at most (floats, all clusters together): 64 MB. */
    static final long MAX_KEPT = 16L << 20;

    /** What the decoded samples are kept for; a new one whenever any part changes. */
    private static final class Cache {
        final ModelHandle model;
        final ClusterModel clusters;
        final long seed;
        final int size;
        final double temperature;
        final ClusterModel.Draws draws;
        /** All {@code size²} samples of a cluster, by cluster. */
        final Map<Integer, float[][]> decoded = new ConcurrentHashMap<>();
        boolean ahead;

        Cache(ModelHandle model, ClusterModel clusters, long seed, int size, double temperature) {
            this.model = model;
            this.clusters = clusters;
            this.seed = seed;
            this.size = size;
            this.temperature = temperature;
            this.draws = clusters.draws(size * size, seed);
        }

        boolean matches(ModelHandle m, ClusterModel c, long s, int z, double t) {
            return model == m && clusters == c && seed == s && size == z && temperature == t;
        }
    }

    private record Request(long id, Cache cache, List<Integer> selected, ClustersViewModel.Mode mode, boolean keep) {
    }

    private record Drawn(long id, SampleGrid grid) {
    }

    private final TaskExecutor executor;
    private final Consumer<SampleGrid> onGrid;
    private final LatestWins<Request, Drawn> worker;
    private volatile Cache cache;
    private long latest;
    private boolean keep = true;

    ClusterSampler(TaskExecutor executor, Consumer<SampleGrid> onGrid, Consumer<Throwable> onError) {
        this.executor = executor;
        this.onGrid = onGrid;
        this.worker = new LatestWins<>(executor, "Sampling clusters", ClusterSampler::draw, d -> {
            if (d.id() == latest) {
                onGrid.accept(d.grid());
            }
        }, onError);
    }

    /**
     * Whether decoded samples are kept and decoded ahead of clicks (on by default). Off, every grid is
     * decoded on a worker when asked for (the noise is still drawn once per seed): benchmarks time that path.
     */
    void setKeep(boolean on) {
        keep = on;
        cache = null;
    }

    /** Drops what is kept (other clusters) and any grid still being made. */
    void clear() {
        cache = null;
        latest++;
    }

    /** A grid for the request; delivered at once when its samples are kept, else from a worker. */
    void request(ModelHandle model, ClusterModel clusters, List<Integer> selected, int size, double temperature, long seed,
                 ClustersViewModel.Mode mode) {
        long id = ++latest;
        Cache c = cacheFor(model, clusters, size, temperature, seed);
        if (mode == ClustersViewModel.Mode.SAMPLES && keep) {
            SampleGrid kept = assemble(c, selected, 0);
            if (kept != null) {
                onGrid.accept(kept);
                return;
            }
        }
        worker.request(new Request(id, c, List.copyOf(selected), mode, keep));
    }

    private Cache cacheFor(ModelHandle model, ClusterModel clusters, int size, double temperature, long seed) {
        Cache c = cache;
        if (c == null || !c.matches(model, clusters, seed, size, temperature)) {
            c = new Cache(model, clusters, seed, size, temperature);
            cache = c;
        }
        return c;
    }

    /**
     * Decodes, on a worker, every cluster not kept yet for these settings, one cluster per hold of the
     * model's lock so that a click waits for at most one of them. Stops when the settings change.
     */
    void sampleAhead(ModelHandle model, ClusterModel clusters, int size, double temperature, long seed) {
        Cache c = cacheFor(model, clusters, size, temperature, seed);
        int k = clusters.clusterCount();
        long floats = (long) k * size * size * model.config().inputShape().size();
        if (!keep || c.ahead || floats > MAX_KEPT) {
            return;
        }
        c.ahead = true;
        executor.submit("Sampling the clusters ahead", false, (p, cancel) -> {
            for (int cluster = 0; cluster < k && cache == c && !cancel.isCancelled(); cluster++) {
                int[] of = new int[size * size];
                Arrays.fill(of, cluster);
                synchronized (c.model) {
                    // Checked under the lock: a click may have decoded this cluster meanwhile.
                    if (!c.decoded.containsKey(cluster)) {
                        c.decoded.put(cluster, c.draws.sample(of, c.temperature));
                    }
                }
            }
            return null;
        }, v -> { }, t -> {
            // Nothing to tell: a click on a cluster that failed here decodes it again and reports the error.
        });
    }

    /**
     * The grid of {@code selected} from kept samples: the clusters take turns over the grid's cells, cell
     * i showing sample i of its cluster (each cell has its own noise). Null when a cluster is not kept.
     */
    private static SampleGrid assemble(Cache c, List<Integer> selected, long nanos) {
        int n = c.size * c.size;
        int s = selected.size();
        List<float[]> images = new ArrayList<>(n);
        for (int j = 0; j < s; j++) {
            float[][] rows = c.decoded.get(selected.get(j));
            if (rows == null) {
                return null;
            }
            int from = images.size();
            int count = n / s + (j < n % s ? 1 : 0);
            images.addAll(Arrays.asList(rows).subList(from, from + count));
        }
        return grid(c, images, c.size, caption(selected, n), nanos);
    }

    /** The grid of {@code selected} decoded in one call, nothing kept (the same grid as {@link #assemble}). */
    private static SampleGrid direct(Cache c, List<Integer> selected, long t0) {
        int n = c.size * c.size;
        int s = selected.size();
        int[] of = new int[n];
        for (int j = 0, from = 0; j < s; j++) {
            int count = n / s + (j < n % s ? 1 : 0);
            Arrays.fill(of, from, from + count, selected.get(j));
            from += count;
        }
        List<float[]> images = List.of(c.draws.sample(of, c.temperature));
        return grid(c, images, c.size, caption(selected, n), System.nanoTime() - t0);
    }

    private static String caption(List<Integer> selected, int n) {
        return n + " samples of " + (selected.size() == 1 ? "cluster " + selected.get(0) : selected.size() + " clusters");
    }

    private static SampleGrid grid(Cache c, List<float[]> images, int cols, String caption, long nanos) {
        return grid(c, images, cols, caption, nanos, List.of());
    }

    private static SampleGrid grid(Cache c, List<float[]> images, int cols, String caption, long nanos,
                                   List<Integer> columnClusters) {
        ImageShape shape = c.model.config().inputShape();
        return new SampleGrid(images, shape, cols, caption + String.format(Locale.ROOT, " · T = %.2f", c.temperature),
                nanos, columnClusters);
    }

    /** Worker: decodes what the request needs that is not kept (one call per cluster) and makes its grid. */
    private static Drawn draw(Request q) {
        long t0 = System.nanoTime();
        Cache c = q.cache();
        ClusterModel cm = c.clusters;
        int n = c.size * c.size;
        synchronized (c.model) {
            switch (q.mode()) {
                case SAMPLES -> {
                    if (!q.keep()) {
                        return new Drawn(q.id(), direct(c, q.selected(), t0));
                    }
                    // One call per missing cluster: the draws hold one grid of noise (n rows), and each
                    // cluster's n samples use all of it. Several are missing after a new temperature, seed
                    // or grid size empties the cache while more than one cluster is selected.
                    for (int k : q.selected()) {
                        if (!c.decoded.containsKey(k)) {
                            int[] of = new int[n];
                            Arrays.fill(of, k);
                            c.decoded.put(k, c.draws.sample(of, c.temperature));
                        }
                    }
                    return new Drawn(q.id(), assemble(c, q.selected(), System.nanoTime() - t0));
                }
                case FIX_Z_VARY_W -> {
                    int k = q.selected().get(0);
                    float[][] ws = ((GmvaeClusters) cm).wGrid(c.size, 2.0);
                    float[][] images = cm.fixZVaryW(k, ws, c.temperature, new SplittableRandom(c.seed));
                    return new Drawn(q.id(), grid(c, List.of(images), c.size,
                            "cluster " + k + ", z noise fixed, w over [−2, 2]² (w₁ across, w₂ down)", System.nanoTime() - t0));
                }
                default -> {
                    SplittableRandom rng = new SplittableRandom(c.seed);
                    List<float[]> images = new ArrayList<>(c.size * cm.clusterCount());
                    for (int r = 0; r < c.size; r++) {
                        images.addAll(List.of(cm.fixWVaryY(c.temperature, rng)));
                    }
                    return new Drawn(q.id(), grid(c, images, cm.clusterCount(),
                            "each row one draw of w and z noise, each column a cluster", System.nanoTime() - t0,
                            java.util.stream.IntStream.range(0, cm.clusterCount()).boxed().toList()));
                }
            }
        }
    }
}
