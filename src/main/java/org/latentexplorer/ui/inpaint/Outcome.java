package org.latentexplorer.ui.inpaint;

import java.util.Locale;
import org.latentexplorer.data.ImageShape;
import org.latentexplorer.inpaint.Completion;

/**
 * A finished completion with what it answered: the image and mask it was given, and the figures the
 * screen shows for it. Exports write this, not the editor's current state, which may already have moved on.
 *
 * @param image       the image as it was sent, hidden pixels included (their true values for a data-set example)
 * @param missing     the mask it was completed under
 * @param source      what the image is ("mnist #3 (three)", "blank canvas")
 * @param rmse        root-mean-square error of the mean over the hidden pixels, NaN without a true image
 * @param mae         mean absolute error over the hidden pixels, NaN without a true image
 */
public record Outcome(ImageShape shape, float[] image, boolean[] missing, String source, Completion completion,
                      Uncertainty uncertainty, double rmse, double mae) {

    /** {@code hasTruth}: the hidden pixels hold real values (a data-set example), not blank paper. */
    static Outcome of(ImageShape shape, float[] image, boolean[] missing, String source, boolean hasTruth,
                      Completion c) {
        double se = 0;
        double ae = 0;
        int n = 0;
        for (int i = 0; i < missing.length; i++) {
            if (missing[i]) {
                double d = c.mean()[i] - image[i];
                se += d * d;
                ae += Math.abs(d);
                n++;
            }
        }
        boolean scored = hasTruth && n > 0;
        return new Outcome(shape, image, missing, source, c, Uncertainty.of(c, missing),
                scored ? Math.sqrt(se / n) : Double.NaN, scored ? ae / n : Double.NaN);
    }

    public int hidden() {
        int n = 0;
        for (boolean b : missing) {
            n += b ? 1 : 0;
        }
        return n;
    }

    /** "RMSE 0.213 · MAE 0.121 over 392 hidden pixels", or "" without a true image. */
    String errors() {
        return Double.isNaN(rmse) ? ""
                : String.format(Locale.ROOT, "RMSE %.3f · MAE %.3f over %d hidden pixels", rmse, mae, hidden());
    }

    static final String CSV_HEADER = "source,method,method_spec,iterations,hidden_pixels,hidden_percent,"
            + "rmse_hidden,mae_hidden,std_min,std_max,effective_samples,acceptance_rate,millis";

    /** The header and one row: the figures the screen shows, blank where the screen shows none. */
    String csv() {
        Completion c = completion;
        boolean iterations = c.method().method().usesIterations();
        return CSV_HEADER + "\n" + String.join(",",
                quote(source), quote(MethodNames.name(c.method())), c.method().toString(),
                iterations ? Integer.toString(c.iterations()) : "",
                Integer.toString(hidden()), number(100.0 * hidden() / missing.length, "%.1f"),
                number(rmse, "%.5f"), number(mae, "%.5f"),
                uncertainty.shown() ? number(uncertainty.min(), "%.5f") : "",
                uncertainty.shown() ? number(uncertainty.max(), "%.5f") : "",
                number(c.effectiveSampleSize(), "%.1f"), number(c.acceptanceRate(), "%.4f"),
                number(c.millis(), "%.1f")) + "\n";
    }

    private static String number(double v, String format) {
        return Double.isNaN(v) ? "" : String.format(Locale.ROOT, format, v);
    }

    private static String quote(String s) {
        return s.contains(",") || s.contains("\"") || s.contains("\n") ? "\"" + s.replace("\"", "\"\"") + "\"" : s;
    }
}
