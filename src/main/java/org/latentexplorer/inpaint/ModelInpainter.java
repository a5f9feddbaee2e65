package org.latentexplorer.inpaint;

import java.util.SplittableRandom;
import org.latentexplorer.common.CancelToken;
import org.latentexplorer.common.InputException;
import org.latentexplorer.data.Dataset;
import org.latentexplorer.model.LatentModel;
import org.latentexplorer.model.SameDiffVae;

/**
 * Completes with a trained model by one of the model-based {@link Method}s. For a dense VAE the
 * weights are copied into a Java network at construction (a few milliseconds), after which
 * completions never touch SameDiff and may run on several threads at once; create a new inpainter
 * after the model is trained further. Other models go through their own encode/decode calls and
 * follow the model's one-thread rule.
 */
public final class ModelInpainter implements Inpainter {
    private final LatentNetwork net;
    private final MethodSpec method;
    private final String modelShape;
    /** K-NN over the reference set, whose nearest examples seed iw's proposal; null without one. */
    private final KnnInpainter neighbours;

    /**
     * @param model  a trained model (not closed while this inpainter is used, for non-dense models)
     * @param method one of replace, pseudo-gibbs, mwg, optimize, iw (with K = {@value MethodSpec#DEFAULT_SAMPLES})
     */
    public ModelInpainter(LatentModel model, Method method) {
        this(model, method == null ? null : MethodSpec.of(method), null);
    }

    /**
     * @param model     a trained model (not closed while this inpainter is used, for non-dense models)
     * @param spec      one of replace, pseudo-gibbs, mwg, optimize, iw:K
     * @param reference the model's training examples, or null: iw encodes the nearest of them to propose
     *                  latent codes (the other methods ignore it)
     */
    public ModelInpainter(LatentModel model, MethodSpec spec, Dataset reference) {
        Method m = spec == null ? null : spec.method();
        if (model == null) {
            throw new InputException("method " + m + " needs a model (--model FILE)");
        }
        if (m == null || !m.usesModel() || m == Method.VAEAC) {
            throw new InputException("ModelInpainter runs replace, pseudo-gibbs, mwg, optimize or iw, not " + m);
        }
        this.method = spec;
        this.net = DenseVaeNetwork.supports(model) ? DenseVaeNetwork.of((SameDiffVae) model) : new ModelNetwork(model);
        this.modelShape = model.config().inputShape() + " (" + model.inputDim() + " values)";
        if (m == Method.IW && reference != null && reference.size() > 0) {
            if (reference.dim() != model.inputDim()) {
                throw new InputException("the reference data set " + reference.id() + " has " + reference.shape()
                        + " examples but the model expects " + modelShape);
            }
            this.neighbours = new KnnInpainter(reference, Math.min(ImportanceSampler.NEIGHBOURS, reference.size()),
                    KnnWeighting.UNIFORM);
        } else {
            this.neighbours = null;
        }
    }

    @Override
    public MethodSpec method() {
        return method;
    }

    /**
     * What optimize says when it has no backward pass (ONNX Runtime gives none for an imported model, and
     * SameDiff's convolutional graphs are not differentiated per image here).
     */
    public static final String FINITE_DIFFERENCES_NOTE = "this model's decoder gives no gradient here (imported from "
            + "ONNX, or convolutional), so optimize estimates it by central differences: 2·d decodes a step";

    /** True when completions run on the copied Java network rather than through SameDiff. */
    public boolean usesJavaNetwork() {
        return net instanceof DenseVaeNetwork;
    }

    @Override
    public Completion complete(float[] image, Mask mask, InpaintOptions options, SplittableRandom rng,
                               CancelToken cancel, InpaintListener listener) {
        if (mask.size() != net.inputDim()) {
            throw new InputException("the mask is " + mask.shape() + " (" + mask.size() + " values) but the model expects "
                    + modelShape);
        }
        mask.checkFits(image);
        if (mask.isEmpty()) {
            return Inpainting.unchanged(image, method);
        }
        String note = mask.isFull() ? Inpainting.FULL_MASK_NOTE
                : method.method() == Method.OPTIMIZE && !usesJavaNetwork() ? FINITE_DIFFERENCES_NOTE : "";
        InpaintListener l = listener == null ? InpaintListener.NONE : listener;
        CancelToken c = cancel == null ? CancelToken.NONE : cancel;
        return switch (method.method()) {
            case OPTIMIZE -> LatentOptimizer.run(net, method, image, mask, options, rng, c, l, note);
            case IW -> ImportanceSampler.run(net, method, neighbours, image, mask, options, rng, c, l, note);
            default -> ChainSampler.run(net, method, image, mask, options, rng, c, l, note);
        };
    }

    /** The Java network's q(z|x) parameters, for tests that compare it with the model. */
    float[][] encodeForTest(float[] x) {
        float[] mu = new float[net.latentDim()], lv = new float[net.latentDim()];
        net.open().encode(x, mu, lv);
        return new float[][]{mu, lv};
    }

    /** As {@link #encodeForTest} after declaring the values outside {@code missing} fixed. */
    float[][] encodeWithFixedObservedForTest(float[] x, int[] missing) {
        float[] mu = new float[net.latentDim()], lv = new float[net.latentDim()];
        LatentNetwork.Pass p = net.open();
        p.fixObserved(x, missing);
        p.encode(x, mu, lv);
        return new float[][]{mu, lv};
    }

    /** The Java network's decoded means, for tests that compare it with the model. */
    float[] decodeForTest(float[] z) {
        float[] logits = new float[net.inputDim()];
        net.open().decode(z, logits);
        for (int i = 0; i < logits.length; i++) {
            logits[i] = PixelLikelihood.mean(logits[i]);
        }
        return logits;
    }
}
