package org.latentexplorer.embed;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Options of the PCA map. PCA has no free parameter: the codes are centred and projected on the two
 * leading eigenvectors of their covariance (Jolliffe, <i>Principal Component Analysis</i>, 2002, ch. 1).
 */
public record PcaOptions() implements EmbedOptions {
    @Override
    public EmbedMethod method() {
        return EmbedMethod.PCA;
    }

    @Override
    public Map<String, String> parameters() {
        return new LinkedHashMap<>();
    }
}
