package org.latentexplorer.model;

import java.util.HashMap;
import java.util.Map;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.memory.MemoryWorkspace;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.AdamUpdater;
import org.nd4j.linalg.learning.config.Adam;

/**
 * Adam (Kingma &amp; Ba 2015, Algorithm 1) with decoupled weight decay, applied in place to a graph's
 * arrays by the fused training kernels: one SIMD pass per variable through {@link FusedOps#adam}, or
 * ND4J's {@link AdamUpdater} where that path is not available. Keeps the moment estimates per variable.
 */
final class AdamStep {
    private final SameDiff sd;
    private final Adam adam;
    private final double weightDecay;
    private final Map<String, float[][]> moments = new HashMap<>();
    private final Map<String, AdamUpdater> updaters = new HashMap<>();

    AdamStep(SameDiff sd, double learningRate, double weightDecay) {
        this.sd = sd;
        this.adam = new Adam(learningRate);
        this.weightDecay = weightDecay;
    }

    /** One step for every variable named in {@code grads}; the gradient arrays are used up. */
    void apply(Map<String, INDArray> grads, int iteration, int epoch) {
        double lr = adam.getLearningRate(iteration, epoch);
        // α_t = α·√(1 − β₂ᵗ)/(1 − β₁ᵗ) (Kingma & Ba 2015, §2), t = iteration + 1.
        double alphaT = lr * Math.sqrt(1 - Math.pow(adam.getBeta2(), iteration + 1))
                / (1 - Math.pow(adam.getBeta1(), iteration + 1));
        for (var e : grads.entrySet()) {
            INDArray p = sd.getVariable(e.getKey()).getArr();
            INDArray update = e.getValue();
            if (FusedOps.canAdam(p, update)) {
                float[][] mv = moments.computeIfAbsent(e.getKey(),
                        k -> new float[][]{new float[(int) p.length()], new float[(int) p.length()]});
                FusedOps.adam(p, update, mv[0], mv[1], adam.getBeta1(), adam.getBeta2(), alphaT, adam.getEpsilon(),
                        lr * weightDecay);
                continue;
            }
            updaters.computeIfAbsent(e.getKey(), k -> {
                AdamUpdater u = new AdamUpdater(adam);
                try (MemoryWorkspace none = Nd4j.getWorkspaceManager().scopeOutOfWorkspaces()) {
                    u.setStateViewArray(Nd4j.zeros(DataType.FLOAT, 1, 2 * p.length()), p.shape(), 'c', true);
                }
                return u;
            }).applyUpdater(update, iteration, epoch);
            if (weightDecay > 0) {
                update.addi(p.mul(lr * weightDecay));
            }
            p.subi(update);
        }
    }

    void setLearningRate(double lr) {
        adam.setLearningRate(lr);
    }

    /** Forgets the moment estimates (after a rollback to earlier weights). */
    void reset() {
        moments.clear();
        updaters.clear();
    }
}
