package org.latentexplorer.sample;

import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.latentexplorer.common.InputException;
import org.latentexplorer.model.SameDiffGmvae;

/**
 * The GMVAE's own clusters: the K components of its prior p(z|w, y) (Sánchez Martín 2018, §4 and
 * §6.3). Responsibilities are q(y|w, z) at the posterior means; sampling cluster k draws
 * w ~ N(0, I), z ~ N(μ_k(w), T² σ²_k(w)) and decodes the mean.
 */
public final class GmvaeClusters implements ClusterModel {
    private final SameDiffGmvae model;

    public GmvaeClusters(SameDiffGmvae model) {
        this.model = model;
    }

    @Override
    public int clusterCount() {
        return model.clusterCount();
    }

    @Override
    public List<String> clusterNames() {
        return ClusterModel.numbered(clusterCount());
    }

    @Override
    public String source() {
        return "gmvae";
    }

    @Override
    public float[][] responsibilities(float[][] x) {
        return model.responsibilities(x);
    }

    @Override
    public float[][] sample(int cluster, int n, double temperature, SplittableRandom rng) {
        checkSampleArgs(cluster, n, temperature);
        if (n == 0) {
            return new float[0][];
        }
        float[][] w = gaussian(n, model.wDim(), rng, 1.0);
        int[] y = new int[n];
        Arrays.fill(y, cluster);
        return model.decode(model.sampleZ(y, w, temperature, rng));
    }

    /**
     * w_i ~ N(0, I) and ε_i ~ N(0, I) drawn once; p(z|w_i, y) for all K components computed once at the
     * first call (one network call covers every cluster); each call then takes
     * z_i = μ_{y_i}(w_i) + T σ_{y_i}(w_i) ε_i and decodes (Sánchez Martín 2018, §4, the generative model).
     */
    @Override
    public Draws draws(int n, long seed) {
        return new Draws() {
            private float[][] ws;
            private float[][] eps;
            private float[][][] prior;

            @Override
            public float[][] sample(int[] clusters, double temperature) {
                if (clusters.length > n) {
                    throw new InputException("these draws hold " + n + " samples, " + clusters.length + " were asked for");
                }
                for (int c : clusters) {
                    checkSampleArgs(c, clusters.length, temperature);
                }
                if (prior == null) {
                    SplittableRandom rng = new SplittableRandom(seed);
                    ws = gaussian(n, model.wDim(), rng, 1.0);
                    eps = gaussian(n, model.latentDim(), rng, 1.0);
                    prior = model.conditionalPrior(ws);
                }
                return model.decode(componentDraws(prior, clusters, eps, temperature));
            }
        };
    }

    /** z = μ_k(0), the component mean at the prior mean of w, decoded. */
    @Override
    public float[][] centres() {
        int k = clusterCount();
        int[] y = new int[k];
        for (int i = 0; i < k; i++) {
            y[i] = i;
        }
        return model.decode(model.sampleZ(y, new float[k][model.wDim()], 0.0, new SplittableRandom(0)));
    }

    @Override
    public float[][] fixWVaryY(double temperature, SplittableRandom rng) {
        checkSampleArgs(0, 1, temperature);
        int k = clusterCount();
        float[] w = gaussian(1, model.wDim(), rng, 1.0)[0];
        float[] eps = gaussian(1, model.latentDim(), rng, 1.0)[0];
        float[][] ws = new float[k][];
        int[] y = new int[k];
        for (int i = 0; i < k; i++) {
            ws[i] = w;
            y[i] = i;
        }
        return model.decode(drawWithNoise(y, ws, eps, temperature));
    }

    @Override
    public boolean hasW() {
        return true;
    }

    @Override
    public float[][] fixZVaryW(int cluster, float[][] ws, double temperature, SplittableRandom rng) {
        checkSampleArgs(cluster, ws.length, temperature);
        for (float[] w : ws) {
            if (w.length != model.wDim()) {
                throw new InputException("w has " + model.wDim() + " dimensions in this model, got " + w.length);
            }
        }
        float[] eps = gaussian(1, model.latentDim(), rng, 1.0)[0];
        int[] y = new int[ws.length];
        Arrays.fill(y, cluster);
        return model.decode(drawWithNoise(y, ws, eps, temperature));
    }

    /** z_i = μ_{y_i}(w_i) + T σ_{y_i}(w_i) ε with one ε shared by all rows. */
    private float[][] drawWithNoise(int[] y, float[][] ws, float[] eps, double temperature) {
        float[][] shared = new float[y.length][];
        java.util.Arrays.fill(shared, eps);
        return componentDraws(model.conditionalPrior(ws), y, shared, temperature);
    }

    /**
     * z_i = μ_{y_i}(w_i) + T σ_{y_i}(w_i) ε_i from the conditional prior's rows ({@code p[0]} means,
     * {@code p[1]} variances, component k in columns [k·d, (k+1)·d)).
     */
    private float[][] componentDraws(float[][][] p, int[] y, float[][] eps, double temperature) {
        int d = model.latentDim();
        float[][] z = new float[y.length][d];
        for (int i = 0; i < y.length; i++) {
            for (int j = 0; j < d; j++) {
                int c = y[i] * d + j;
                z[i][j] = (float) (p[0][i][c] + temperature * Math.sqrt(p[1][i][c]) * eps[i][j]);
            }
        }
        return z;
    }

    static float[][] gaussian(int n, int d, SplittableRandom rng, double scale) {
        float[][] g = new float[n][d];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < d; j++) {
                g[i][j] = (float) (scale * rng.nextGaussian());
            }
        }
        return g;
    }

    /**
     * A square grid of w values for {@link #fixZVaryW} on a 2-D w: {@code steps × steps} points over
     * [−span, span]², row by row; for other w dimensions, the first two coordinates vary and the rest
     * are 0.
     */
    public float[][] wGrid(int steps, double span) {
        if (steps < 1 || steps > 100 || !(span > 0)) {
            throw new InputException("w grid needs 1..100 steps and a positive span, got " + steps + " and " + span);
        }
        float[][] ws = new float[steps * steps][model.wDim()];
        for (int r = 0; r < steps; r++) {
            for (int c = 0; c < steps; c++) {
                double a = steps == 1 ? 0 : -span + 2 * span * c / (steps - 1);
                double b = steps == 1 ? 0 : span - 2 * span * r / (steps - 1);
                ws[r * steps + c][0] = (float) a;
                if (model.wDim() > 1) {
                    ws[r * steps + c][1] = (float) b;
                }
            }
        }
        return ws;
    }
}
