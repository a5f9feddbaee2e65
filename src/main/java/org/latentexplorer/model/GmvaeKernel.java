package org.latentexplorer.model;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * The GMVAE's training step (forward pass, backward pass, Adam) written as ND4J matrix products and
 * element-wise ops on the graph's own weight arrays, as {@link DenseVaeKernel} does for the plain VAE:
 * SameDiff 1.0.0-M2.1 runs the same graph op by op at 2.3–2.7× the VAE's epoch time
 * (docs/benchmarks-gmvae.md). All K components are computed at once in batch × K·d matrices (component
 * k in columns [k·d, (k+1)·d)), never in K separate pieces. {@code GmvaeKernelTest} checks every
 * gradient against SameDiff's for the graph of {@link SameDiffGmvae}.
 *
 * <p>Loss (Sánchez Martín 2018, eq. 4.3, negated, one sample of w and z), batch mean:
 * recon + β (CondPrior + WPrior) + β max(mean YPrior, λ) with λ the information constraint of
 * Dilokthanakul et al. (2016, §3.2). Derivatives used below:
 * <ul>
 *   <li>Bernoulli pixels: ∂(−log p(x|z))/∂logit = sigmoid(logit) − x.</li>
 *   <li>KL(N(m, e^l) ‖ N(μ, v)) per dimension t = ½[log v − l + (e^l + (m − μ)²)/v − 1]:
 *       ∂t/∂m = (m − μ)/v = −∂t/∂μ, ∂t/∂l = ½(e^l/v − 1), ∂t/∂v = ½(1/v − (e^l + (m − μ)²)/v²).</li>
 *   <li>KL(q(w|x) ‖ N(0, I)) (Kingma &amp; Welling 2014, appendix B): ∂/∂μ = μ, ∂/∂log σ² = ½(σ² − 1).</li>
 *   <li>Softmax q = softmax(l): ∂L/∂l_j = q_j (g_j − Σ_k q_k g_k) for g = ∂L/∂q; for the y term
 *       Σ q (log q + log K), g_k = log q_k + log K + 1.</li>
 *   <li>μ = A tanh(u): ∂μ/∂u = A − μ²/A; v = softplus(u) + 0.1: ∂v/∂u = sigmoid(u).</li>
 * </ul>
 */
final class GmvaeKernel extends FusedKernel {
    private final int k;
    private final int d;
    private final int wDim;
    private final double bound;
    private final double freeBits;

    GmvaeKernel(SameDiffGmvae model, double learningRate, double weightDecay) {
        super(model.graph(), model.config(), learningRate, weightDecay);
        ModelConfig c = model.config();
        this.k = model.clusterCount();
        this.d = model.latentDim();
        this.wDim = model.wDim();
        this.bound = SameDiffGmvae.extraDouble(c, SameDiffGmvae.MEAN_BOUND, SameDiffGmvae.DEFAULT_MEAN_BOUND);
        this.freeBits = SameDiffGmvae.extraDouble(c, SameDiffGmvae.Y_FREE_BITS, SameDiffGmvae.DEFAULT_Y_FREE_BITS);
    }

    /**
     * One Adam step of q(y|w, z) alone towards given cluster labels (cross-entropy), the rest of the
     * model fixed: the VaDE-style initialisation teaches the y network the clusters found in the codes.
     *
     * @param wz     inputs of the y network, [w, z] per row
     * @param labels target cluster of each row
     * @return the batch's mean cross-entropy
     */
    double stepQy(INDArray wz, int[] labels, int iteration) {
        return inWorkspace(() -> {
            int n = (int) wz.size(0);
            INDArray a = reluLayer(wz, "qy0");
            INDArray logits = affine(a, "qy1");
            INDArray[] q = softmax(logits);
            INDArray target = Nd4j.zeros(DataType.FLOAT, n, k);
            double ce = 0;
            for (int i = 0; i < n; i++) {
                target.putScalar(i, labels[i], 1f);
                ce -= q[1].getDouble(i, labels[i]);
            }
            // ∂CE/∂logits = q − onehot (batch mean).
            INDArray dLogits = q[0].sub(target).divi(n);
            Map<String, INDArray> grads = new LinkedHashMap<>();
            layerGrads(grads, "qy1", a, dLogits);
            INDArray da = Nd4j.gemm(dLogits, w("qy1"), false, true).muli(Transforms.step(a, true));
            layerGrads(grads, "qy0", wz, da);
            applyAdam(grads, iteration, 0);
            return ce / n;
        });
    }

    /** {softmax(l), log softmax(l)} row by row. */
    private static INDArray[] softmax(INDArray logits) {
        INDArray shifted = logits.subColumnVector(logits.max(true, 1));
        INDArray e = Transforms.exp(shifted, true);
        INDArray sum = e.sum(true, 1);
        INDArray logQ = shifted.subiColumnVector(Transforms.log(sum, true));
        return new INDArray[]{e.diviColumnVector(sum), logQ};
    }

    /**
     * The batch's mean {ReconsLoss, CondPrior, WPrior, YPrior} and, into {@code grads}, the gradient of
     * the batch-mean loss for every weight, keyed by the graph's variable names. Features as
     * {@link SameDiffGmvae#trainingFeatures}: x, ε_w, ε_z, β.
     */
    @Override
    double[] gradients(INDArray[] features, Map<String, INDArray> grads) {
        INDArray x = features[0], epsW = features[1], epsZ = features[2];
        double beta = features[3].getDouble(0);
        int n = (int) x.size(0);
        double bn = beta / n;

        // Encoder trunk and the four Gaussian heads; reparameterised w and z (Kingma & Welling 2014, §2.4).
        List<INDArray> hs = new ArrayList<>();
        INDArray h = encoderTrunk(x, hs);
        INDArray wMean = affine(h, SameDiffGmvae.W_MEAN), wLogVar = affine(h, SameDiffGmvae.W_LOG_VAR);
        INDArray zMean = affine(h, SameDiffVae.Z_MEAN), zLogVar = affine(h, SameDiffVae.Z_LOG_VAR);
        INDArray wStd = Transforms.exp(wLogVar.mul(0.5), false), zStd = Transforms.exp(zLogVar.mul(0.5), false);
        INDArray w = epsW.mul(wStd).addi(wMean), z = epsZ.mul(zStd).addi(zMean);

        // Conditional prior of all K components (SameDiffGmvaePrior): tanh layer, A·tanh means, softplus + 0.1 variances.
        INDArray ph = Transforms.tanh(affine(w, "prior0"), false);
        INDArray pm = Transforms.tanh(affine(ph, "priorMean"), false).muli(bound);
        INDArray uv = affine(ph, "priorVar");
        INDArray pv = Transforms.softPlus(uv, true).addi(SameDiffGmvae.VAR_FLOOR);

        // q(y|w, z): ReLU layer on [w, z], softmax.
        INDArray wz = Nd4j.hstack(w, z);
        INDArray a = reluLayer(wz, "qy0");
        INDArray[] q = softmax(affine(a, "qy1"));
        INDArray qy = q[0], logQ = q[1];

        // Decoder and the reconstruction term.
        List<INDArray> gs = new ArrayList<>();
        INDArray logits = decoderForward(z, gs);
        Reconstruction r = reconstruction(logits, x);
        double recon = r.mean();
        INDArray dLogits = r.dLogits();

        // KL(q(z|x) ‖ p(z|w, y=k)) for every k at once: q's parameters tiled K times.
        INDArray mT = Nd4j.tile(zMean, 1, k), lT = Nd4j.tile(zLogVar, 1, k);
        INDArray eT = Transforms.exp(lT, true);
        INDArray diff = mT.subi(pm);
        INDArray invV = Transforms.pow(pv, -1, true);
        INDArray sq = diff.mul(diff);
        INDArray perDim = Transforms.log(pv, true).subi(lT).addi(eT.add(sq).muli(invV)).subi(1.0).muli(0.5);
        INDArray klPerK = perDim.reshape(n, k, d).sum(2);
        double condPrior = qy.mul(klPerK).sumNumber().doubleValue() / n;
        double wPrior = -0.5 * wLogVar.add(1.0).subi(wMean.mul(wMean)).subi(Transforms.exp(wLogVar, true))
                .sumNumber().doubleValue() / n;
        INDArray yPerRow = qy.mul(logQ.add(Math.log(k))).sum(1);
        double yPrior = yPerRow.sumNumber().doubleValue() / n;

        // Backward: decoder.
        INDArray dz = decoderBackward(grads, dLogits, gs);

        // q(y|w, z): g_k = ∂L/∂q_k from CondPrior and (above the free bits only) YPrior.
        INDArray gq = klPerK.mul(bn);
        if (freeBits <= 0 || yPrior > freeBits) {
            gq.addi(logQ.add(Math.log(k) + 1).muli(bn));
        }
        INDArray dYLogits = gq.subiColumnVector(qy.mul(gq).sum(true, 1)).muli(qy);
        layerGrads(grads, "qy1", a, dYLogits);
        INDArray da = Nd4j.gemm(dYLogits, w("qy1"), false, true).muli(Transforms.step(a, true));
        layerGrads(grads, "qy0", wz, da);
        INDArray dwz = Nd4j.gemm(da, w("qy0"), false, true);
        INDArray dw = dwz.get(NDArrayIndex.all(), NDArrayIndex.interval(0, wDim)).dup();
        dz.addi(dwz.get(NDArrayIndex.all(), NDArrayIndex.interval(wDim, wDim + d)));

        // CondPrior: weights c_k = β q_k / n spread over component k's d columns.
        INDArray c = qy.mul(bn).repeat(1, d);
        INDArray dmT = diff.muli(invV).muli(c);           // ∂/∂m per component; ∂/∂μ is its negative
        INDArray dlT = eT.mul(invV).subi(1.0).muli(0.5).muli(c);
        INDArray dpv = invV.sub(eT.addi(sq).muli(invV).muli(invV)).muli(0.5).muli(c);
        INDArray dzMeanPrior = dmT.reshape(n, k, d).sum(1);
        INDArray dzLogVarPrior = dlT.reshape(n, k, d).sum(1);
        INDArray duM = pm.mul(pm).divi(-bound).addi(bound).muli(dmT).negi();
        INDArray duV = dpv.muli(Transforms.sigmoid(uv, true));
        layerGrads(grads, "priorMean", ph, duM);
        layerGrads(grads, "priorVar", ph, duV);
        INDArray dph = Nd4j.gemm(duM, w("priorMean"), false, true);
        Nd4j.gemm(duV, w("priorVar"), dph, false, true, 1.0, 1.0);
        INDArray du0 = dph.muli(ph.mul(ph).rsubi(1.0));
        layerGrads(grads, "prior0", w, du0);
        Nd4j.gemm(du0, w("prior0"), dw, false, true, 1.0, 1.0);

        // Heads: through the reparameterisation and the KL terms of w.
        INDArray dwMean = wMean.mul(bn).addi(dw);
        INDArray dwLogVar = dw.mul(epsW).muli(wStd).muli(0.5).addi(wStd.mul(wStd).subi(1.0).muli(0.5 * bn));
        INDArray dzMean = dz.add(dzMeanPrior);
        INDArray dzLogVar = dz.mul(epsZ).muli(zStd).muli(0.5).addi(dzLogVarPrior);
        String[] heads = {SameDiffGmvae.W_MEAN, SameDiffGmvae.W_LOG_VAR, SameDiffVae.Z_MEAN, SameDiffVae.Z_LOG_VAR};
        INDArray[] dHeads = {dwMean, dwLogVar, dzMean, dzLogVar};
        INDArray dh = null;
        for (int i = 0; i < heads.length; i++) {
            layerGrads(grads, heads[i], h, dHeads[i]);
            if (dh == null) {
                dh = Nd4j.gemm(dHeads[i], w(heads[i]), false, true);
            } else {
                Nd4j.gemm(dHeads[i], w(heads[i]), dh, false, true, 1.0, 1.0);
            }
        }
        encoderBackward(grads, dh, h, hs);
        return new double[]{recon, condPrior, wPrior, yPrior};
    }
}
