package org.latentexplorer.inpaint;

import java.util.SplittableRandom;
import org.latentexplorer.common.CancelToken;
import org.latentexplorer.common.InputException;
import org.latentexplorer.model.LatentModel;
import org.latentexplorer.model.SameDiffVaeac;

/**
 * Completes with a VAEAC (Ivanov et al. 2019, §3): S codes z_s ~ p(z | x_o, m) from its prior
 * network, each decoded with the image's skips; the completion's mean is the average of the S
 * decoders' Bernoulli means, its spread their per-value standard deviation, its samples the first
 * {@link InpaintOptions#samples()} of them and its path the S codes. All S codes of an image, and of
 * many images ({@link #completeAll}), go through SameDiff in one call. Observed values are the input's,
 * bit for bit. Follows the model's one-thread rule.
 */
public final class VaeacInpainter implements Inpainter {
    /** Why vaeac is refused for another model. */
    static final String NOT_A_VAEAC = "the vaeac method completes with a model trained as a VAEAC "
            + "(latent-explorer train --model vaeac); this model is a ";

    private final SameDiffVaeac model;
    private final MethodSpec method;

    /**
     * @param model a VAEAC ({@link SameDiffVaeac}); any other model is refused with one message
     * @param spec  {@code vaeac:S}
     */
    public VaeacInpainter(LatentModel model, MethodSpec spec) {
        if (model == null) {
            throw new InputException("method vaeac needs a model (--model FILE)");
        }
        if (!(model instanceof SameDiffVaeac v)) {
            throw new InputException(NOT_A_VAEAC + model.config().arch() + " " + model.config().kind());
        }
        if (spec == null || spec.method() != Method.VAEAC) {
            throw new InputException("VaeacInpainter runs vaeac, not " + (spec == null ? null : spec.method()));
        }
        this.model = v;
        this.method = spec;
    }

    /** True when {@code model} can complete by {@link Method#VAEAC}: the Inpaint screen offers it then. */
    public static boolean supports(LatentModel model) {
        return model instanceof SameDiffVaeac;
    }

    @Override
    public MethodSpec method() {
        return method;
    }

    @Override
    public Completion complete(float[] image, Mask mask, InpaintOptions options, SplittableRandom rng,
                               CancelToken cancel, InpaintListener listener) {
        return completeAll(new float[][]{image}, mask, options, new SplittableRandom[]{rng}, cancel)[0];
    }

    /**
     * Completes many images under one mask with as few graph calls as possible (the benchmark's path);
     * image i's codes come from {@code rngs[i]}, so each completion is the one {@link #complete} gives.
     * The wall time of the whole batch is shared evenly among its completions.
     */
    public Completion[] completeAll(float[][] images, Mask mask, InpaintOptions options, SplittableRandom[] rngs,
                                    CancelToken cancel) {
        long start = System.nanoTime();
        if (mask.size() != model.inputDim()) {
            throw new InputException("the mask is " + mask.shape() + " (" + mask.size() + " values) but the model expects "
                    + model.config().inputShape() + " (" + model.inputDim() + " values)");
        }
        for (float[] image : images) {
            mask.checkFits(image);
        }
        Completion[] out = new Completion[images.length];
        if (mask.isEmpty()) {
            for (int i = 0; i < images.length; i++) {
                out[i] = Inpainting.unchanged(images[i], method);
            }
            return out;
        }
        (cancel == null ? CancelToken.NONE : cancel).check();
        float[] m = new float[mask.size()];
        for (int i = 0; i < m.length; i++) {
            m[i] = mask.isMissing(i) ? 1f : 0f;
        }
        float[][] masks = new float[images.length][];
        java.util.Arrays.fill(masks, m);
        int s = method.k();
        SameDiffVaeac.Draws draws = model.sampleCompletions(images, masks, s, rngs);
        int[] missing = mask.missingIndices();
        String note = mask.isFull() ? Inpainting.FULL_MASK_NOTE : "";
        double millis = (System.nanoTime() - start) / 1e6 / Math.max(1, images.length);
        for (int i = 0; i < images.length; i++) {
            CompletionBuilder b = new CompletionBuilder(images[i], missing, options.samples());
            float[][] path = new float[s][];
            for (int k = 0; k < s; k++) {
                float[] mean = draws.means()[i * s + k];
                b.add(mean);
                b.snapshot(mean);
                path[k] = draws.codes()[i * s + k];
            }
            Completion c = b.build(method, s, path, Double.NaN, start, note);
            out[i] = new Completion(c.mean(), c.samples(), c.stdDev(), c.zPath(), c.method(), c.iterations(),
                    c.acceptanceRate(), c.effectiveSampleSize(), millis, c.note());
        }
        return out;
    }
}
