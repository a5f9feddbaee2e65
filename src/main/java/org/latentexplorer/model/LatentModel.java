package org.latentexplorer.model;

import java.util.SplittableRandom;

/**
 * What every latent-variable model in Latent Explorer offers, whatever its graph: the plain VAE,
 * the Gaussian-mixture VAE and the conditional VAE all implement it.
 *
 * <p>Arrays in and out are plain Java values, one row per example, so that callers (the screens,
 * the embedding and inpainting code) never hold an ND4J array. Inputs are flattened examples of
 * {@code config().inputShape()} with values in [0, 1]. Implementations are not thread-safe: one
 * thread at a time uses a model.
 */
public interface LatentModel extends AutoCloseable {

    /** The model's configuration: kind, architecture, shapes, likelihood, label names. */
    ModelConfig config();

    default int latentDim() {
        return config().latentDim();
    }

    default int inputDim() {
        return config().inputShape().size();
    }

    /** Parameters of q(z|x) for each row of {@code x}. */
    Posterior encode(float[][] x);

    /** The mean of p(x|z) for each row of {@code z} (pixel probabilities for a Bernoulli decoder). */
    float[][] decode(float[][] z);

    /** {@code n} draws of z from the prior p(z). */
    float[][] samplePrior(int n, SplittableRandom rng);

    /**
     * {@code n} draws of z from the prior with the spread of z scaled by {@code temperature}: z ~ N(0, T²I)
     * for a standard-normal prior, and for a mixture prior each draw from its component with that
     * component's standard deviation times T, as {@code sample --cluster} does. At T = 1 the same draws,
     * from the same random numbers, as {@link #samplePrior(int, SplittableRandom)}. A model that cannot
     * scale its prior refuses other temperatures.
     *
     * @param temperature ≥ 0; 1 is the prior itself, 0 its centre
     */
    default float[][] samplePrior(int n, double temperature, SplittableRandom rng) {
        if (temperature == 1.0) {
            return samplePrior(n, rng);
        }
        throw new org.latentexplorer.common.InputException("this " + config().kind()
                + " cannot scale its prior's spread; use temperature 1");
    }

    /** Decode of the posterior mean: the model's reconstruction of each row of {@code x}. */
    default float[][] reconstruct(float[][] x) {
        return decode(encode(x).mean());
    }

    /**
     * The negative ELBO and its terms on a batch, averaged per example, with one Monte-Carlo
     * sample of the latent variables drawn from {@code rng}.
     */
    LossTerms loss(float[][] x, SplittableRandom rng);

    /**
     * Log importance weights log p(x, h_k) − log q(h_k | x) for {@code k} draws h_k of all latent
     * variables from the model's inference network, for a single example {@code x}. The evaluator
     * turns them into the importance-weighted log-likelihood estimate (Burda et al. 2016, eq. 8):
     * log p(x) ≈ log (1/k) Σ_k w_k.
     */
    double[] logImportanceWeights(float[] x, int k, SplittableRandom rng);

    /** Log-density of each row of {@code x} under p(x|z) for each row of {@code z} (same count). */
    double[] logLikelihood(float[][] x, float[][] z);

    /** Frees native memory. */
    @Override
    void close();
}
