package org.latentexplorer.ui.fakes;

import java.util.List;
import java.util.SplittableRandom;
import org.latentexplorer.sample.ClusterModel;

/**
 * K clusters of {@link FakeModel} blobs, cluster k around angle 2πk/K on the circle the
 * {@link FakeData} classes sit on, so that with K = 10 clusters match classes.
 */
public final class FakeClusterModel implements ClusterModel {
    private final int k;
    private final String source;
    private final FakeModel decoder = new FakeModel(2);
    public volatile int sampleCalls;

    public FakeClusterModel(int k, String source) {
        this.k = k;
        this.source = source;
    }

    private float[] centre(int c) {
        double a = 2 * Math.PI * c / k;
        // FakeData puts class k at (cos a, sin a) × 0.3 of the image from its centre; FakeModel codes are ±4 at the edges.
        return new float[]{(float) (Math.cos(a) * 0.6 * 4), (float) (-Math.sin(a) * 0.6 * 4)};
    }

    @Override
    public int clusterCount() {
        return k;
    }

    @Override
    public List<String> clusterNames() {
        return ClusterModel.numbered(k);
    }

    @Override
    public String source() {
        return source;
    }

    @Override
    public float[][] responsibilities(float[][] x) {
        float[][] z = decoder.encode(x).mean();
        float[][] r = new float[x.length][k];
        for (int i = 0; i < x.length; i++) {
            int best = 0;
            double bestD = Double.MAX_VALUE;
            for (int c = 0; c < k; c++) {
                float[] m = centre(c);
                double d = Math.hypot(z[i][0] - m[0], z[i][1] - m[1]);
                if (d < bestD) {
                    bestD = d;
                    best = c;
                }
            }
            r[i][best] = 1;
        }
        return r;
    }

    @Override
    public float[][] sample(int cluster, int n, double temperature, SplittableRandom rng) {
        checkSampleArgs(cluster, n, temperature);
        sampleCalls++;
        float[] m = centre(cluster);
        float[][] z = new float[n][2];
        for (int i = 0; i < n; i++) {
            z[i][0] = (float) (m[0] + temperature * 0.5 * rng.nextGaussian());
            z[i][1] = (float) (m[1] + temperature * 0.5 * rng.nextGaussian());
        }
        return decoder.decode(z);
    }

    @Override
    public float[][] centres() {
        float[][] z = new float[k][];
        for (int c = 0; c < k; c++) {
            z[c] = centre(c);
        }
        return decoder.decode(z);
    }

    @Override
    public float[][] fixWVaryY(double temperature, SplittableRandom rng) {
        float[][] out = new float[k][];
        for (int c = 0; c < k; c++) {
            out[c] = sample(c, 1, 0, rng)[0];
        }
        return out;
    }
}
