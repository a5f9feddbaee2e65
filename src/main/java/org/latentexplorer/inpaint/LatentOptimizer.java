package org.latentexplorer.inpaint;

import java.util.SplittableRandom;
import org.latentexplorer.common.CancelToken;

/**
 * Latent optimisation: z* = argmax_z J(z), J(z) = Σ_{i observed} log p(x_i|z) + log p(z), then the
 * completion is E[x_m|z*]. A maximum-a-posteriori code given only the observed values; the prior term
 * −½‖z‖² keeps z where the decoder was trained. Ascent by Adam (Kingma &amp; Ba 2015, Algorithm 1;
 * β1 = 0.9, β2 = 0.999, ε = 1e-8), from the encoder mean of the image with missing values at 0.
 *
 * <p>∂J/∂z comes from the Java network's backward pass; for other models, from central differences
 * (step 1e-3) decoded in one batch of 2d codes.
 */
final class LatentOptimizer {
    private static final double BETA1 = 0.9, BETA2 = 0.999, ADAM_EPS = 1e-8, FD_STEP = 1e-3;

    private LatentOptimizer() {
    }

    static Completion run(LatentNetwork net, MethodSpec spec, float[] image, Mask mask, InpaintOptions o,
                          SplittableRandom rng, CancelToken cancel, InpaintListener listener, String note) {
        long start = System.nanoTime();
        int d = net.latentDim();
        int[] miss = mask.missingIndices();
        int[] obs = mask.observedIndices();
        PixelLikelihood lik = new PixelLikelihood(net.likelihood());
        LatentNetwork.Pass pass = net.open();

        float[] x = mask.zeroFilled(image);
        float[] z = new float[d], logVar = new float[d];
        pass.encode(x, z, logVar);

        float[] logits = new float[x.length];
        float[] gLogits = new float[x.length];
        float[] gz = new float[d];
        double[] m = new double[d], v = new double[d];
        int iterations = o.iterations();
        float[][] zPath = new float[iterations][];
        CompletionBuilder out = new CompletionBuilder(image, miss, 1);

        for (int t = 1; t <= iterations; t++) {
            cancel.check();
            gradient(pass, lik, x, obs, z, logits, gLogits, gz);
            for (int j = 0; j < d; j++) {
                double g = gz[j] - z[j]; // ∂/∂z log N(z; 0, I) = −z
                m[j] = BETA1 * m[j] + (1 - BETA1) * g;
                v[j] = BETA2 * v[j] + (1 - BETA2) * g * g;
                double mHat = m[j] / (1 - Math.pow(BETA1, t));
                double vHat = v[j] / (1 - Math.pow(BETA2, t));
                z[j] += (float) (o.learningRate() * mHat / (Math.sqrt(vHat) + ADAM_EPS)); // ascent
            }
            zPath[t - 1] = z.clone();
            if (listener != InpaintListener.NONE) {
                pass.decode(z, logits);
                listener.onIteration(t, iterations, out.completedWith(logits), z.clone());
            }
        }
        pass.decode(z, logits);
        out.addLogits(logits);
        out.snapshotLogits(logits);
        return out.build(spec, iterations, zPath, Double.NaN, start, note);
    }

    /** Fills {@code gz} with ∂/∂z Σ_{i ∈ obs} log p(x_i|z) (without the prior term). */
    private static void gradient(LatentNetwork.Pass pass, PixelLikelihood lik, float[] x, int[] obs, float[] z,
                                 float[] logits, float[] gLogits, float[] gz) {
        if (pass.hasGradient()) {
            pass.decode(z, logits);
            java.util.Arrays.fill(gLogits, 0f);
            for (int i : obs) {
                gLogits[i] = (float) lik.dLogP(x[i], logits[i]);
            }
            pass.backward(gLogits, gz);
            return;
        }
        int d = z.length;
        float[][] probes = new float[2 * d][];
        for (int j = 0; j < d; j++) {
            probes[2 * j] = z.clone();
            probes[2 * j][j] += (float) FD_STEP;
            probes[2 * j + 1] = z.clone();
            probes[2 * j + 1][j] -= (float) FD_STEP;
        }
        float[][] l = pass.decodeMany(probes);
        for (int j = 0; j < d; j++) {
            double up = lik.logP(x, l[2 * j], obs);
            double down = lik.logP(x, l[2 * j + 1], obs);
            gz[j] = (float) ((up - down) / (2 * FD_STEP));
        }
    }
}
