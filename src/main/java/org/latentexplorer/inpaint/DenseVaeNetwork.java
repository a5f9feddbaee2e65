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
import org.nd4j.linalg.api.memory.MemoryWorkspace;
import org.nd4j.linalg.api.memory.conf.WorkspaceConfiguration;
import org.nd4j.linalg.api.memory.enums.AllocationPolicy;
import org.nd4j.linalg.api.memory.enums.LearningPolicy;
import org.nd4j.linalg.api.memory.enums.MirroringPolicy;
import org.nd4j.linalg.api.memory.enums.SpillPolicy;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * The dense VAE's weights copied out of the SameDiff graph once, with a plain-Java forward pass and a
 * decoder backward pass. Why: a completion runs hundreds of encode/decode steps on one example, and a
 * SameDiff call costs milliseconds of overhead each, far more than the arithmetic
 * (about 1.1 M multiply-adds per step for 784-512-256-20). Layers are {@code y = x·W + b} with W
 * stored nIn × nOut row-major, ReLU between hidden layers, as built by {@code SameDiffVae}.
 *
 * <p>The inner loops add up the rows of W picked by the non-zero inputs (background pixels and
 * inactive ReLUs are skipped, which halves the work on MNIST-like data), with explicit SIMD through
 * {@link DenseKernels}. The code of one completion changes only its missing pixels, so the observed
 * pixels' share of the first encoder layer is computed once ({@link Pass#fixObserved}), and a method
 * that reads only the missing pixels' logits decodes only those ({@link Pass#restrictOutputs}).
 *
 * <p>Many codes at once ({@link Pass#decodeBatch}, the importance sampler's hundreds of draws) go
 * through matrix products instead (ND4J's OpenBLAS sgemm on copies of the decoder's weights): at a
 * batch of a few hundred they run several times faster than the one-code loops.
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
    /** The decoder's weights and biases as ND4J arrays ({W, b} per layer), made on first batched use. */
    private volatile INDArray[][] decoderArrays;

    /** Arena for a batched decode's temporaries, reused call after call on each thread. */
    private static final WorkspaceConfiguration BATCH_WORKSPACE = WorkspaceConfiguration.builder()
            .initialSize(0).policyAllocation(AllocationPolicy.STRICT).policyLearning(LearningPolicy.FIRST_LOOP)
            .policyMirroring(MirroringPolicy.FULL).policySpill(SpillPolicy.REALLOCATE).build();
    private final String workspaceId = "inpaint-decode-" + System.identityHashCode(this);

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
        return Nd4j.toFlattened('c', f).toFloatVector();
    }

    private INDArray[][] decoderArrays() {
        INDArray[][] a = decoderArrays;
        if (a == null) {
            a = new INDArray[decoder.size()][];
            try (MemoryWorkspace none = Nd4j.getWorkspaceManager().scopeOutOfWorkspaces()) {
                for (int i = 0; i < a.length; i++) {
                    Layer l = decoder.get(i);
                    a[i] = new INDArray[]{Nd4j.create(l.w(), new long[]{l.nIn(), l.nOut()}, 'c'),
                            Nd4j.create(l.b(), new long[]{1, l.nOut()}, 'c')};
                }
            }
            decoderArrays = a;
        }
        return a;
    }

    /** Decoder logits of n codes (n × latentDim, row-major) by one matrix product per layer. */
    private float[] decodeBatch(float[] z, int n) {
        INDArray[][] layers = decoderArrays();
        try (MemoryWorkspace ws = Nd4j.getWorkspaceManager().getAndActivateWorkspace(BATCH_WORKSPACE, workspaceId)) {
            INDArray h = Nd4j.create(z, new long[]{n, latentDim}, 'c');
            for (int i = 0; i < layers.length; i++) {
                h = Nd4j.gemm(h, layers[i][0], false, false).addiRowVector(layers[i][1]);
                if (i < layers.length - 1) {
                    Transforms.relu(h, false);
                }
            }
            return Nd4j.toFlattened('c', h).toFloatVector();
        }
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

    /**
     * out = in·W + b over the non-zero inputs only (background pixels and inactive ReLUs add nothing),
     * then ReLU when {@code relu}. {@code rows} and {@code coef} are scratch of at least nIn values.
     */
    private static void forward(Layer l, float[] in, float[] out, boolean relu, int[] rows, float[] coef) {
        int n = 0;
        for (int i = 0; i < l.nIn(); i++) {
            float v = in[i];
            if (v != 0f) {
                rows[n] = i;
                coef[n++] = v;
            }
        }
        System.arraycopy(l.b(), 0, out, 0, l.nOut());
        DenseKernels.addRows(l.w(), l.nOut(), rows, coef, n, out);
        if (relu) {
            relu(out, l.nOut());
        }
    }

    private static void relu(float[] v, int n) {
        for (int j = 0; j < n; j++) {
            if (v[j] < 0f) {
                v[j] = 0f;
            }
        }
    }

    private final class DensePass implements Pass {
        private final float[][] encActs = new float[encoder.size()][];
        /** decActs[0] is z, decActs[i + 1] the ReLU output of decoder layer i. */
        private final float[][] decActs = new float[decoder.size()][];
        private final float[][] grads = new float[decoder.size()][];
        /** Scratch for {@link #forward}: the indices and values of a layer's non-zero inputs. */
        private final int[] rows;
        private final float[] coef;
        /** First encoder layer's pre-activation from the fixed observed values, or null. */
        private float[] observedBase;
        private int[] missing;
        /** The output layer cut down to the columns {@link #restrictOutputs} asked for, or null (all). */
        private Layer outputsOnly;
        private int[] outputIndices;
        private float[] outputScratch;

        DensePass() {
            int widest = inputDim;
            for (int i = 0; i < encoder.size(); i++) {
                encActs[i] = new float[encoder.get(i).nOut()];
                widest = Math.max(widest, encoder.get(i).nOut());
            }
            decActs[0] = new float[latentDim];
            for (int i = 0; i + 1 < decoder.size(); i++) {
                decActs[i + 1] = new float[decoder.get(i).nOut()];
                grads[i + 1] = new float[decoder.get(i).nOut()];
                widest = Math.max(widest, decoder.get(i).nOut());
            }
            rows = new int[widest];
            coef = new float[widest];
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
            forward(first, observed, observedBase, false, rows, coef);
            missing = missingIdx.clone();
        }

        @Override
        public void restrictOutputs(int[] indices) {
            Layer last = decoder.get(decoder.size() - 1);
            if (indices == null || indices.length == last.nOut()) {
                outputsOnly = null;
                outputIndices = null;
                return;
            }
            // Copy the chosen columns into a compact nIn × |indices| matrix once per completion.
            int m = indices.length, nOut = last.nOut();
            float[] w = new float[last.nIn() * m];
            float[] b = new float[m];
            for (int i = 0; i < last.nIn(); i++) {
                for (int c = 0; c < m; c++) {
                    w[i * m + c] = last.w()[i * nOut + indices[c]];
                }
            }
            for (int c = 0; c < m; c++) {
                b[c] = last.b()[indices[c]];
            }
            outputsOnly = new Layer(w, b, last.nIn(), m);
            outputIndices = indices.clone();
            outputScratch = new float[m];
        }

        @Override
        public void encode(float[] x, float[] mu, float[] logVar) {
            float[] h = x;
            for (int i = 0; i < encoder.size(); i++) {
                if (i == 0 && observedBase != null) {
                    firstLayerFromBase(x);
                } else {
                    forward(encoder.get(i), h, encActs[i], true, rows, coef);
                }
                h = encActs[i];
            }
            forward(meanHead, h, mu, false, rows, coef);
            forward(logVarHead, h, logVar, false, rows, coef);
        }

        /** The first layer when only the missing values change: base + Σ_{i missing} x_i W_i, then ReLU. */
        private void firstLayerFromBase(float[] x) {
            Layer l = encoder.get(0);
            int n = 0;
            for (int i : missing) {
                float v = x[i];
                if (v != 0f) {
                    rows[n] = i;
                    coef[n++] = v;
                }
            }
            float[] out = encActs[0];
            System.arraycopy(observedBase, 0, out, 0, l.nOut());
            DenseKernels.addRows(l.w(), l.nOut(), rows, coef, n, out);
            relu(out, l.nOut());
        }

        @Override
        public void decode(float[] z, float[] logits) {
            System.arraycopy(z, 0, decActs[0], 0, latentDim);
            int last = decoder.size() - 1;
            for (int i = 0; i < last; i++) {
                forward(decoder.get(i), decActs[i], decActs[i + 1], true, rows, coef);
            }
            if (outputsOnly == null) {
                forward(decoder.get(last), decActs[last], logits, false, rows, coef);
                return;
            }
            forward(outputsOnly, decActs[last], outputScratch, false, rows, coef);
            for (int c = 0; c < outputIndices.length; c++) {
                logits[outputIndices[c]] = outputScratch[c];
            }
        }

        @Override
        public boolean hasGradient() {
            return true;
        }

        @Override
        public void backward(float[] gradLogits, float[] gradZ) {
            if (outputsOnly != null) {
                throw new IllegalStateException("backward needs every output: call restrictOutputs(null) first");
            }
            float[] g = gradLogits;
            for (int i = decoder.size() - 1; i >= 0; i--) {
                float[] gIn = i == 0 ? gradZ : grads[i];
                Layer l = decoder.get(i);
                DenseKernels.dotRows(l.w(), l.nIn(), l.nOut(), g, gIn);
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
        public float[] decodeBatch(float[] z, int n) {
            return DenseVaeNetwork.this.decodeBatch(z, n);
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
