package org.latentexplorer.eval;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Map;

/**
 * Figures of a model on a set of examples, averaged per example (nats for log-likelihoods).
 *
 * @param dataset        the data set id and split
 * @param examples       how many examples were used
 * @param binarized      whether inputs were binarised (with a fixed seed) before scoring
 * @param negElbo        negative ELBO (one Monte-Carlo sample per example)
 * @param terms          its terms (model-specific names)
 * @param iwSamples      importance samples K per example, 0 when the estimate was not asked for
 * @param iwLogLikelihood importance-weighted log-likelihood estimate (Burda et al. 2016), null if K = 0
 * @param reconRmse      root mean squared error of the reconstruction (decoded posterior mean), per pixel
 * @param reconMae       mean absolute error of the reconstruction, per pixel
 * @param corrupted      log-likelihood (IW with K samples, else −ELBO) under each corruption of the
 *                       input (Sánchez Martín 2018, Experiment 4): {@code clean}, {@code noise} (uniform ±0.1),
 *                       {@code dropout} (50% of pixels set to 0); null when not asked for
 * @param clusters       clustering figures when the data set has labels and the model has clusters
 * @param latent         per-dimension activity and KL, and the number of active units (Burda et al. 2016)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Evaluation(String dataset, int examples, boolean binarized, double negElbo, Map<String, Double> terms,
                         int iwSamples, Double iwLogLikelihood, double reconRmse, double reconMae,
                         Map<String, Double> corrupted, Object clusters, LatentUsage latent) {

    public Evaluation withClusters(Object clusterFigures) {
        return new Evaluation(dataset, examples, binarized, negElbo, terms, iwSamples, iwLogLikelihood, reconRmse,
                reconMae, corrupted, clusterFigures, latent);
    }
}
