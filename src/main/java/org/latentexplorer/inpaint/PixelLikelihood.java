package org.latentexplorer.inpaint;

import java.util.SplittableRandom;
import org.latentexplorer.model.Likelihood;

/**
 * Per-value log p(x|z) from decoder logits, its derivative, the decoded mean and a draw, for the two
 * decoders of {@link Likelihood}. Same formulas as the training loss in
 * {@code SameDiffVae.negLogLikelihood}.
 */
final class PixelLikelihood {
    private static final double LOG_2PI = Math.log(2 * Math.PI);

    private final boolean bernoulli;
    private final double variance;
    private final double sd;
    private final double logNorm;

    PixelLikelihood(Likelihood likelihood) {
        bernoulli = likelihood.kind() == Likelihood.Kind.BERNOULLI;
        variance = bernoulli ? 1 : likelihood.variance();
        sd = Math.sqrt(variance);
        logNorm = -0.5 * (LOG_2PI + Math.log(variance));
    }

    static double sigmoid(double l) {
        return 1 / (1 + Math.exp(-l));
    }

    /**
     * Bernoulli: log p = x·l − softplus(l), softplus(l) = max(l, 0) + log(1 + e^−|l|) (the logits
     * form of the cross-entropy). Gaussian with variance s²: −(x − σ(l))²/(2s²) − ½ log(2π s²).
     */
    double logP(float x, float logit) {
        if (bernoulli) {
            return x * logit - (Math.max(logit, 0) + Math.log1p(Math.exp(-Math.abs(logit))));
        }
        double d = x - sigmoid(logit);
        return -d * d / (2 * variance) + logNorm;
    }

    /** ∂ log p / ∂ logit: x − σ(l) (Bernoulli); (x − m)·m(1 − m)/s², m = σ(l) (Gaussian). */
    double dLogP(float x, float logit) {
        double m = sigmoid(logit);
        return bernoulli ? x - m : (x - m) * m * (1 - m) / variance;
    }

    /** Σ_i log p(x_i | logits_i) over all values. */
    double logP(float[] x, float[] logits) {
        double s = 0;
        for (int i = 0; i < x.length; i++) {
            s += logP(x[i], logits[i]);
        }
        return s;
    }

    /** Σ over the indices listed. */
    double logP(float[] x, float[] logits, int[] indices) {
        double s = 0;
        for (int i : indices) {
            s += logP(x[i], logits[i]);
        }
        return s;
    }

    /**
     * For each index i: {@code mean[i]} = σ(l_i) and, for Bernoulli pixels, {@code softplus[i]} =
     * softplus(l_i), from one exponential e = e^−|l| per value (σ(l) = 1/(1 + e) for l ≥ 0, e/(1 + e)
     * otherwise). Afterwards {@link #logP(float, float, float, double)} needs no transcendental function,
     * which is what a chain that scores the same logits against changing values wants.
     */
    void prepare(float[] logits, int[] indices, float[] mean, double[] softplus) {
        for (int i : indices) {
            double l = logits[i];
            double e = Math.exp(-Math.abs(l));
            mean[i] = (float) (l >= 0 ? 1 / (1 + e) : e / (1 + e));
            softplus[i] = Math.max(l, 0) + Math.log(1 + e);
        }
    }

    /** Only {@code mean[i]} = σ(l_i) for each index i, as {@link #prepare} computes it. */
    void means(float[] logits, int[] indices, float[] mean) {
        for (int i : indices) {
            double l = logits[i];
            double e = Math.exp(-Math.abs(l));
            mean[i] = (float) (l >= 0 ? 1 / (1 + e) : e / (1 + e));
        }
    }

    /** {@link #logP(float, float)} from the values {@link #prepare} made for this logit. */
    double logP(float x, float logit, float mean, double softplus) {
        if (bernoulli) {
            return x * logit - softplus;
        }
        double d = x - mean;
        return -d * d / (2 * variance) + logNorm;
    }

    /** Σ over the indices listed, from prepared values. */
    double logP(float[] x, float[] logits, float[] mean, double[] softplus, int[] indices) {
        double s = 0;
        for (int i : indices) {
            s += logP(x[i], logits[i], mean[i], softplus[i]);
        }
        return s;
    }

    /** One draw from p(x_i|z) given its mean (see {@link #sample(float, SplittableRandom)}). */
    float sampleWithMean(float mean, SplittableRandom rng) {
        if (bernoulli) {
            return rng.nextDouble() < mean ? 1f : 0f;
        }
        return (float) Math.min(1, Math.max(0, mean + sd * rng.nextGaussian()));
    }

    /** E[x|z] = σ(l) for both decoders. */
    static float mean(float logit) {
        return (float) sigmoid(logit);
    }

    /** Variance of p(x_i|z): m(1 − m) (Bernoulli) or s² (Gaussian). */
    double variance(float logit) {
        double m = sigmoid(logit);
        return bernoulli ? m * (1 - m) : variance;
    }

    /** One draw from p(x_i|z); Gaussian draws are clipped to [0, 1], the range of the inputs. */
    float sample(float logit, SplittableRandom rng) {
        return sampleWithMean(mean(logit), rng);
    }
}
