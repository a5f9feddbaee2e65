package org.latentexplorer.ui.services;

import java.util.Map;
import java.util.TreeMap;
import org.latentexplorer.sample.FittedMixture;

/**
 * Clusters fitted to a plain VAE's codes, as kept with its bundle: fitting is seeded, so the method, K
 * and seed give the same clusters again when the model is reopened, and the names stay on them.
 *
 * @param names the user's names by cluster index (only those that differ from the default)
 */
public record FittedClusters(FittedMixture.Method method, int k, long seed, Map<Integer, String> names) {
    public FittedClusters {
        names = Map.copyOf(names == null ? Map.of() : names);
    }

    /** The annotation's JSON form: {@code {"method": "gmm", "k": 10, "seed": 1, "names": {"0": "…"}}}. */
    public Map<String, Object> toJson() {
        Map<String, String> n = new TreeMap<>();
        names.forEach((i, v) -> n.put(Integer.toString(i), v));
        return Map.of("method", method.name().toLowerCase(java.util.Locale.ROOT), "k", k, "seed", seed, "names", n);
    }

    /** Reads the annotation back; null when it is absent or not of this form. */
    public static FittedClusters fromJson(Object saved) {
        if (!(saved instanceof Map<?, ?> m) || !(m.get("k") instanceof Number k) || !(m.get("seed") instanceof Number seed)
                || !(m.get("method") instanceof String method) || k.intValue() < 2 || k.intValue() > 100) {
            return null;
        }
        Map<Integer, String> names = new TreeMap<>();
        if (m.get("names") instanceof Map<?, ?> n) {
            n.forEach((key, value) -> {
                try {
                    names.put(Integer.parseInt(String.valueOf(key)), String.valueOf(value));
                } catch (NumberFormatException e) {
                    // not a cluster index
                }
            });
        }
        try {
            return new FittedClusters(FittedMixture.Method.parse(method), k.intValue(), seed.longValue(), names);
        } catch (RuntimeException e) {
            return null;
        }
    }
}
