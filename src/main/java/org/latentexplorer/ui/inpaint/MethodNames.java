package org.latentexplorer.ui.inpaint;

import java.util.Locale;
import org.latentexplorer.inpaint.KnnWeighting;
import org.latentexplorer.inpaint.MethodSpec;

/**
 * What the Inpaint screen calls each completion method, and what it says about it. The command line
 * keeps {@link MethodSpec}'s short names ({@code mwg}, {@code knn:10}); a person choosing from a list
 * needs words, and this is the one place that holds them.
 */
final class MethodNames {
    private MethodNames() {
    }

    /** A readable name, e.g. "Nearest neighbours (k = 10)" for {@code knn:10}. */
    static String name(MethodSpec m) {
        return switch (m.method()) {
            case PSEUDO_GIBBS -> "Pseudo-Gibbs sampling";
            case MWG -> "Metropolis-within-Gibbs";
            case IW -> "Importance sampling (K = " + m.k() + ")";
            case REPLACE -> "Iterative replacement";
            case OPTIMIZE -> "Optimise the code";
            case KNN -> "Nearest neighbours (k = " + m.k()
                    + (m.weighting() == KnnWeighting.UNIFORM ? "" : ", " + m.weighting() + "-weighted") + ")";
            case VAEAC -> "VAEAC (S = " + m.k() + ")";
        };
    }

    /** One or two sentences on how the method completes and what it gives. */
    static String explanation(MethodSpec m) {
        return switch (m.method()) {
            case PSEUDO_GIBBS -> "Alternately draws a code from the encoder and the hidden pixels from the decoder "
                    + "(Rezende et al. 2014). Gives several samples and their spread.";
            case MWG -> "Pseudo-Gibbs with an accept/reject step, so the chain samples the model's exact "
                    + "conditional (Mattei & Frellsen 2018). Gives several samples and their spread.";
            case IW -> String.format(Locale.ROOT, "Draws %d codes and weights each by how well it explains the "
                    + "visible pixels (MIWAE, Mattei & Frellsen 2019). Runs a fixed number of rounds.", m.k());
            case REPLACE -> "Encodes, decodes and puts the visible pixels back, again and again, until it settles "
                    + "on one completion (no uncertainty).";
            case OPTIMIZE -> "Searches for the single most likely code by gradient ascent (Adam), then decodes "
                    + "it: one completion, no uncertainty.";
            case KNN -> "Averages the " + m.k() + " training images closest on the visible pixels. Uses no model.";
            case VAEAC -> String.format(Locale.ROOT, "Draws %d codes from the VAEAC's prior given the visible pixels "
                    + "and decodes each (Ivanov et al. 2019). Gives several samples and their spread, in one pass.",
                    m.k());
        };
    }

    /** Why the Iterations field is off for {@code m}, or null when the method uses it. */
    static String iterationsIgnored(MethodSpec m) {
        return switch (m.method()) {
            case IW -> "Importance sampling draws its " + m.k() + " codes in a fixed number of rounds: "
                    + "Iterations do not apply.";
            case KNN -> "Nearest neighbours looks the neighbours up once: Iterations do not apply.";
            case VAEAC -> "The VAEAC draws its " + m.k() + " codes at once: Iterations do not apply.";
            default -> m.method().usesIterations() ? null : name(m) + " does not use Iterations.";
        };
    }

    /** What the uncertainty panel says instead of a map when {@code m} gives none, or null. */
    static String noSpread(MethodSpec m) {
        return m.method().givesSpread() ? null : name(m) + " gives one completion: no uncertainty.";
    }
}
