package org.latentexplorer.sample;

import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import org.latentexplorer.common.InputException;
import org.latentexplorer.model.LatentModel;

/**
 * Clusters for a model without a discrete latent (the plain VAE): a mixture fitted to the posterior
 * means of its codes, either by k-means (Smile; hard responsibilities) or by a Gaussian mixture with
 * diagonal or full covariances fitted with EM (soft responsibilities). Sampling cluster k draws z from component k,
 * N(μ_k, T² σ²_k), and decodes it.
 */
public final class FittedMixture implements ClusterModel {
    /** How the mixture is fitted. */
    public enum Method {
        /** Lloyd's k-means with k-means++ seeding (Smile; Arthur &amp; Vassilvitskii 2007). */
        KMEANS,
        /** Diagonal Gaussian mixture by EM, started from k-means (Bishop 2006, §9.2). */
        GMM,
        /** Gaussian mixture with full covariances by EM (Smile), started from k-means (Bishop 2006, §9.2.2). */
        GMM_FULL;

        public static Method parse(String text) {
            String t = text == null ? "" : text.trim().toLowerCase(Locale.ROOT).replace("-", "");
            return switch (t) {
                case "kmeans" -> KMEANS;
                case "gmm", "gmmdiagonal" -> GMM;
                case "gmmfull", "gmm_full" -> GMM_FULL;
                default -> throw new InputException("cluster fitting must be 'kmeans', 'gmm' (diagonal) or 'gmm-full', got '"
                        + text + "'");
            };
        }
    }

    private final LatentModel model;
    private final Method method;
    private final Mixture mixture;

    private FittedMixture(LatentModel model, Method method, Mixture mixture) {
        this.model = model;
        this.method = method;
        this.mixture = mixture;
    }

    /**
     * Fits K clusters to the codes of {@code x} (posterior means).
     *
     * @param model  the model whose codes are clustered
     * @param x      inputs to encode, at least K of them
     * @param k      number of clusters, 2..100
     * @param method k-means or Gaussian mixture
     * @param seed   seeds the k-means++ start
     */
    public static FittedMixture fit(LatentModel model, float[][] x, int k, Method method, long seed) {
        return ofCodes(model, model.encode(x).mean(), k, method, seed);
    }

    /** As {@link #fit}, from codes already computed. */
    public static FittedMixture ofCodes(LatentModel model, float[][] codes, int k, Method method, long seed) {
        if (k < 2 || k > 100) {
            throw new InputException("--clusters must be between 2 and 100, got " + k);
        }
        if (codes.length < k) {
            throw new InputException("fitting " + k + " clusters needs at least " + k + " examples, got " + codes.length);
        }
        DiagonalMixture km = DiagonalMixture.kMeans(codes, k, seed);
        return new FittedMixture(model, method, switch (method) {
            case KMEANS -> km;
            case GMM -> km.em(codes, 200, 1e-6);
            case GMM_FULL -> FullMixture.fit(codes, km);
        });
    }

    /** The fitted components of a k-means or diagonal fit (means, variances, weights); null for a full-covariance fit. */
    public DiagonalMixture mixture() {
        return mixture instanceof DiagonalMixture dm ? dm : null;
    }

    @Override
    public int clusterCount() {
        return mixture.k();
    }

    @Override
    public List<String> clusterNames() {
        return ClusterModel.numbered(clusterCount());
    }

    @Override
    public String source() {
        return switch (method) {
            case KMEANS -> "k-means";
            case GMM -> "Gaussian mixture (diagonal)";
            case GMM_FULL -> "Gaussian mixture (full covariance)";
        } + " on codes";
    }

    @Override
    public float[][] responsibilities(float[][] x) {
        return responsibilities(x, model.encode(x).mean());
    }

    /** From the codes alone: the mixture was fitted to posterior means, so {@code x} is not encoded again. */
    @Override
    public float[][] responsibilities(float[][] x, float[][] codes) {
        return method == Method.KMEANS ? mixture.hard(codes) : mixture.responsibilities(codes);
    }

    @Override
    public float[][] sample(int cluster, int n, double temperature, SplittableRandom rng) {
        checkSampleArgs(cluster, n, temperature);
        if (n == 0) {
            return new float[0][];
        }
        float[][] z = new float[n][];
        for (int i = 0; i < n; i++) {
            z[i] = mixture.draw(cluster, temperature, GmvaeClusters.gaussian(1, mixture.dim(), rng, 1.0)[0]);
        }
        return model.decode(z);
    }

    /** ε_i drawn once; each call takes z_i = μ_{y_i} + T σ_{y_i} ε_i and decodes them together. */
    @Override
    public Draws draws(int n, long seed) {
        float[][] eps = GmvaeClusters.gaussian(n, mixture.dim(), new SplittableRandom(seed), 1.0);
        return (clusters, temperature) -> {
            if (clusters.length > n) {
                throw new InputException("these draws hold " + n + " samples, " + clusters.length + " were asked for");
            }
            float[][] z = new float[clusters.length][];
            for (int i = 0; i < z.length; i++) {
                checkSampleArgs(clusters[i], clusters.length, temperature);
                z[i] = mixture.draw(clusters[i], temperature, eps[i]);
            }
            return model.decode(z);
        };
    }

    @Override
    public float[][] centres() {
        float[][] z = new float[clusterCount()][];
        for (int c = 0; c < z.length; c++) {
            z[c] = mixture.draw(c, 0, new float[mixture.dim()]);
        }
        return model.decode(z);
    }

    @Override
    public float[][] fixWVaryY(double temperature, SplittableRandom rng) {
        checkSampleArgs(0, 1, temperature);
        float[] eps = GmvaeClusters.gaussian(1, mixture.dim(), rng, 1.0)[0];
        float[][] z = new float[clusterCount()][];
        for (int c = 0; c < z.length; c++) {
            z[c] = mixture.draw(c, temperature, eps);
        }
        return model.decode(z);
    }
}
