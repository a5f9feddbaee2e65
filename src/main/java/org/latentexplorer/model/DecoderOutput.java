package org.latentexplorer.model;

import java.util.Locale;
import org.latentexplorer.common.InputException;

/**
 * What an imported decoder returns, and the log-density of a pixel given that value under each
 * {@link Likelihood}. The project's own decoders return logits; exported ones often end in a sigmoid
 * (probabilities, or a Gaussian's mean).
 */
public enum DecoderOutput {
    /** Pre-sigmoid values: the Bernoulli parameter (or the Gaussian's mean) is σ(l), as in our own models. */
    LOGITS,
    /** Bernoulli probabilities in [0, 1]. */
    PROBABILITIES,
    /** The mean of p(x|z) itself (a Gaussian decoder's mean; for a Bernoulli decoder, its probabilities). */
    MEAN;

    private static final double LOG_2PI = Math.log(2 * Math.PI);
    /** PyTorch's {@code BCELoss} clamps each log at −100 so that a probability of exactly 0 or 1 stays finite. */
    private static final double LOG_FLOOR = -100;

    public static DecoderOutput parse(String text) {
        String t = text == null ? "" : text.trim().toUpperCase(Locale.ROOT);
        for (DecoderOutput o : values()) {
            if (o.name().equals(t)) {
                return o;
            }
        }
        throw new InputException("decoder output must be logits, probabilities or mean, got '" + text + "'");
    }

    /** The name the command line and the bundle use. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The mean of p(x|z) from the decoder's value. */
    public float mean(float v) {
        return this == LOGITS ? (float) (1 / (1 + Math.exp(-v))) : v;
    }

    /**
     * log p(x_i | value_i) summed over the values of one example. Bernoulli from logits:
     * x·l − softplus(l) (the logits form of the cross-entropy); from probabilities:
     * x·log p + (1 − x)·log(1 − p), each log clamped at −100 as PyTorch's {@code BCELoss} does. Gaussian
     * with variance s²: −(x − m)²/(2s²) − ½ log(2π s²) (Sánchez Martín 2018, §6.1), m the decoded mean.
     */
    public double logDensity(float[] x, float[] values, Likelihood likelihood) {
        double s = 0;
        if (likelihood.kind() == Likelihood.Kind.BERNOULLI) {
            for (int i = 0; i < x.length; i++) {
                double v = values[i];
                if (this == LOGITS) {
                    s += x[i] * v - (Math.max(v, 0) + Math.log1p(Math.exp(-Math.abs(v))));
                } else {
                    s += x[i] * Math.max(Math.log(v), LOG_FLOOR) + (1 - x[i]) * Math.max(Math.log1p(-v), LOG_FLOOR);
                }
            }
            return s;
        }
        double variance = likelihood.variance();
        for (int i = 0; i < x.length; i++) {
            double d = x[i] - mean(values[i]);
            s += d * d;
        }
        return -s / (2 * variance) - 0.5 * x.length * (LOG_2PI + Math.log(variance));
    }
}
