package org.latentexplorer.sample;

import java.util.List;
import org.latentexplorer.common.InputException;

/** Codes along a path through latent space: interpolations between two codes, and traversals of single dimensions. */
public final class LatentPaths {
    private LatentPaths() {
    }

    /** {@code steps} codes on the segment from a to b (end points included). */
    public static float[][] linear(float[] a, float[] b, int steps) {
        float[][] z = new float[steps][a.length];
        for (int s = 0; s < steps; s++) {
            double t = steps == 1 ? 0 : s / (double) (steps - 1);
            for (int k = 0; k < a.length; k++) {
                z[s][k] = (float) ((1 - t) * a[k] + t * b[k]);
            }
        }
        return z;
    }

    /**
     * Spherical interpolation (White 2016, "Sampling generative networks", §2.2):
     * slerp(a, b; t) = sin((1−t)θ)/sin θ · a + sin(tθ)/sin θ · b, θ the angle between a and b. It keeps
     * the codes at a norm typical of the Gaussian prior, where linear interpolation passes near the
     * origin. Falls back to linear when a and b are (anti)parallel.
     */
    public static float[][] spherical(float[] a, float[] b, int steps) {
        double na = 0;
        double nb = 0;
        double dot = 0;
        for (int k = 0; k < a.length; k++) {
            na += a[k] * a[k];
            nb += b[k] * b[k];
            dot += a[k] * b[k];
        }
        double cos = dot / Math.sqrt(Math.max(1e-30, na * nb));
        double theta = Math.acos(Math.max(-1, Math.min(1, cos)));
        if (theta < 1e-4 || Math.PI - theta < 1e-4) {
            return linear(a, b, steps);
        }
        float[][] z = new float[steps][a.length];
        double sin = Math.sin(theta);
        for (int s = 0; s < steps; s++) {
            double t = steps == 1 ? 0 : s / (double) (steps - 1);
            double wa = Math.sin((1 - t) * theta) / sin;
            double wb = Math.sin(t * theta) / sin;
            for (int k = 0; k < a.length; k++) {
                z[s][k] = (float) (wa * a[k] + wb * b[k]);
            }
        }
        return z;
    }

    /**
     * A latent traversal (Higgins et al. 2017, β-VAE, Fig. 1): for each dimension in {@code dims}, one row
     * of {@code steps} codes equal to {@code base} except that dimension, which runs from {@code lo} to
     * {@code hi} (end points included). Rows follow the order of {@code dims}.
     */
    public static float[][] traversal(float[] base, List<Integer> dims, double lo, double hi, int steps) {
        if (steps < 2 || steps > 100) {
            throw new InputException("a traversal has 2 to 100 steps, got " + steps);
        }
        if (!(lo < hi) || !Double.isFinite(lo) || !Double.isFinite(hi)) {
            throw new InputException("a traversal's range must be MIN:MAX with MIN < MAX, got " + lo + ":" + hi);
        }
        float[][] z = new float[dims.size() * steps][];
        for (int r = 0; r < dims.size(); r++) {
            int u = dims.get(r);
            if (u < 0 || u >= base.length) {
                throw new InputException("latent dimension " + (u + 1) + " does not exist (the code has " + base.length + ")");
            }
            for (int s = 0; s < steps; s++) {
                float[] c = base.clone();
                c[u] = (float) (lo + (hi - lo) * s / (steps - 1));
                z[r * steps + s] = c;
            }
        }
        return z;
    }
}
