package org.latentexplorer.model;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.nd4j.autodiff.samediff.SameDiff;
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
 * What the fused training kernels share: the graph's dense layers applied as ND4J matrix products on
 * the graph's own arrays, a workspace arena per kernel, the training step (gradients, then one
 * {@link AdamStep}) and the FastStep plumbing. Subclasses supply the model's gradients.
 */
abstract class FusedKernel implements FastStep {
    protected final SameDiff sd;
    protected final List<String> encoder = new ArrayList<>();
    protected final List<String> decoder = new ArrayList<>();
    protected final Likelihood likelihood;
    private final AdamStep adam;

    /**
     * Arena for a step's temporaries: after the first step every intermediate array is carved from
     * memory reused step after step, instead of a fresh native allocation freed later by the GC.
     */
    private static final WorkspaceConfiguration STEP_WORKSPACE = WorkspaceConfiguration.builder()
            .initialSize(0).policyAllocation(AllocationPolicy.STRICT).policyLearning(LearningPolicy.FIRST_LOOP)
            .policyMirroring(MirroringPolicy.FULL).policySpill(SpillPolicy.REALLOCATE).build();
    private final String workspaceId = getClass().getSimpleName() + "-step-" + System.identityHashCode(this);

    /** Encoder layers enc0.. and decoder layers dec0.. then decOut, one per hidden size. */
    FusedKernel(SameDiff sd, ModelConfig config, double learningRate, double weightDecay) {
        this.sd = sd;
        this.likelihood = config.likelihood();
        for (int i = 0; i < config.hidden().size(); i++) {
            encoder.add("enc" + i);
            decoder.add("dec" + i);
        }
        decoder.add("decOut");
        this.adam = new AdamStep(sd, learningRate, weightDecay);
    }

    /**
     * The batch's mean loss terms and, into {@code grads}, the gradient of the batch-mean loss for
     * every weight, keyed by the graph's variable names.
     */
    abstract double[] gradients(INDArray[] features, Map<String, INDArray> grads);

    protected final INDArray w(String layer) {
        return sd.getVariable(layer + "_W").getArr();
    }

    protected final INDArray b(String layer) {
        return sd.getVariable(layer + "_b").getArr();
    }

    /** x W + b. */
    protected final INDArray affine(INDArray x, String layer) {
        return Nd4j.gemm(x, w(layer), false, false).addiRowVector(b(layer));
    }

    /** max(x W + b, 0): a hidden layer. */
    protected final INDArray reluLayer(INDArray x, String layer) {
        INDArray h = Nd4j.gemm(x, w(layer), false, false);
        FusedOps.biasRelu(h, b(layer));
        return h;
    }

    /** Weight and bias gradients of layer {@code layer} from its input and the gradient at its output. */
    protected static void layerGrads(Map<String, INDArray> grads, String layer, INDArray in, INDArray dOut) {
        grads.put(layer + "_W", Nd4j.gemm(in, dOut, true, false));
        grads.put(layer + "_b", dOut.sum(true, 0));
    }

    /** The encoder's ReLU trunk for inputs x; each layer's input is appended to {@code inputs}. */
    protected final INDArray encoderTrunk(INDArray x, List<INDArray> inputs) {
        INDArray h = x;
        for (String layer : encoder) {
            inputs.add(h);
            h = reluLayer(h, layer);
        }
        return h;
    }

    /** Decoder logits for codes z; each layer's input is appended to {@code inputs}. */
    protected final INDArray decoderForward(INDArray z, List<INDArray> inputs) {
        INDArray g = z;
        for (int i = 0; i < decoder.size(); i++) {
            inputs.add(g);
            g = i < decoder.size() - 1 ? reluLayer(g, decoder.get(i)) : affine(g, decoder.get(i));
        }
        return g;
    }

    /** The batch-mean reconstruction term and its gradient with respect to the logits. */
    protected record Reconstruction(double mean, INDArray dLogits) {
    }

    /**
     * −log p(x|z) averaged over the n rows of x, and ∂/∂logits of that mean. Bernoulli: the fused
     * pass, which overwrites {@code logits} with the gradient. Gaussian with variance s²:
     * ½‖x − sigmoid(l)‖²/s² + (D/2) log(2π s²), gradient (p − x) p (1 − p)/s² for p = sigmoid(l).
     */
    protected final Reconstruction reconstruction(INDArray logits, INDArray x) {
        int n = (int) x.size(0);
        if (likelihood.kind() == Likelihood.Kind.BERNOULLI) {
            return new Reconstruction(FusedOps.bernoulliLossGrad(logits, x, 1.0 / n) / n, logits);
        }
        INDArray p = Transforms.sigmoid(logits, true);
        double s2 = likelihood.variance();
        INDArray diff = p.sub(x);
        double mean = diff.mul(diff).sumNumber().doubleValue() / (2 * s2) / n
                + 0.5 * Math.log(2 * Math.PI * s2) * x.size(1);
        return new Reconstruction(mean, diff.muli(p).muli(p.rsub(1.0)).divi(s2 * n));
    }

    /** Back through the decoder from ∂/∂logits, its layers' gradients into {@code grads}; returns ∂/∂z. */
    protected final INDArray decoderBackward(Map<String, INDArray> grads, INDArray dLogits, List<INDArray> inputs) {
        INDArray d = dLogits;
        for (int i = decoder.size() - 1; i >= 0; i--) {
            String layer = decoder.get(i);
            layerGrads(grads, layer, inputs.get(i), d);
            INDArray back = Nd4j.gemm(d, w(layer), false, true);
            d = i > 0 ? back.muli(Transforms.step(inputs.get(i), true)) : back;
        }
        return d;
    }

    /**
     * Back through the encoder's trunk from ∂/∂h at its output h (consumed), its layers' gradients
     * into {@code grads}.
     */
    protected final void encoderBackward(Map<String, INDArray> grads, INDArray dh, INDArray h, List<INDArray> inputs) {
        for (int i = encoder.size() - 1; i >= 0; i--) {
            dh.muli(Transforms.step(i == encoder.size() - 1 ? h : inputs.get(i + 1), true));
            String layer = encoder.get(i);
            layerGrads(grads, layer, inputs.get(i), dh);
            if (i > 0) {
                dh = Nd4j.gemm(dh, w(layer), false, true);
            }
        }
    }

    /** Runs {@code body} in this kernel's arena; the result must be copied out of ND4J inside it. */
    final <T> T inWorkspace(java.util.function.Supplier<T> body) {
        return FlushDenormals.call(() -> {
            try (MemoryWorkspace ws = Nd4j.getWorkspaceManager().getAndActivateWorkspace(STEP_WORKSPACE, workspaceId)) {
                return body.get();
            }
        });
    }

    /** One Adam step for the variables named in {@code grads}. */
    protected final void applyAdam(Map<String, INDArray> grads, int iteration, int epoch) {
        adam.apply(grads, iteration, epoch);
    }

    @Override
    public double[] step(INDArray[] features, int iteration, int epoch) {
        return inWorkspace(() -> {
            Map<String, INDArray> grads = new LinkedHashMap<>();
            double[] terms = gradients(features, grads);
            adam.apply(grads, iteration, epoch);
            return terms;
        });
    }

    @Override
    public void setLearningRate(double lr) {
        adam.setLearningRate(lr);
    }

    @Override
    public void resetOptimizer() {
        adam.reset();
    }
}
