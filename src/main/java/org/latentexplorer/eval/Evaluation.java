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

    /**
     * The figures as lines of text, as {@code eval} prints them and the Model screen shows them: the
     * −ELBO and its terms, the IW estimate, reconstruction errors, active units, clusters, corruptions.
     */
    public java.util.List<String> describe() {
        java.util.List<String> lines = new java.util.ArrayList<>();
        java.util.Locale r = java.util.Locale.ROOT;
        StringBuilder t = new StringBuilder();
        terms.forEach((k, v) -> t.append(t.length() == 0 ? "" : ", ").append(k).append(' ')
                .append(String.format(r, "%.3f", v)));
        lines.add(String.format(r, "negative ELBO   %.3f nats  (%s)", negElbo, t));
        if (iwLogLikelihood != null) {
            lines.add(String.format(r, "log-likelihood  %.3f nats (K = %d, Burda et al. 2016)", iwLogLikelihood, iwSamples));
        }
        lines.add(String.format(r, "reconstruction  RMSE %.4f  MAE %.4f", reconRmse, reconMae));
        if (latent != null) {
            lines.add(String.format(r, "active units    %d of %d (variance of the posterior mean above %.2f, Burda et "
                    + "al. 2016)", latent.active(), latent.kl().length, LatentUsage.THRESHOLD));
        }
        Object acc = clusters instanceof ClusterMetrics m ? m.accuracy() : field(clusters, "accuracy");
        if (acc instanceof Number a) {
            Object nmi = clusters instanceof ClusterMetrics m ? m.nmi() : field(clusters, "nmi");
            Object ari = clusters instanceof ClusterMetrics m ? m.ari() : field(clusters, "ari");
            lines.add(String.format(r, "clusters        accuracy %.4f  NMI %.4f  ARI %.4f", a.doubleValue(),
                    ((Number) nmi).doubleValue(), ((Number) ari).doubleValue()));
        }
        if (corrupted != null) {
            StringBuilder c = new StringBuilder();
            corrupted.forEach((k, v) -> c.append(c.length() == 0 ? "" : ", ").append(k).append(' ')
                    .append(String.format(r, "%.3f", v)));
            lines.add("corrupted       log-likelihood " + c + " nats (Sánchez Martín 2018, exp. 4)");
        }
        return lines;
    }

    /** A figure of clusters read back from a bundle's JSON (a map), or null. */
    private static Object field(Object clusters, String name) {
        return clusters instanceof Map<?, ?> m && m.get(name) instanceof Number n ? n : null;
    }

    public Evaluation withClusters(Object clusterFigures) {
        return new Evaluation(dataset, examples, binarized, negElbo, terms, iwSamples, iwLogLikelihood, reconRmse,
                reconMae, corrupted, clusterFigures, latent);
    }
}
