package org.latentexplorer.train;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.nd4j.autodiff.listeners.At;
import org.nd4j.autodiff.listeners.BaseListener;
import org.nd4j.autodiff.listeners.ListenerVariables;
import org.nd4j.autodiff.listeners.Loss;
import org.nd4j.autodiff.listeners.Operation;
import org.latentexplorer.model.SameDiffModel;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.autodiff.samediff.internal.SameDiffOp;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.api.MultiDataSet;

/**
 * Reads the loss and each loss term of every training step out of SameDiff as plain doubles (the
 * arrays never leave this class) and passes them on with the epoch's running averages.
 */
final class TermRecorder extends BaseListener {
    private final List<String> terms;
    private final SameDiffModel model;
    private final Map<String, Double> current = new LinkedHashMap<>();
    private final Map<String, Double> sums = new LinkedHashMap<>();
    private final TrainingListener listener;
    private final int stepsPerEpoch;
    private int epoch;
    private int iteration;
    private long examples;
    private long epochStart;
    private double lossSum;
    private int steps;
    private boolean nonFinite;
    private double klWeight;

    TermRecorder(SameDiffModel model, TrainingListener listener, int stepsPerEpoch) {
        this.model = model;
        this.terms = model.lossTermNames();
        this.listener = listener;
        this.stepsPerEpoch = stepsPerEpoch;
    }

    void startEpoch(int epoch, double klWeight) {
        this.epoch = epoch;
        this.klWeight = klWeight;
        sums.clear();
        lossSum = 0;
        steps = 0;
        examples = 0;
        nonFinite = false;
        epochStart = System.nanoTime();
    }

    @Override
    public ListenerVariables requiredVariables(SameDiff sd) {
        return ListenerVariables.builder().trainingVariables(terms.toArray(String[]::new)).build();
    }

    @Override
    public boolean isActive(Operation operation) {
        return operation == Operation.TRAINING;
    }

    @Override
    public void activationAvailable(SameDiff sd, At at, MultiDataSet batch, SameDiffOp op, String varName,
                                    INDArray activation) {
        if (terms.contains(varName)) {
            // Keyed in the model's term order, whatever order SameDiff computes them in.
            if (current.isEmpty()) {
                terms.forEach(t -> current.put(t, Double.NaN));
            }
            current.put(varName, activation.meanNumber().doubleValue());
        }
    }

    @Override
    public void iterationDone(SameDiff sd, At at, MultiDataSet batch, Loss loss) {
        record(batch.getFeatures(0).size(0));
    }

    /** Records a step made outside SameDiff's fit loop, from its mean term values. */
    void record(double[] termValues, long n) {
        current.clear();
        for (int i = 0; i < terms.size(); i++) {
            current.put(terms.get(i), termValues[i]);
        }
        record(n);
    }

    private void record(long n) {
        // SameDiff does not expose the loss variable's value to listeners; the model combines the terms.
        double value = model.combineLoss(current, klWeight);
        examples += n;
        steps++;
        lossSum += value;
        if (!Double.isFinite(value)) {
            nonFinite = true;
        }
        for (Map.Entry<String, Double> e : current.entrySet()) {
            sums.merge(e.getKey(), e.getValue(), Double::sum);
        }
        listener.onIteration(epoch, iteration++, stepsPerEpoch, value, java.util.Collections.unmodifiableMap(new LinkedHashMap<>(current)), examplesPerSecond());
    }

    double examplesPerSecond() {
        double secs = (System.nanoTime() - epochStart) / 1e9;
        return secs > 0 ? examples / secs : 0;
    }

    int steps() {
        return steps;
    }

    long examples() {
        return examples;
    }

    boolean sawNonFinite() {
        return nonFinite;
    }

    double meanLoss() {
        return steps == 0 ? Double.NaN : lossSum / steps;
    }

    Map<String, Double> meanTerms() {
        Map<String, Double> m = new LinkedHashMap<>();
        sums.forEach((k, v) -> m.put(k, v / Math.max(1, steps)));
        return m;
    }
}
