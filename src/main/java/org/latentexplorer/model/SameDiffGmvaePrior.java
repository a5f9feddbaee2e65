package org.latentexplorer.model;

import java.util.SplittableRandom;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The GMVAE's conditional prior p(z|w, y=k) = N(μ_k(w), diag σ²_k(w)) for all K components at once,
 * and the KL divergence of q(z|x) from each component.
 *
 * <p>Network (Dilokthanakul et al. 2016, §3): w → tanh hidden layer → K·d means and K·d variances.
 * Stability measures of Sánchez Martín (2018, §5.6.2 and §5.7): means A·tanh(·) so no component runs
 * off; variances softplus(·) + 0.1 so none collapses; the mean layer's bias drawn from a normal
 * truncated at ±2 standard deviations, so the components start at different places rather than
 * all near 0.
 *
 * <p>Everything stays two-dimensional (batch × K·d): q(z|x)'s parameters are tiled K times by a
 * constant 0/1 matrix and the per-dimension terms summed per component by another, which avoids
 * rank-3 broadcasting in SameDiff and costs two small matrix products.
 */
final class SameDiffGmvaePrior {
    private final SameDiff sd;
    private final Layers.Dense hidden;
    private final Layers.Dense mean;
    private final Layers.Dense var;
    private final SDVariable tile;
    private final SDVariable sumPerComponent;
    private final double bound;

    private SameDiffGmvaePrior(SameDiff sd, Layers.Dense hidden, Layers.Dense mean, Layers.Dense var, SDVariable tile,
                               SDVariable sumPerComponent, double bound) {
        this.sd = sd;
        this.hidden = hidden;
        this.mean = mean;
        this.var = var;
        this.tile = tile;
        this.sumPerComponent = sumPerComponent;
        this.bound = bound;
    }

    static SameDiffGmvaePrior create(SameDiff sd, Layers layers, SplittableRandom rng, int wDim, int priorHidden,
                                     int k, int d, double bound) {
        Layers.Dense h = layers.denseWeights("prior0", wDim, priorHidden);
        Layers.Dense m = layers.denseWeights("priorMean", priorHidden, k * d);
        Layers.Dense v = layers.denseWeights("priorVar", priorHidden, k * d);
        float[] bias = new float[k * d];
        for (int i = 0; i < bias.length; i++) {
            bias[i] = (float) truncatedNormal(rng);
        }
        m.b().getArr().assign(Nd4j.create(bias, new long[]{1, k * d}, 'c'));
        INDArray t = Nd4j.zeros(DataType.FLOAT, d, (long) k * d);
        INDArray s = Nd4j.zeros(DataType.FLOAT, (long) k * d, k);
        for (int c = 0; c < k; c++) {
            for (int j = 0; j < d; j++) {
                t.putScalar(new long[]{j, (long) c * d + j}, 1f);
                s.putScalar(new long[]{(long) c * d + j, c}, 1f);
            }
        }
        return new SameDiffGmvaePrior(sd, h, m, v, sd.constant("priorTile", t), sd.constant("priorSum", s), bound);
    }

    /** A standard normal draw truncated to [−2, 2] by rejection. */
    static double truncatedNormal(SplittableRandom rng) {
        double g;
        do {
            g = rng.nextGaussian();
        } while (Math.abs(g) > 2);
        return g;
    }

    /** Means and variances of the K components for each row of {@code w}, named as asked. */
    SDVariable[] apply(SDVariable w, String meanName, String varName) {
        SDVariable h = sd.math.tanh(w.mmul(hidden.w()).add(hidden.b()));
        SDVariable mu = sd.math.tanh(h.mmul(mean.w()).add(mean.b())).mul(meanName, bound);
        SDVariable v = sd.nn.softplus(h.mmul(var.w()).add(var.b())).add(varName, SameDiffGmvae.VAR_FLOOR);
        return new SDVariable[]{mu, v};
    }

    /**
     * KL(N(m, e^l) ‖ N(μ_k, v_k)) = ½ Σ_j [log v_kj − l_j + (e^l_j + (m_j − μ_kj)²) / v_kj − 1] for each
     * component k: batch × K.
     */
    SDVariable klPerComponent(SDVariable zMean, SDVariable zLogVar, SDVariable pMean, SDVariable pVar) {
        SDVariable m = zMean.mmul(tile);
        SDVariable l = zLogVar.mmul(tile);
        SDVariable diff = m.sub(pMean);
        SDVariable perDim = sd.math.log(pVar).sub(l).add(sd.math.exp(l).add(diff.mul(diff)).div(pVar)).sub(1.0).mul(0.5);
        return perDim.mmul(sumPerComponent);
    }
}
