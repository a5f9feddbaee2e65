package org.latentexplorer.model;

/**
 * Parameters of the Gaussian posterior q(z|x) = N(mean, diag(exp(logVar))) for a batch of inputs,
 * one row per input.
 */
public record Posterior(float[][] mean, float[][] logVar) {
    public int size() {
        return mean.length;
    }
}
