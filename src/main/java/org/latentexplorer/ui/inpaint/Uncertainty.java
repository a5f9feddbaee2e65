package org.latentexplorer.ui.inpaint;

import org.latentexplorer.inpaint.Completion;

/**
 * What the uncertainty panel shows for one completion: the range of the per-pixel standard deviation
 * over the hidden pixels (the colour bar's scale), or, when there is nothing to show, why.
 *
 * @param min    smallest standard deviation of a hidden pixel
 * @param max    largest; the map's hottest colour (observed pixels are 0, the coldest)
 * @param absent a sentence shown instead of the map when the completion has no spread, else null
 */
public record Uncertainty(double min, double max, String absent) {
    /** Summarises {@code c}, completed under {@code missing}. */
    static Uncertainty of(Completion c, boolean[] missing) {
        String none = MethodNames.noSpread(c.method());
        if (none != null) {
            return new Uncertainty(0, 0, none);
        }
        double min = Double.POSITIVE_INFINITY;
        double max = 0;
        for (int i = 0; i < missing.length && i < c.stdDev().length; i++) {
            if (missing[i]) {
                min = Math.min(min, c.stdDev()[i]);
                max = Math.max(max, c.stdDev()[i]);
            }
        }
        if (min == Double.POSITIVE_INFINITY) {
            return new Uncertainty(0, 0, "Nothing is hidden: no uncertainty.");
        }
        if (max == 0) {
            // e.g. one iteration keeps one sample: a map of zeros would look like certainty.
            return new Uncertainty(0, 0, "All completions agree: no spread to show.");
        }
        return new Uncertainty(min, max, null);
    }

    public boolean shown() {
        return absent == null;
    }
}
