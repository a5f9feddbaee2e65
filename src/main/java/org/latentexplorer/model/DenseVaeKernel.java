package org.latentexplorer.model;

import java.util.ArrayList;
import java.util.List;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * The dense VAE's forward pass, backward pass and Adam update written directly as ND4J matrix
 * products and in-place element-wise ops. SameDiff 1.0.0-M2.1 runs the same graph several times
 * slower (its per-op session bookkeeping dominates at these sizes: docs/benchmarks.md), so training
 * steps and decoding go through here, on the very weight arrays of the graph.
 *
 * <p>Gradients follow from the loss of {@link SameDiffVae}: for Bernoulli pixels
 * ∂(−log p(x|z))/∂logit = sigmoid(logit) − x; for the Gaussian KL (Kingma &amp; Welling 2014, appendix B)
 * ∂KL/∂μ = μ and ∂KL/∂log σ² = ½(σ² − 1); through z = μ + σ ε, ∂z/∂log σ² = ½ σ ε.
 */
final class DenseVaeKernel extends FusedKernel {

    DenseVaeKernel(SameDiffVae model, double learningRate, double weightDecay) {
        super(model.graph(), model.config(), learningRate, weightDecay);
    }

    /** The decoder's last hidden activations for codes z (n × d): the input of its output layer. */
    private INDArray decodeHidden(INDArray z) {
        INDArray h = z;
        for (int i = 0; i < decoder.size() - 1; i++) {
            h = reluLayer(h, decoder.get(i));
        }
        return h;
    }

    /** Decoder logits for codes z (n × d). */
    INDArray decodeLogits(INDArray z) {
        return affine(decodeHidden(z), decoder.getLast());
    }

    /** The decoder's mean image sigmoid(logits) for codes z (n × d), as Java rows. */
    float[][] decodeMeans(INDArray z) {
        String out = decoder.getLast();
        return FusedOps.biasSigmoidRows(Nd4j.gemm(decodeHidden(z), w(out), false, false), b(out));
    }

    /**
     * log p(x|z) for each row of z given one input x (1 × D, broadcast over the rows). Bernoulli:
     * Σ x·l − softplus(l) with softplus(l) = max(l, 0) + log(1 + e^−|l|); Gaussian with variance s²:
     * −½ Σ (x − sigmoid(l))² / s² − (D/2) log(2π s²).
     */
    double[] logLikelihood(INDArray x, INDArray z) {
        INDArray l = decodeLogits(z);
        INDArray perPixel;
        if (likelihood.kind() == Likelihood.Kind.BERNOULLI) {
            INDArray tail = Transforms.log(Transforms.exp(Transforms.abs(l, true).negi(), false).addi(1), false);
            perPixel = l.mulRowVector(x).subi(Transforms.relu(l, true)).subi(tail);
            return perPixel.sum(1).toDoubleVector();
        }
        double s2 = likelihood.variance();
        INDArray diff = Transforms.sigmoid(l, false).subiRowVector(x);
        double[] sq = diff.muli(diff).sum(1).toDoubleVector();
        double c = 0.5 * Math.log(2 * Math.PI * s2) * x.length();
        for (int i = 0; i < sq.length; i++) {
            sq[i] = -sq[i] / (2 * s2) - c;
        }
        return sq;
    }

    /** {μ, log σ²} of q(z|x) for inputs x (n × D). */
    INDArray[] encode(INDArray x) {
        INDArray h = x;
        for (String layer : encoder) {
            h = reluLayer(h, layer);
        }
        return new INDArray[]{affine(h, SameDiffVae.Z_MEAN), affine(h, SameDiffVae.Z_LOG_VAR)};
    }

    /**
     * The batch's mean {recon, kl} and, into {@code grads}, the gradient of the batch-mean loss for
     * every weight, keyed by the graph's variable names.
     */
    @Override
    double[] gradients(INDArray[] features, java.util.Map<String, INDArray> grads) {
        INDArray x = features[0], eps = features[1];
        double klWeight = features[2].getDouble(0);
        int n = (int) x.size(0);

        List<INDArray> hs = new ArrayList<>();
        INDArray h = encoderTrunk(x, hs);
        INDArray mu = affine(h, SameDiffVae.Z_MEAN);
        INDArray logVar = affine(h, SameDiffVae.Z_LOG_VAR);
        INDArray std = Transforms.exp(logVar.mul(0.5), false);
        INDArray z = eps.mul(std).addi(mu);

        List<INDArray> gs = new ArrayList<>();
        INDArray logits = decoderForward(z, gs);

        // Loss terms (per example, then averaged) and ∂loss/∂logits, both scaled by 1/n for the batch mean.
        Reconstruction r = reconstruction(logits, x);
        double recon = r.mean();
        INDArray dLogits = r.dLogits();
        INDArray var = std.mul(std);
        double kl = -0.5 * (logVar.add(1.0).subi(mu.mul(mu)).subi(var)).sumNumber().doubleValue() / n;

        INDArray dz = decoderBackward(grads, dLogits, gs);
        INDArray dMu = mu.mul(klWeight / n).addi(dz);
        INDArray dLogVar = dz.mul(eps).muli(std).muli(0.5).addi(var.sub(1.0).muli(0.5 * klWeight / n));
        layerGrads(grads, SameDiffVae.Z_MEAN, h, dMu);
        layerGrads(grads, SameDiffVae.Z_LOG_VAR, h, dLogVar);
        INDArray d = Nd4j.gemm(dMu, w(SameDiffVae.Z_MEAN), false, true);
        Nd4j.gemm(dLogVar, w(SameDiffVae.Z_LOG_VAR), d, false, true, 1.0, 1.0);
        encoderBackward(grads, d, h, hs);
        return new double[]{recon, kl};
    }
}
