package org.latentexplorer.sample;

import java.util.List;
import java.util.SplittableRandom;
import org.latentexplorer.model.SameDiffCvae;

/**
 * A conditional VAE's classes as clusters (Kolb 2022, §4.3.1): sampling cluster c is sampling class
 * c; responsibilities are the model's own p(c|x) ∝ exp ELBO(x, c).
 */
public final class CvaeClusters implements ClusterModel {
    private final SameDiffCvae model;

    public CvaeClusters(SameDiffCvae model) {
        this.model = model;
    }

    @Override
    public int clusterCount() {
        return model.classCount();
    }

    @Override
    public List<String> clusterNames() {
        List<String> names = model.config().labelNames();
        return names.size() == clusterCount() ? names : ClusterModel.numbered(clusterCount());
    }

    @Override
    public String source() {
        return "cvae classes";
    }

    @Override
    public float[][] responsibilities(float[][] x) {
        return model.classProbabilities(x);
    }

    @Override
    public float[][] sample(int cluster, int n, double temperature, SplittableRandom rng) {
        checkSampleArgs(cluster, n, temperature);
        if (n == 0) {
            return new float[0][];
        }
        return model.decode(model.sampleClass(cluster, n, temperature, rng), filled(n, cluster));
    }

    @Override
    public float[][] centres() {
        int k = clusterCount();
        float[][] z = new float[k][];
        int[] c = new int[k];
        for (int i = 0; i < k; i++) {
            z[i] = model.sampleClass(i, 1, 0.0, new SplittableRandom(0))[0];
            c[i] = i;
        }
        return model.decode(z, c);
    }

    /** One class each, all from the same standard-normal noise (for the fixed prior: the same z, "style"). */
    @Override
    public float[][] fixWVaryY(double temperature, SplittableRandom rng) {
        checkSampleArgs(0, 1, temperature);
        int k = clusterCount();
        long seed = rng.nextLong();
        float[][] z = new float[k][];
        int[] c = new int[k];
        for (int i = 0; i < k; i++) {
            z[i] = model.sampleClass(i, 1, temperature, new SplittableRandom(seed))[0];
            c[i] = i;
        }
        return model.decode(z, c);
    }

    private static int[] filled(int n, int c) {
        int[] a = new int[n];
        java.util.Arrays.fill(a, c);
        return a;
    }
}
