package org.latentexplorer.train;

import java.util.Map;

/**
 * Figures of one finished epoch.
 *
 * @param epoch          0-based epoch
 * @param trainLoss      mean negative ELBO over the epoch's training batches
 * @param trainTerms     mean of each loss term over those batches
 * @param validLoss      negative ELBO on the validation split, NaN when there is none
 * @param validTerms     its terms (empty when there is no validation split)
 * @param examplesPerSec training throughput of the epoch
 * @param seconds        wall time of the epoch, validation included
 */
public record EpochStats(int epoch, double trainLoss, Map<String, Double> trainTerms, double validLoss,
                         Map<String, Double> validTerms, double examplesPerSec, double seconds) {
    public EpochStats {
        // Insertion order is the model's order of terms, which charts and tables keep.
        trainTerms = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(trainTerms));
        validTerms = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(validTerms));
    }
}
