package org.latentexplorer.inpaint;

import java.util.SplittableRandom;
import org.latentexplorer.common.CancelToken;
import org.latentexplorer.common.InputException;
import org.latentexplorer.data.Dataset;
import org.latentexplorer.model.LatentModel;

/**
 * Entry points of the {@code inpaint} package: make an {@link Inpainter} for a method, or complete one
 * image in one call.
 *
 * <p>Typical use from a screen: keep {@code Inpainting.create(spec, model, trainingSet)} while the
 * model and method stay the same, and call {@link Inpainter#complete} on a background thread after
 * each brush stroke with a fresh {@link CancelToken}, cancelling the previous one.
 */
public final class Inpainting {
    /** Explains a completion of an empty mask. */
    public static final String EMPTY_MASK_NOTE = "the mask hides nothing: there is nothing to complete, "
            + "so the image is returned unchanged";
    /** Explains a completion of a full mask. */
    public static final String FULL_MASK_NOTE = "the mask hides everything: with nothing observed, the "
            + "completions are unconditional samples of the model (or, for K-NN, an average of arbitrary neighbours)";

    private Inpainting() {
    }

    /**
     * An inpainter for {@code spec}: a {@link ModelInpainter} for the model methods (needs
     * {@code model}; iw also takes its proposal's neighbours from {@code reference} when given), a
     * {@link KnnInpainter} over {@code reference} for K-NN (needs {@code reference}), a
     * {@link VaeacInpainter} for vaeac (needs a VAEAC {@code model}; any other is refused with one message).
     */
    public static Inpainter create(MethodSpec spec, LatentModel model, Dataset reference) {
        if (spec.method() == Method.VAEAC) {
            return new VaeacInpainter(model, spec);
        }
        if (spec.method() == Method.KNN) {
            if (reference == null) {
                throw new InputException("K-NN needs a reference data set to take neighbours from");
            }
            return new KnnInpainter(reference, spec.k(), spec.weighting());
        }
        return new ModelInpainter(model, spec, reference);
    }

    /** Completes one image with a model-based method (a convenience; see {@link Inpainter#complete}). */
    public static Completion complete(LatentModel model, float[] image, Mask mask, Method method,
                                      InpaintOptions options, SplittableRandom rng, CancelToken cancel,
                                      InpaintListener listener) {
        Inpainter in = method == Method.VAEAC ? new VaeacInpainter(model, MethodSpec.of(method))
                : new ModelInpainter(model, method);
        return in.complete(image, mask, options, rng, cancel, listener);
    }

    /**
     * Completes through the model's own encode/decode calls (one SameDiff call per step) instead of the
     * Java network: slower; for benchmarks that measure what the Java network saves.
     */
    public static Completion completeThroughModelCalls(LatentModel model, float[] image, Mask mask, Method method,
                                                       InpaintOptions options, SplittableRandom rng) {
        ModelNetwork net = new ModelNetwork(model);
        MethodSpec spec = MethodSpec.of(method);
        return switch (method) {
            case OPTIMIZE -> LatentOptimizer.run(net, spec, image, mask, options, rng, CancelToken.NONE,
                    InpaintListener.NONE, "");
            case IW -> ImportanceSampler.run(net, spec, null, image, mask, options, rng, CancelToken.NONE,
                    InpaintListener.NONE, "");
            case VAEAC, KNN -> throw new InputException(method + " does not complete through encode and decode calls");
            default -> ChainSampler.run(net, spec, image, mask, options, rng, CancelToken.NONE, InpaintListener.NONE, "");
        };
    }

    /** The completion of an empty mask: the image itself, with {@link #EMPTY_MASK_NOTE}. */
    static Completion unchanged(float[] image, MethodSpec method) {
        return new Completion(image.clone(), new float[][]{image.clone()}, new float[image.length], new float[0][],
                method, 0, Double.NaN, Double.NaN, 0, EMPTY_MASK_NOTE);
    }
}
