package org.latentexplorer.inpaint;

/**
 * The result of completing one example. Every array is a full example in which the observed values
 * are exactly the input's; only the missing values differ.
 *
 * @param mean           the point completion: the average of the model's predictions over the chain
 *                       (sampling methods), the final decode (replace, optimize) or the weighted
 *                       neighbour average (K-NN)
 * @param samples        several plausible completions (chain states or neighbours), at least one
 * @param stdDev         per-value spread of the completions around {@code mean} (0 where observed):
 *                       the screen's uncertainty map
 * @param zPath          the latent code after each iteration (empty for K-NN; vaeac: its S codes), for the
 *                       latent map
 * @param method         the method that made it
 * @param iterations     iterations run (vaeac: the S codes drawn, all at once)
 * @param acceptanceRate fraction of accepted proposals (MwG), NaN for the other methods
 * @param effectiveSampleSize importance sampling's effective sample size (Σw)²/Σw² (iw; between 1, one
 *                       code carries all the weight, and K), NaN for the other methods
 * @param millis         wall time of the completion
 * @param note           an explanation when the input was unusual (empty or full mask), else ""
 */
public record Completion(float[] mean, float[][] samples, float[] stdDev, float[][] zPath, MethodSpec method,
                         int iterations, double acceptanceRate, double effectiveSampleSize, double millis,
                         String note) {
}
