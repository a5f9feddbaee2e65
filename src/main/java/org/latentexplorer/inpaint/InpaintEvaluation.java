package org.latentexplorer.inpaint;

import java.util.SplittableRandom;
import org.latentexplorer.common.CancelToken;
import org.latentexplorer.common.InputException;
import org.latentexplorer.data.Dataset;

/**
 * Measures a completion method on a data set with one mask (Kormaris 2020, §5.2, Table 5.1
 * protocol): hide the same values of every test image, complete them, and compare the point
 * completion ({@link Completion#mean}) with the truth.
 *
 * <p>Errors are pooled over all images: RMSE = √(Σ e² / n), MAE = Σ|e| / n, with n the number of
 * missing values (the "missing" figures) or of all values (the "whole" figures, Kormaris' tables;
 * observed values have zero error, so whole = missing scaled by the missing fraction).
 */
public final class InpaintEvaluation {
    /**
     * The figures of one run; serialisable by Jackson for {@code --json}.
     *
     * @param dataset        the data set's id
     * @param method         the method as written on the command line
     * @param mask           the mask's description
     * @param images         images completed
     * @param iterations     iterations per image
     * @param missingPerImage values completed per image
     * @param rmseMissing    RMSE over the missing values
     * @param maeMissing     MAE over the missing values
     * @param rmseWhole      RMSE over whole images
     * @param maeWhole       MAE over whole images
     * @param msPerImage     mean wall time of one completion, milliseconds
     * @param acceptanceRate mean MwG acceptance rate (NaN for other methods)
     * @param effectiveSampleSize mean effective sample size of importance sampling (NaN for other methods)
     * @param note           explanation of an unusual mask, else ""
     */
    public record Result(String dataset, String method, String mask, int images, int iterations, int missingPerImage,
                         double rmseMissing, double maeMissing, double rmseWhole, double maeWhole, double msPerImage,
                         double acceptanceRate, double effectiveSampleSize, String note) {
    }

    /** Called after each image with the count done and the running RMSE over the missing values. */
    @FunctionalInterface
    public interface Progress {
        void onImage(int done, int total, double rmseMissing);
    }

    /** Images a VAEAC completes per graph call (S codes each). */
    private static final int VAEAC_BLOCK = 16;

    private InpaintEvaluation() {
    }

    /**
     * Completes the first {@code limit} images of {@code data} under {@code mask} and scores them.
     *
     * @param inpainter the method (a model's or K-NN over a training set disjoint from {@code data})
     * @param data      test images, complete (no NaN)
     * @param mask      the values to hide; must not be empty (a full mask is allowed and noted)
     * @param maskName  how the mask was given (e.g. {@code top-half}), for the report
     * @param options   iterations and the like
     * @param limit     at most this many images (≥ 1)
     * @param seed      seeds the completions; image i uses a generator split off in order
     * @param cancel    checked between images and inside each completion
     * @param progress  per-image progress, or null
     */
    public static Result run(Inpainter inpainter, Dataset data, Mask mask, String maskName, InpaintOptions options,
                             int limit, long seed, CancelToken cancel, Progress progress) {
        if (limit < 1) {
            throw new InputException("--limit must be at least 1, got " + limit);
        }
        if (mask.isEmpty()) {
            throw new InputException("the mask hides no pixels: there is nothing to complete and nothing to measure");
        }
        if (data.dim() != mask.size()) {
            throw new InputException(data.id() + " has examples of " + data.shape() + " (" + data.dim()
                    + " values) but the mask is " + mask.shape() + " (" + mask.size() + " values)");
        }
        if (data.hasMissing()) {
            throw new InputException(data.id() + " has missing entries; use the ratings evaluation for a ratings matrix");
        }
        int n = Math.min(limit, data.size());
        if (n == 0) {
            throw new InputException(data.id() + " has no examples to complete");
        }
        int[] miss = mask.missingIndices();
        SplittableRandom root = new SplittableRandom(seed);
        CancelToken c = cancel == null ? CancelToken.NONE : cancel;
        double se = 0, ae = 0, ms = 0, acc = 0, ess = 0;
        String note = "";
        Completion[] batch = new Completion[0];
        for (int k = 0; k < n; k++) {
            c.check();
            float[] truth = data.row(k);
            Completion done;
            if (inpainter instanceof VaeacInpainter vaeac) {
                // A block of images per graph call; image k still draws from the k-th split stream.
                if (k % VAEAC_BLOCK == 0) {
                    int b = Math.min(VAEAC_BLOCK, n - k);
                    float[][] images = new float[b][];
                    SplittableRandom[] rngs = new SplittableRandom[b];
                    for (int j = 0; j < b; j++) {
                        images[j] = data.row(k + j);
                        rngs[j] = root.split();
                    }
                    batch = vaeac.completeAll(images, mask, options, rngs, c);
                }
                done = batch[k % VAEAC_BLOCK];
            } else {
                done = inpainter.complete(truth, mask, options, root.split(), c, InpaintListener.NONE);
            }
            for (int i : miss) {
                double e = done.mean()[i] - truth[i];
                se += e * e;
                ae += Math.abs(e);
            }
            ms += done.millis();
            acc += done.acceptanceRate();
            ess += done.effectiveSampleSize();
            note = done.note();
            if (progress != null) {
                progress.onImage(k + 1, n, Math.sqrt(se / ((double) (k + 1) * miss.length)));
            }
        }
        double nMiss = (double) n * miss.length;
        double nAll = (double) n * mask.size();
        return new Result(data.id(), inpainter.method().toString(), maskName, n, options.iterations(), miss.length,
                Math.sqrt(se / nMiss), ae / nMiss, Math.sqrt(se / nAll), ae / nAll, ms / n, acc / n, ess / n, note);
    }
}
