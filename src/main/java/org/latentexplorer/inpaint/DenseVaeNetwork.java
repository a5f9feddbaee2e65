package org.latentexplorer.inpaint;

import java.util.ArrayList;
import java.util.List;
import org.latentexplorer.common.InputException;
import org.latentexplorer.model.LatentModel;
import org.latentexplorer.model.Likelihood;
import org.latentexplorer.model.SameDiffVae;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The dense VAE's weights copied out of the SameDiff graph once, with a plain-Java forward pass and a
 * decoder backward pass. Why: a completion runs hundreds of encode/decode steps on one example, and a
 * SameDiff call costs milliseconds of overhead each, far more than the arithmetic
 * (about 1.1 M multiply-adds per step for 784-512-256-20). Layers are {@code y = x·W + b} with W
 * stored nIn × nOut row-major, ReLU between hidden layers, as built by {@code SameDiffVae}.
 *
 * <p>The inner loops are axpy over contiguous rows of W, which the JIT vectorises, and skip zero
 * inputs (background pixels, inactive ReLUs), which halve the work on MNIST-like data.
 */
final class DenseVaeNetwork implements LatentNetwork {
    /** One dense layer: nIn × nOut weights, row-major, and nOut biases. */
    private record Layer(float[] w, float[] b, int nIn, int nOut) {
    }

    private final List<Layer> encoder;
    private final Layer meanHead;
    private final Layer logVarHead;
    private final List<Layer> decoder;
    private final Likelihood likelihood;
    private final int inputDim;
    private final int latentDim;

    private DenseVaeNetwork(List<Layer> encoder, Layer meanHead, Layer logVarHead, List<Layer> decoder,
                            Likelihood likelihood) {
        this.encoder = encoder;
        this.meanHead = meanHead;
        this.logVarHead = logVarHead;
        this.decoder = decoder;
        this.likelihood = likelihood;
        this.inputDim = decoder.get(decoder.size() - 1).nOut();
        this.latentDim = meanHead.nOut();
    }

    /** True when {@code model} is a dense VAE whose weights this class can read. */
    static boolean supports(LatentModel model) {
        return model instanceof SameDiffVae v && v.config().kind().equals("vae") && v.config().arch().equals("dense");
    }

    /** Copies the weights out of {@code model}'s graph (the model stays usable and unchanged). */
    static DenseVaeNetwork of(SameDiffVae model) {
        SameDiff sd = model.graph();
        int hidden = model.config().hidden().size();
        List<Layer> enc = new ArrayList<>();
        for (int i = 0; i < hidden; i++) {
            enc.add(layer(sd, "enc" + i));
        }
        List<Layer> dec = new ArrayList<>();
        for (int i = 0; i < hidden; i++) {
            dec.add(layer(sd, "dec" + i));
        }
        dec.add(layer(sd, "decOut"));
        return new DenseVaeNetwork(enc, layer(sd, SameDiffVae.Z_MEAN), layer(sd, SameDiffVae.Z_LOG_VAR), dec,
                model.config().likelihood());
    }

    private static Layer layer(SameDiff sd, String name) {
        SDVariable w = sd.getVariable(name + "_W");
        SDVariable b = sd.getVariable(name + "_b");
        if (w == null || b == null || w.getArr() == null || b.getArr() == null) {
            throw new InputException("the model graph has no weights for layer '" + name + "'");
        }
        INDArray wa = w.getArr();
        return new Layer(flat(wa), flat(b.getArr()), (int) wa.size(0), (int) wa.size(1));
    }

    private static float[] flat(INDArray a) {
        INDArray f = a.dataType() == DataType.FLOAT ? a : a.castTo(DataType.FLOAT);
        return org.nd4j.linalg.factory.Nd4j.toFlattened('c', f).toFloatVector();
    }

    @Override
    public int inputDim() {
        return inputDim;
    }

    @Override
    public int latentDim() {
        return latentDim;
    }

    @Override
    public Likelihood likelihood() {
        return likelihood;
    }

    @Override
    public Pass open() {
        return new DensePass();
    }

    /** out = in·W + b, skipping zero inputs; then ReLU when {@code relu}. */
    private static void forward(Layer l, float[] in, float[] out, boolean relu) {
        int nOut = l.nOut();
        float[] w = l.w();
        System.arraycopy(l.b(), 0, out, 0, nOut);
        for (int i = 0; i < l.nIn(); i++) {
            float v = in[i];
            if (v != 0f) {
                int row = i * nOut;
                for (int j = 0; j < nOut; j++) {
                    out[j] += v * w[row + j];
                }
            }
        }
        if (relu) {
            for (int j = 0; j < nOut; j++) {
                if (out[j] < 0f) {
                    out[j] = 0f;
                }
            }
        }
    }

    /** gIn = W·gOut (the gradient w.r.t. the layer's input), four partial sums per row. */
    private static void backwardInput(Layer l, float[] gOut, float[] gIn) {
        int nOut = l.nOut();
        float[] w = l.w();
        for (int i = 0; i < l.nIn(); i++) {
            int row = i * nOut;
            float s0 = 0, s1 = 0, s2 = 0, s3 = 0;
            int j = 0;
            for (; j + 3 < nOut; j += 4) {
                s0 += w[row + j] * gOut[j];
                s1 += w[row + j + 1] * gOut[j + 1];
                s2 += w[row + j + 2] * gOut[j + 2];
                s3 += w[row + j + 3] * gOut[j + 3];
            }
            for (; j < nOut; j++) {
                s0 += w[row + j] * gOut[j];
            }
            gIn[i] = s0 + s1 + s2 + s3;
        }
    }

    private final class DensePass implements Pass {
        private final float[][] encActs = new float[encoder.size()][];
        /** decActs[0] is z, decActs[i + 1] the ReLU output of decoder layer i. */
        private final float[][] decActs = new float[decoder.size()][];
        private final float[][] grads = new float[decoder.size()][];
        /** First encoder layer's pre-activation from the fixed observed values, or null. */
        private float[] observedBase;
        private int[] missing;

        DensePass() {
            for (int i = 0; i < encoder.size(); i++) {
                encActs[i] = new float[encoder.get(i).nOut()];
            }
            decActs[0] = new float[latentDim];
            for (int i = 0; i + 1 < decoder.size(); i++) {
                decActs[i + 1] = new float[decoder.get(i).nOut()];
                grads[i + 1] = new float[decoder.get(i).nOut()];
            }
        }

        @Override
        public void fixObserved(float[] x, int[] missingIdx) {
            if (encoder.isEmpty()) {
                return;
            }
            float[] observed = x.clone();
            for (int i : missingIdx) {
                observed[i] = 0f;
            }
            Layer first = encoder.get(0);
            observedBase = new float[first.nOut()];
            forward(first, observed, observedBase, false);
            missing = missingIdx.clone();
        }

        @Override
        public void encode(float[] x, float[] mu, float[] logVar) {
            float[] h = x;
            for (int i = 0; i < encoder.size(); i++) {
                if (i == 0 && observedBase != null) {
                    firstLayerFromBase(x);
                } else {
                    forward(encoder.get(i), h, encActs[i], true);
                }
                h = encActs[i];
            }
            forward(meanHead, h, mu, false);
            forward(logVarHead, h, logVar, false);
        }

        /** The first layer when only the missing values change: base + Σ_{i missing} x_i W_i, then ReLU. */
        private void firstLayerFromBase(float[] x) {
            Layer l = encoder.get(0);
            int nOut = l.nOut();
            float[] out = encActs[0];
            float[] w = l.w();
            System.arraycopy(observedBase, 0, out, 0, nOut);
            for (int i : missing) {
                float v = x[i];
                if (v != 0f) {
                    int row = i * nOut;
                    for (int j = 0; j < nOut; j++) {
                        out[j] += v * w[row + j];
                    }
                }
            }
            for (int j = 0; j < nOut; j++) {
                if (out[j] < 0f) {
                    out[j] = 0f;
                }
            }
        }

        @Override
        public void decode(float[] z, float[] logits) {
            System.arraycopy(z, 0, decActs[0], 0, latentDim);
            int last = decoder.size() - 1;
            for (int i = 0; i < last; i++) {
                forward(decoder.get(i), decActs[i], decActs[i + 1], true);
            }
            forward(decoder.get(last), decActs[last], logits, false);
        }

        @Override
        public boolean hasGradient() {
            return true;
        }

        @Override
        public void backward(float[] gradLogits, float[] gradZ) {
            float[] g = gradLogits;
            for (int i = decoder.size() - 1; i >= 0; i--) {
                float[] gIn = i == 0 ? gradZ : grads[i];
                backwardInput(decoder.get(i), g, gIn);
                if (i > 0) {
                    float[] act = decActs[i];
                    for (int j = 0; j < gIn.length; j++) {
                        if (act[j] <= 0f) {
                            gIn[j] = 0f; // ReLU passes no gradient where it was inactive
                        }
                    }
                }
                g = gIn;
            }
        }

        @Override
        public float[][] decodeMany(float[][] z) {
            float[][] out = new float[z.length][inputDim];
            for (int i = 0; i < z.length; i++) {
                decode(z[i], out[i]);
            }
            return out;
        }
    }
}
