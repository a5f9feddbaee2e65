package org.latentexplorer.train;

import java.util.Map;

/**
 * Receives training progress as plain values. Called on the training thread: a screen must hand the
 * values to its own thread (and may drop some; they are snapshots, not deltas).
 */
public interface TrainingListener {

    /**
     * After each gradient step.
     *
     * @param epoch          0-based epoch
     * @param iteration      0-based step within the run
     * @param stepsPerEpoch  number of steps in one epoch
     * @param loss           negative ELBO of the batch, per example
     * @param terms          the loss terms of the batch, per example
     * @param examplesPerSec throughput over the current epoch so far
     */
    default void onIteration(int epoch, int iteration, int stepsPerEpoch, double loss, Map<String, Double> terms,
                             double examplesPerSec) {
    }

    /** After each epoch, with the averaged training and validation figures. */
    default void onEpoch(EpochStats stats) {
    }

    /** A message for the user (early stop, checkpoint written, NaN rollback...). */
    default void onMessage(String message) {
    }
}
