package org.latentexplorer.inpaint;

import java.util.Locale;
import org.latentexplorer.common.InputException;

/**
 * How the K nearest neighbours are averaged (Kormaris 2020, §5.1): {@code UNIFORM} gives each 1/K;
 * {@code SOFTMAX} gives neighbour k the weight exp(−d_k) / Σ_j exp(−d_j), d the Euclidean distance on
 * the observed values, so closer neighbours count more.
 */
public enum KnnWeighting {
    UNIFORM, SOFTMAX;

    public static KnnWeighting parse(String text) {
        try {
            return valueOf(text.trim().toUpperCase(Locale.ROOT));
        } catch (RuntimeException e) {
            throw new InputException("K-NN weighting must be uniform or softmax, got '" + text + "'");
        }
    }

    @Override
    public String toString() {
        return name().toLowerCase(Locale.ROOT);
    }
}
