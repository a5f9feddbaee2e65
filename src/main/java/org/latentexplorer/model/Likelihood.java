package org.latentexplorer.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import org.latentexplorer.common.InputException;

/**
 * The decoder's output distribution p(x|z).
 *
 * <ul>
 *   <li>{@code bernoulli}: each pixel ~ Bernoulli(sigmoid(logit)); the decoded mean is the
 *       probability (Kingma &amp; Welling 2014, appendix C.1).</li>
 *   <li>{@code gaussian:S2}: each pixel ~ N(mean, S2) with a fixed variance S2; the decoded mean is
 *       sigmoid of the output so it stays in [0, 1]. Sánchez Martín (2018, §6.1) used S2 = 0.01 and
 *       0.001.</li>
 * </ul>
 *
 * @param variance the fixed variance of the Gaussian, NaN for Bernoulli
 */
public record Likelihood(Kind kind, double variance) {
    public enum Kind { BERNOULLI, GAUSSIAN }

    public static final Likelihood BERNOULLI = new Likelihood(Kind.BERNOULLI, Double.NaN);
    /** The largest fixed variance of the Gaussian. */
    public static final double MAX_VARIANCE = 100;

    public Likelihood {
        if (kind == Kind.GAUSSIAN && !(variance > 0 && variance <= MAX_VARIANCE)) {
            throw new InputException("Gaussian likelihood variance must be in (0, " + (int) MAX_VARIANCE + "], got " + variance);
        }
    }

    public static Likelihood gaussian(double variance) {
        return new Likelihood(Kind.GAUSSIAN, variance);
    }

    /** Parses {@code bernoulli} or {@code gaussian:S2} (e.g. {@code gaussian:0.01}). */
    @JsonCreator
    public static Likelihood parse(String text) {
        String t = text == null ? "" : text.trim().toLowerCase(java.util.Locale.ROOT);
        if (t.equals("bernoulli")) {
            return BERNOULLI;
        }
        if (t.startsWith("gaussian")) {
            String rest = t.substring("gaussian".length());
            if (rest.isEmpty()) {
                return gaussian(0.01);
            }
            if (rest.startsWith(":")) {
                try {
                    return gaussian(Double.parseDouble(rest.substring(1)));
                } catch (NumberFormatException e) {
                    // fall through to the message below
                }
            }
        }
        throw new InputException("likelihood must be 'bernoulli' or 'gaussian:S2' (e.g. gaussian:0.01), got '" + text + "'");
    }

    @JsonValue
    @Override
    public String toString() {
        return kind == Kind.BERNOULLI ? "bernoulli" : "gaussian:" + variance;
    }
}
