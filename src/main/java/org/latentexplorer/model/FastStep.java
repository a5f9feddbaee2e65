package org.latentexplorer.model;

import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * A hand-fused training step for a model whose graph SameDiff would execute op by op. It updates
 * the graph's own weight arrays in place, so the graph stays the model (saved, loaded, evaluated);
 * a test checks its gradients against SameDiff's.
 */
public interface FastStep {
    /**
     * One Adam step on a batch.
     *
     * @param features  the batch's placeholder values, as from {@link SameDiffModel#trainingFeatures}
     * @param iteration 0-based step count of the run (Adam's bias correction)
     * @return the batch's mean loss terms, in {@link SameDiffModel#lossTermNames()} order
     */
    double[] step(INDArray[] features, int iteration, int epoch);

    void setLearningRate(double lr);

    /** Forgets Adam's moment estimates (after a rollback to earlier weights). */
    void resetOptimizer();
}
