package org.latentexplorer.sample;

import org.latentexplorer.common.InputException;

/**
 * Codes on a regular grid over a rectangle of a 2-D plane in latent space, for the manifold view
 * (Kingma &amp; Welling 2014, Fig. 4; Chen 2020, Fig. 4.4 uses −4..4).
 *
 * @param latentDim dimension d of the codes
 * @param dimX      the latent dimension (0-based) varied along the columns
 * @param dimY      the latent dimension varied along the rows
 * @param min       lower end of both ranges
 * @param max       upper end of both ranges
 * @param steps     points per side, 2..200
 */
public record LatentGrid(int latentDim, int dimX, int dimY, double min, double max, int steps) {
    public LatentGrid {
        if (steps < 2 || steps > 200) {
            throw new InputException("--steps must be between 2 and 200, got " + steps);
        }
        if (!(min < max) || !Double.isFinite(min) || !Double.isFinite(max)) {
            throw new InputException("--range must be MIN:MAX with MIN < MAX, got " + min + ":" + max);
        }
        if (dimX < 0 || dimX >= latentDim || dimY < 0 || dimY >= latentDim || (dimX == dimY && latentDim > 1)) {
            throw new InputException("--dims must name two different latent dimensions in 1.." + latentDim
                    + ", got " + (dimX + 1) + "," + (dimY + 1));
        }
    }

    /** Parses {@code MIN:MAX} (e.g. {@code -4:4}). */
    public static double[] parseRange(String text) {
        String[] p = text.split(":");
        try {
            if (p.length == 2) {
                return new double[]{Double.parseDouble(p[0]), Double.parseDouble(p[1])};
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new InputException("--range must be MIN:MAX (e.g. -4:4), got '" + text + "'");
    }

    /**
     * The steps² codes, row by row from the top (largest y) so that the picture has y pointing up;
     * every other coordinate is taken from {@code centre} (zeros when null).
     */
    public float[][] codes(float[] centre) {
        float[][] z = new float[steps * steps][];
        for (int r = 0; r < steps; r++) {
            double y = max - (max - min) * r / (steps - 1);
            for (int c = 0; c < steps; c++) {
                double x = min + (max - min) * c / (steps - 1);
                float[] code = centre == null ? new float[latentDim] : centre.clone();
                code[dimX] = (float) x;
                if (latentDim > 1) {
                    code[dimY] = (float) y;
                }
                z[r * steps + c] = code;
            }
        }
        return z;
    }
}
