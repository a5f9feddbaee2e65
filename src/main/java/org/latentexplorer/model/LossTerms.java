package org.latentexplorer.model;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The negative ELBO of a batch and its terms, each averaged over the examples of the batch, in nats.
 * Term names are the model's own (a VAE reports {@code recon} and {@code kl}; a GMVAE reports
 * {@code ReconsLoss}, {@code CondPrior}, {@code WPrior}, {@code YPrior}), in the order the model
 * lists them.
 */
public record LossTerms(double loss, Map<String, Double> terms) {
    public LossTerms {
        terms = Collections.unmodifiableMap(new LinkedHashMap<>(terms));
    }

    public double term(String name) {
        Double v = terms.get(name);
        if (v == null) {
            throw new IllegalArgumentException("no loss term " + name + " in " + terms.keySet());
        }
        return v;
    }
}
