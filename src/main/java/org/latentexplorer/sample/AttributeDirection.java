package org.latentexplorer.sample;

import org.latentexplorer.common.InputException;

/**
 * An attribute vector: the difference of two groups' centroids in latent space, v = c_B − c_A with
 * c_G = (1/|G|) Σ_{i ∈ G} z_i. Latent Space Cartography (Liu, Jun, Li and Heer, Computer Graphics Forum
 * 38(3), EuroVis 2019, doi:10.1111/cgf.13672) defines a semantic dimension this way from two groups the
 * user picks, walks codes along it and projects the codes onto its axis; White ("Sampling Generative
 * Networks", arXiv:1609.04468, 2016) builds attribute vectors from labelled groups alike.
 *
 * @param from   the centroid of group A (length d)
 * @param to     the centroid of group B
 * @param vector {@code to − from}
 */
public record AttributeDirection(float[] from, float[] to, float[] vector) {

    /** The direction from the centroid of rows {@code a} of {@code codes} to that of rows {@code b}. */
    public static AttributeDirection between(float[][] codes, int[] a, int[] b) {
        float[] ca = centroid(codes, a, "A");
        float[] cb = centroid(codes, b, "B");
        float[] v = new float[ca.length];
        for (int k = 0; k < v.length; k++) {
            v[k] = cb[k] - ca[k];
        }
        return new AttributeDirection(ca, cb, v);
    }

    /** The mean of rows {@code rows} of {@code codes}; {@code name} names the group in the message for none. */
    static float[] centroid(float[][] codes, int[] rows, String name) {
        if (rows == null || rows.length == 0) {
            throw new InputException("group " + name + " is empty: select some points or pick a label for it");
        }
        int d = codes[rows[0]].length;
        double[] sum = new double[d];
        for (int i : rows) {
            for (int k = 0; k < d; k++) {
                sum[k] += codes[i][k];
            }
        }
        float[] c = new float[d];
        for (int k = 0; k < d; k++) {
            c[k] = (float) (sum[k] / rows.length);
        }
        return c;
    }

    /** ‖v‖: how far apart the two centroids are. */
    public double length() {
        double s = 0;
        for (float x : vector) {
            s += (double) x * x;
        }
        return Math.sqrt(s);
    }

    /** The codes z + t·v for each t of {@code multiples}: an image walked along the direction. */
    public float[][] walk(float[] z, double[] multiples) {
        float[][] out = new float[multiples.length][z.length];
        for (int s = 0; s < multiples.length; s++) {
            for (int k = 0; k < z.length; k++) {
                out[s][k] = (float) (z[k] + multiples[s] * vector[k]);
            }
        }
        return out;
    }

    /** {@code steps} evenly spaced multiples from −reach to +reach, both included (0 in the middle when steps is odd). */
    public static double[] multiples(double reach, int steps) {
        if (steps < 2 || !(reach > 0)) {
            throw new InputException("a walk needs at least 2 steps and a reach above 0, got " + steps + " and " + reach);
        }
        return Plane.ticks(0, reach, steps);
    }

    /**
     * The plane of a custom map axis: u runs along the unit direction v/‖v‖ from group A's centroid (A at
     * u = 0, B at u = ‖v‖), and v along the first principal axis of what the direction leaves of the
     * codes, r_i = z_i − (z_i·û) û (so the second axis shows the largest spread the first one cannot).
     * With d = 1 the second axis is zero.
     *
     * @param name the u axis's name ("zero → seven")
     */
    public Plane axisPlane(float[][] codes, String name) {
        int d = vector.length;
        double len = length();
        if (len < 1e-9) {
            throw new InputException("the two groups have the same centroid: there is no direction between them");
        }
        float[] a = new float[d];
        for (int k = 0; k < d; k++) {
            a[k] = (float) (vector[k] / len);
        }
        float[] b = new float[d];
        if (d > 1) {
            float[][] rest = new float[codes.length][d];
            for (int i = 0; i < codes.length; i++) {
                double dot = 0;
                for (int k = 0; k < d; k++) {
                    dot += codes[i][k] * a[k];
                }
                for (int k = 0; k < d; k++) {
                    rest[i][k] = (float) (codes[i][k] - dot * a[k]);
                }
            }
            float[][] candidates = {principalAxis(rest), Plane.unit(d, 0), Plane.unit(d, 1)};
            for (float[] c : candidates) {
                b = orthogonalTo(c, a);
                if (b != null) {
                    break;
                }
            }
        }
        return new Plane(from.clone(), a, b == null ? new float[d] : b, name + " × PC1 of the rest");
    }

    private static float[] principalAxis(float[][] rows) {
        if (rows.length < 2) {
            return new float[rows[0].length];
        }
        double[] c = org.latentexplorer.embed.Pca.fit(rows, 1).components()[0];
        float[] out = new float[c.length];
        for (int k = 0; k < c.length; k++) {
            out[k] = (float) c[k];
        }
        return out;
    }

    /** {@code c} less its part along unit {@code a}, normalised; null when almost nothing is left. */
    private static float[] orthogonalTo(float[] c, float[] a) {
        double dot = 0;
        for (int k = 0; k < c.length; k++) {
            dot += c[k] * a[k];
        }
        float[] b = new float[c.length];
        double n = 0;
        for (int k = 0; k < c.length; k++) {
            b[k] = (float) (c[k] - dot * a[k]);
            n += b[k] * b[k];
        }
        n = Math.sqrt(n);
        if (n < 1e-3) {
            return null;
        }
        for (int k = 0; k < b.length; k++) {
            b[k] /= (float) n;
        }
        return b;
    }
}
