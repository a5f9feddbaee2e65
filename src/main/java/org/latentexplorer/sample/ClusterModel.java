package org.latentexplorer.sample;

import java.util.List;
import java.util.SplittableRandom;
import org.latentexplorer.common.InputException;

/**
 * A latent model seen as a set of clusters the user can pick and generate from: the GMVAE's mixture
 * components, a conditional VAE's classes, or a mixture fitted to a plain VAE's codes. Images in and
 * out are flattened rows with values in [0, 1], as everywhere in the core. Not thread-safe.
 */
public interface ClusterModel {

    /** Number of clusters K. */
    int clusterCount();

    /** A name for each cluster ({@code cluster 0}…, or the class names of a conditional VAE). */
    List<String> clusterNames();

    /** Where the clusters come from, for display: {@code gmvae}, {@code cvae classes}, {@code k-means on codes}... */
    String source();

    /** For each input row, its probability of belonging to each cluster (rows sum to 1). */
    float[][] responsibilities(float[][] x);

    /**
     * {@link #responsibilities(float[][])} when the posterior means of {@code x} are known already
     * ({@code codes}, row by row): a mixture fitted to codes uses them instead of encoding {@code x}
     * again; a model whose q(y|x) needs the images (GMVAE, CVAE) ignores them.
     */
    default float[][] responsibilities(float[][] x, float[][] codes) {
        return responsibilities(x);
    }

    /** The most responsible cluster of each input row. */
    default int[] assign(float[][] x) {
        return org.latentexplorer.eval.ClusterMetrics.argmax(responsibilities(x));
    }

    /**
     * {@code n} images generated from cluster {@code cluster}: codes drawn from the cluster's
     * distribution with its standard deviation scaled by {@code temperature} (1 = the model's own
     * spread, 0 = its centre), decoded to their mean.
     */
    float[][] sample(int cluster, int n, double temperature, SplittableRandom rng);

    /**
     * The noise of one seed for a grid of {@code n} samples, drawn once and used for any cluster and
     * temperature, so that a click on a cluster costs one batched decode: the sampler keeps it until
     * the seed or the grid size changes. The default draws afresh per call from generators seeded by
     * {@code seed} and the cluster; the GMVAE and fitted mixtures share the noise (and the GMVAE the
     * conditional prior at its draws of w) between clusters.
     */
    default Draws draws(int n, long seed) {
        return (clusters, temperature) -> {
            if (clusters.length > n) {
                throw new InputException("these draws hold " + n + " samples, " + clusters.length + " were asked for");
            }
            // Row i of cluster c is sample i of n drawn with a generator seeded by (seed, c), whatever else is asked.
            float[][] out = new float[clusters.length][];
            java.util.Map<Integer, float[][]> drawn = new java.util.HashMap<>();
            for (int i = 0; i < clusters.length; i++) {
                int c = clusters[i];
                out[i] = drawn.computeIfAbsent(c, k -> sample(k, n, temperature, new SplittableRandom(seed * 1_000_003L + k)))[i];
            }
            return out;
        };
    }

    /** Prepared noise for samples (see {@link #draws}); not thread-safe, like the model. */
    @FunctionalInterface
    interface Draws {
        /**
         * Sample i made from row i of the noise as a member of cluster {@code clusters[i]}, the code's
         * spread scaled by {@code temperature}; all rows decoded in one call.
         */
        float[][] sample(int[] clusters, double temperature);
    }

    /** One decoded image per cluster: the centre of its code distribution. */
    float[][] centres();

    /**
     * "Fix w, vary y" (Sánchez Martín 2018, §6.3): one image per cluster, all made from the same draw
     * of the continuous variables, so that what changes from image to image is the cluster alone.
     */
    float[][] fixWVaryY(double temperature, SplittableRandom rng);

    /** True when the model has the GMVAE's second continuous latent w. */
    default boolean hasW() {
        return false;
    }

    /**
     * "Fix z, vary w" (Sánchez Martín 2018, §6.3): images of one cluster with the noise of z held fixed
     * and w moved over {@code ws} (rows of dimension w): how the component's shape changes with w.
     *
     * @throws InputException when the model has no w (everything but the GMVAE)
     */
    default float[][] fixZVaryW(int cluster, float[][] ws, double temperature, SplittableRandom rng) {
        throw new InputException(source() + " has no w latent to vary; this view needs a GMVAE");
    }

    /** Rejects a cluster index, count or temperature out of range, with a message naming it. */
    default void checkSampleArgs(int cluster, int n, double temperature) {
        if (cluster < 0 || cluster >= clusterCount()) {
            throw new InputException("--cluster must be between 0 and " + (clusterCount() - 1) + ", got " + cluster);
        }
        if (n < 0 || n > 100_000) {
            throw new InputException("number of samples must be between 0 and 100000, got " + n);
        }
        if (!(temperature >= 0 && temperature <= 100)) {
            throw new InputException("temperature must be between 0 and 100, got " + temperature);
        }
    }

    /** Default names: {@code cluster 0} … {@code cluster K−1}. */
    static List<String> numbered(int k) {
        return java.util.stream.IntStream.range(0, k).mapToObj(i -> "cluster " + i).toList();
    }
}
