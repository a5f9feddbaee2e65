package org.latentexplorer.inpaint;

import java.util.SplittableRandom;
import org.latentexplorer.common.CancelToken;

/**
 * Completes the missing values of an example. Made by {@link Inpainting#forModel} or
 * {@link KnnInpainter}; one instance serves many calls (the screen keeps one per model and
 * method), so any set-up cost such as extracting the model's weights is paid once.
 */
public interface Inpainter {
    /** The method this inpainter runs. */
    MethodSpec method();

    /**
     * Completes {@code image} where {@code mask} says values are missing.
     *
     * @param image    one example, {@code mask.size()} values in [0, 1]; missing values are ignored
     *                 (they may be NaN)
     * @param mask     which values to complete; an empty mask returns the image with a note, a full
     *                 mask gives unconditional samples with a note
     * @param options  iterations, samples, step size
     * @param rng      randomness for sampling; the same seed gives the same completion
     * @param cancel   checked once per iteration; a cancel throws
     *                 {@link java.util.concurrent.CancellationException}
     * @param listener intermediate results, or {@link InpaintListener#NONE}
     * @throws org.latentexplorer.common.InputException when the image does not fit the mask or the model
     */
    Completion complete(float[] image, Mask mask, InpaintOptions options, SplittableRandom rng, CancelToken cancel,
                        InpaintListener listener);
}
