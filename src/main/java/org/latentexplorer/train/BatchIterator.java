package org.latentexplorer.train;

import java.util.SplittableRandom;
import org.latentexplorer.common.CancelToken;
import org.latentexplorer.data.Binarization;
import org.latentexplorer.model.SameDiffModel;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.api.MultiDataSet;
import org.nd4j.linalg.dataset.api.MultiDataSetPreProcessor;
import org.nd4j.linalg.dataset.api.iterator.MultiDataSetIterator;
import org.nd4j.linalg.factory.Nd4j;

/**
 * One epoch of shuffled mini-batches for SameDiff's fit loop. It draws the dynamic binarisation and
 * the model's noise from the run's random stream, and ends the epoch early when the run is cancelled
 * (SameDiff then returns from fit after the current step).
 */
final class BatchIterator implements MultiDataSetIterator {
    private final SameDiffModel model;
    private final float[] values;
    private final int dim;
    private final int[] order;
    private final int batchSize;
    private final boolean dynamic;
    private final double klWeight;
    private final SplittableRandom rng;
    private final CancelToken cancel;
    private int position;

    BatchIterator(SameDiffModel model, float[] values, int dim, int[] order, int batchSize, Binarization binarization,
                  double klWeight, SplittableRandom rng, CancelToken cancel) {
        this.model = model;
        this.values = values;
        this.dim = dim;
        this.order = order;
        this.batchSize = batchSize;
        this.dynamic = binarization == Binarization.DYNAMIC;
        this.klWeight = klWeight;
        this.rng = rng;
        this.cancel = cancel;
    }

    int steps() {
        return (order.length + batchSize - 1) / batchSize;
    }

    @Override
    public boolean hasNext() {
        return position < order.length && !cancel.isCancelled();
    }

    @Override
    public MultiDataSet next() {
        return next(batchSize);
    }

    @Override
    public MultiDataSet next(int num) {
        int n = Math.min(num, order.length - position);
        float[] batch = new float[n * dim];
        for (int i = 0; i < n; i++) {
            System.arraycopy(values, order[position + i] * dim, batch, i * dim, dim);
        }
        position += n;
        if (dynamic) {
            Binarization.sample(batch, rng);
        }
        INDArray x = Nd4j.create(batch, new long[]{n, dim}, 'c');
        return new org.nd4j.linalg.dataset.MultiDataSet(model.trainingFeatures(x, rng, klWeight), new INDArray[0]);
    }

    @Override
    public void setPreProcessor(MultiDataSetPreProcessor preProcessor) {
        throw new UnsupportedOperationException("no pre-processing: batches are made ready here");
    }

    @Override
    public MultiDataSetPreProcessor getPreProcessor() {
        return null;
    }

    @Override
    public boolean resetSupported() {
        return false;
    }

    @Override
    public boolean asyncSupported() {
        return false;
    }

    @Override
    public void reset() {
        throw new UnsupportedOperationException("a new iterator is made for each epoch");
    }
}
