package org.latentexplorer.inpaint;

import java.util.Arrays;
import java.util.Comparator;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.latentexplorer.common.CancelToken;
import org.latentexplorer.common.InputException;
import org.latentexplorer.data.Dataset;

/**
 * The K-nearest-neighbour baseline (Kormaris 2020, §5.1): rank the reference examples by the
 * Euclidean distance d_k = ‖x_o − r_{k,o}‖ over the observed values only, and fill each missing value
 * with the weighted mean Σ_k w_k r_{k,i} of the K nearest, w uniform or softmax (see
 * {@link KnnWeighting}). Ties go to the lower index, so results are deterministic.
 *
 * <p>References may have missing entries (NaN, as in a ratings matrix): the distance is then taken
 * over the values observed in both and scaled up to the number of observed values, a neighbour
 * lacking value i does not vote on it, and a value no neighbour has falls back to the reference
 * column's mean. Thread-safe: the reference is only read.
 */
public final class KnnInpainter implements Inpainter {
    private final Dataset reference;
    private final MethodSpec method;
    private final float[] columnMean;
    private final boolean referenceHasNaN;

    /**
     * @param reference the examples neighbours are taken from (a training set), not modified
     * @param k         number of neighbours, 1..reference size
     * @param weighting uniform or softmax
     */
    public KnnInpainter(Dataset reference, int k, KnnWeighting weighting) {
        if (reference == null || reference.size() == 0) {
            throw new InputException("K-NN needs a non-empty reference data set");
        }
        if (k < 1 || k > reference.size()) {
            throw new InputException("K = " + k + " is larger than the reference data set " + reference.id() + " ("
                    + reference.size() + " examples); use K between 1 and " + reference.size());
        }
        this.reference = reference;
        this.method = MethodSpec.knn(k, weighting);
        this.referenceHasNaN = reference.hasMissing();
        this.columnMean = columnMeans(reference);
    }

    @Override
    public MethodSpec method() {
        return method;
    }

    @Override
    public Completion complete(float[] image, Mask mask, InpaintOptions options, SplittableRandom rng,
                               CancelToken cancel, InpaintListener listener) {
        long start = System.nanoTime();
        int dim = reference.dim();
        if (mask.size() != dim) {
            throw new InputException("the mask is " + mask.shape() + " (" + mask.size() + " values) but the reference "
                    + "data set " + reference.id() + " has " + reference.shape() + " (" + dim + " values)");
        }
        mask.checkFits(image);
        if (mask.isEmpty()) {
            return Inpainting.unchanged(image, method);
        }
        int[] obs = mask.observedIndices();
        int[] miss = mask.missingIndices();
        float[] ref = reference.values();
        double[] dist = distances(image, obs, cancel);
        int k = method.k();
        int[] order = nearest(dist, k);
        double[] w = weights(order, dist, k);

        float[] mean = image.clone();
        float[] sd = new float[image.length];
        for (int i : miss) {
            double sw = 0, s = 0;
            for (int j = 0; j < k; j++) {
                float v = ref[order[j] * dim + i];
                if (!Float.isNaN(v)) {
                    sw += w[j];
                    s += w[j] * v;
                }
            }
            if (sw == 0) {
                mean[i] = columnMean[i];
                continue;
            }
            double m = s / sw, var = 0;
            for (int j = 0; j < k; j++) {
                float v = ref[order[j] * dim + i];
                if (!Float.isNaN(v)) {
                    var += w[j] * (v - m) * (v - m);
                }
            }
            mean[i] = (float) m;
            sd[i] = (float) Math.sqrt(var / sw);
        }
        int nSamples = Math.min(k, options.samples());
        float[][] samples = new float[nSamples][];
        for (int j = 0; j < nSamples; j++) {
            samples[j] = image.clone();
            for (int i : miss) {
                float v = ref[order[j] * dim + i];
                samples[j][i] = Float.isNaN(v) ? mean[i] : v;
            }
        }
        if (listener != null) {
            listener.onIteration(1, 1, mean.clone(), null);
        }
        return new Completion(mean, samples, sd, new float[0][], method, 1, Double.NaN, Double.NaN,
                (System.nanoTime() - start) / 1e6, mask.isFull() ? Inpainting.FULL_MASK_NOTE : "");
    }

    /**
     * The indices of the {@code n} reference examples nearest to {@code image} on the observed values
     * {@code obs}, nearest first, ties to the lower index; {@code n} is capped at the reference size.
     * The importance sampler encodes these to propose latent codes near the right ones.
     */
    int[] nearest(float[] image, int[] obs, int n, CancelToken cancel) {
        return nearest(distances(image, obs, cancel), Math.min(n, reference.size()));
    }

    /** The reference data set neighbours are taken from. */
    Dataset reference() {
        return reference;
    }

    private double[] distances(float[] image, int[] obs, CancelToken cancel) {
        int dim = reference.dim();
        float[] ref = reference.values();
        double[] dist = new double[reference.size()];
        for (int n = 0; n < dist.length; n++) {
            if ((n & 1023) == 0 && cancel != null) {
                cancel.check();
            }
            dist[n] = distance(image, ref, n * dim, obs);
        }
        return dist;
    }

    /**
     * The k smallest distances' indices in order (ties to the lower index): a bounded insertion for
     * small k, which on 60 000 references rejects almost every candidate with one comparison, and a
     * full sort otherwise.
     */
    static int[] nearest(double[] dist, int k) {
        if (k > 256) {
            return IntStream.range(0, dist.length).boxed()
                    .sorted(Comparator.<Integer>comparingDouble(i -> dist[i]).thenComparingInt(i -> i))
                    .limit(k).mapToInt(Integer::intValue).toArray();
        }
        int[] best = new int[k];
        int filled = 0;
        for (int i = 0; i < dist.length; i++) {
            double d = dist[i];
            // Strictly smaller than the current k-th: an equal distance at a later index loses the tie.
            if (filled == k && !(d < dist[best[k - 1]])) {
                continue;
            }
            int pos = filled < k ? filled++ : k - 1;
            while (pos > 0 && d < dist[best[pos - 1]]) {
                best[pos] = best[pos - 1];
                pos--;
            }
            best[pos] = i;
        }
        return best;
    }

    /** Euclidean distance over the observed indices (scaled over co-observed ones when the reference has gaps). */
    private double distance(float[] x, float[] ref, int offset, int[] obs) {
        double s = 0;
        if (!referenceHasNaN) {
            for (int i : obs) {
                double diff = x[i] - ref[offset + i];
                s += diff * diff;
            }
            return Math.sqrt(s);
        }
        int shared = 0;
        for (int i : obs) {
            float r = ref[offset + i];
            if (!Float.isNaN(r)) {
                double diff = x[i] - r;
                s += diff * diff;
                shared++;
            }
        }
        return shared == 0 ? (obs.length == 0 ? 0 : Double.POSITIVE_INFINITY) : Math.sqrt(s * obs.length / shared);
    }

    /** Uniform 1/K, or softmax of −d (shifted by the smallest distance, which cancels, to avoid underflow). */
    private double[] weights(int[] order, double[] dist, int k) {
        double[] w = new double[k];
        if (method.weighting() == KnnWeighting.UNIFORM) {
            Arrays.fill(w, 1.0 / k);
            return w;
        }
        double d0 = dist[order[0]];
        double sum = 0;
        for (int j = 0; j < k; j++) {
            double dj = dist[order[j]];
            w[j] = Double.isInfinite(dj) ? 0 : Math.exp(-(dj - d0));
            sum += w[j];
        }
        for (int j = 0; j < k; j++) {
            w[j] = sum > 0 ? w[j] / sum : 1.0 / k;
        }
        return w;
    }

    private static float[] columnMeans(Dataset data) {
        int dim = data.dim();
        double[] s = new double[dim];
        int[] c = new int[dim];
        float[] v = data.values();
        for (int n = 0; n < data.size(); n++) {
            for (int i = 0; i < dim; i++) {
                float x = v[n * dim + i];
                if (!Float.isNaN(x)) {
                    s[i] += x;
                    c[i]++;
                }
            }
        }
        float[] m = new float[dim];
        for (int i = 0; i < dim; i++) {
            m[i] = c[i] == 0 ? 0.5f : (float) (s[i] / c[i]);
        }
        return m;
    }
}
