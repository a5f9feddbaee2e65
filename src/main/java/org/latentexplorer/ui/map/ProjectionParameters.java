package org.latentexplorer.ui.map;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.latentexplorer.ui.services.ProjectionSpec;

/**
 * The parameters the window offers for each projection, with a researcher's label, the range the core
 * accepts ({@code embed/TsneOptions}, {@code embed/UmapOptions}) and the default, and the check of what
 * a user types, so that a bad value is refused with a message before anything runs.
 */
public final class ProjectionParameters {
    /**
     * One parameter.
     *
     * @param key     the name {@code DefaultCoreServices.project} reads
     * @param integer whole numbers only
     * @param zeroOk  0 is accepted below {@code min} (meaning "automatic")
     */
    public record Parameter(String key, String label, String help, double min, double max, Number fallback,
                            boolean integer, boolean zeroOk) {
        /** The value of {@code text}, or an error message naming the parameter and its range. */
        public Object check(String text) {
            String t = text == null ? "" : text.trim();
            double v;
            try {
                v = Double.parseDouble(t);
            } catch (NumberFormatException e) {
                return label + ": '" + t + "' is not a number";
            }
            if (integer && (v != Math.rint(v) || Math.abs(v) > Integer.MAX_VALUE)) {
                return label + ": a whole number, please";
            }
            boolean inRange = v >= min && v <= max || zeroOk && v == 0;
            if (!Double.isFinite(v) || !inRange) {
                return String.format(Locale.ROOT, "%s: between %s and %s%s", label, show(min), show(max),
                        zeroOk ? " (or 0 for automatic)" : "");
            }
            return integer ? (Number) (int) v : (Number) v;
        }
    }

    private static final List<Parameter> TSNE = List.of(
            new Parameter("perplexity", "Perplexity", "The effective number of neighbours each point keeps "
                    + "(van der Maaten & Hinton 2008); 5–50 is usual", 1, 1000, 30, false, false),
            new Parameter("iterations", "Iterations", "Gradient steps of the optimisation", 50, 100_000, 1000, true,
                    false),
            new Parameter("learningRate", "Learning rate", "Step size; 0 chooses max(N / early exaggeration / 4, 50) "
                    + "(Belkina et al. 2019)", 1, 100_000, 0, false, true),
            new Parameter("earlyExaggeration", "Early exaggeration", "How strongly clusters are pulled together in the "
                    + "first 250 iterations", 1, 100, 12, false, false),
            new Parameter("seed", "Seed", "Seed of the random start", 0, Integer.MAX_VALUE, 42, true, false));

    private static final List<Parameter> UMAP = List.of(
            new Parameter("neighbors", "Neighbours", "Size of the local neighbourhood (McInnes et al. 2018): small "
                    + "keeps local detail, large the global shape", 2, 200, 15, true, false),
            new Parameter("minDist", "Minimum distance", "How tightly points may pack in the layout", 0, 0.99, 0.1,
                    false, false),
            new Parameter("epochs", "Epochs", "Optimisation epochs; 0 chooses 500 up to 10,000 points, else 200", 10,
                    10_000, 0, true, true),
            new Parameter("seed", "Seed", "Seed of the random start and sampling", 0, Integer.MAX_VALUE, 42, true, false));

    private ProjectionParameters() {
    }

    /** The parameters of {@code method} (none for PCA). */
    public static List<Parameter> of(String method) {
        return switch (method) {
            case ProjectionSpec.TSNE -> TSNE;
            case ProjectionSpec.UMAP -> UMAP;
            default -> List.of();
        };
    }

    public static Map<String, Number> defaults(String method) {
        Map<String, Number> m = new LinkedHashMap<>();
        for (Parameter p : of(method)) {
            m.put(p.key(), p.fallback());
        }
        return m;
    }

    private static String show(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
    }
}
