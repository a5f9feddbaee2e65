package org.latentexplorer.ui.fakes;

import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.latentexplorer.data.ImageShape;
import org.latentexplorer.model.LatentModel;
import org.latentexplorer.model.Likelihood;
import org.latentexplorer.model.LossTerms;
import org.latentexplorer.model.ModelConfig;
import org.latentexplorer.model.Posterior;

/**
 * An analytic stand-in for a trained VAE on 28×28 images: the code of an image is the centre of its
 * ink (scaled to about −3..3), and decoding draws a Gaussian blob at the place a code names. Encode
 * then decode is close to the identity on blob images, so the screens have something real to show.
 */
public final class FakeModel implements LatentModel {
    public static final ImageShape SHAPE = ImageShape.grey(28, 28);
    private final ModelConfig config;
    public volatile int decodeCalls;
    public volatile boolean closed;

    public FakeModel(int latentDim) {
        this.config = new ModelConfig("vae", "dense", SHAPE, latentDim, List.of(8), Likelihood.BERNOULLI, "unit",
                "synthetic", FakeData.LABELS, Map.of());
    }

    @Override
    public ModelConfig config() {
        return config;
    }

    @Override
    public Posterior encode(float[][] x) {
        int d = config.latentDim();
        float[][] mean = new float[x.length][d];
        float[][] logVar = new float[x.length][d];
        for (int i = 0; i < x.length; i++) {
            double sum = 0;
            double sx = 0;
            double sy = 0;
            for (int p = 0; p < 784; p++) {
                sum += x[i][p];
                sx += x[i][p] * (p % 28);
                sy += x[i][p] * (p / 28);
            }
            double cx = sum > 0 ? sx / sum : 13.5;
            double cy = sum > 0 ? sy / sum : 13.5;
            mean[i][0] = (float) ((cx - 13.5) / 13.5 * 4);
            if (d > 1) {
                mean[i][1] = (float) (-(cy - 13.5) / 13.5 * 4);
            }
            for (int k = 2; k < d; k++) {
                mean[i][k] = (float) (0.3 * Math.sin(k * mean[i][0] + mean[i][1]));
            }
        }
        return new Posterior(mean, logVar);
    }

    @Override
    public float[][] decode(float[][] z) {
        decodeCalls++;
        float[][] out = new float[z.length][784];
        for (int i = 0; i < z.length; i++) {
            double cx = 13.5 + z[i][0] / 4 * 13.5;
            double cy = 13.5 - (z[i].length > 1 ? z[i][1] : 0) / 4 * 13.5;
            double s = 2.5 + (z[i].length > 2 ? Math.abs(z[i][2]) * 2 : 0);
            for (int p = 0; p < 784; p++) {
                double dx = p % 28 - cx;
                double dy = p / 28 - cy;
                out[i][p] = (float) Math.exp(-(dx * dx + dy * dy) / (2 * s * s));
            }
        }
        return out;
    }

    @Override
    public float[][] samplePrior(int n, SplittableRandom rng) {
        float[][] z = new float[n][config.latentDim()];
        for (float[] row : z) {
            for (int k = 0; k < row.length; k++) {
                row[k] = (float) rng.nextGaussian();
            }
        }
        return z;
    }

    @Override
    public LossTerms loss(float[][] x, SplittableRandom rng) {
        return new LossTerms(100, Map.of("recon", 90.0, "kl", 10.0));
    }

    @Override
    public double[] logImportanceWeights(float[] x, int k, SplittableRandom rng) {
        return new double[k];
    }

    @Override
    public double[] logLikelihood(float[][] x, float[][] z) {
        return new double[x.length];
    }

    @Override
    public void close() {
        closed = true;
    }
}
