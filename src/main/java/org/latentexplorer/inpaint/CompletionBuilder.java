package org.latentexplorer.inpaint;

import java.util.ArrayList;
import java.util.List;

/**
 * Collects the predictions of a completion for its missing values — their running mean and spread
 * (Welford's online algorithm, Knuth TAOCP vol. 2, §4.2.2) and a few snapshots — and assembles the
 * {@link Completion}. Every array it returns starts as a copy of the input, so observed values are the
 * input's, bit for bit.
 */
final class CompletionBuilder {
    private final float[] image;
    private final int[] missing;
    private final int maxSamples;
    private final double[] mean;
    private final double[] m2;
    private final List<float[]> samples = new ArrayList<>();
    private int count;

    CompletionBuilder(float[] image, int[] missing, int maxSamples) {
        this.image = image.clone();
        this.missing = missing;
        this.maxSamples = maxSamples;
        this.mean = new double[missing.length];
        this.m2 = new double[missing.length];
    }

    /** Adds one prediction: {@code values[missing[k]]} for each missing index. */
    void add(float[] values) {
        count++;
        for (int k = 0; k < missing.length; k++) {
            double v = values[missing[k]];
            double delta = v - mean[k];
            mean[k] += delta / count;
            m2[k] += delta * (v - mean[k]);
        }
    }

    /** Adds one prediction given as decoder logits (its mean σ(l) is what counts). */
    void addLogits(float[] logits) {
        count++;
        for (int k = 0; k < missing.length; k++) {
            double v = PixelLikelihood.mean(logits[missing[k]]);
            double delta = v - mean[k];
            mean[k] += delta / count;
            m2[k] += delta * (v - mean[k]);
        }
    }

    /** Keeps a completed copy of {@code logits}' means as a sample, while fewer than the maximum are kept. */
    void snapshotLogits(float[] logits) {
        if (samples.size() < maxSamples) {
            float[] s = image.clone();
            for (int i : missing) {
                s[i] = PixelLikelihood.mean(logits[i]);
            }
            samples.add(s);
        }
    }

    /** Keeps a completed copy of {@code values} (values at the missing indices) as a sample. */
    void snapshot(float[] values) {
        if (samples.size() < maxSamples) {
            float[] s = image.clone();
            for (int i : missing) {
                s[i] = values[i];
            }
            samples.add(s);
        }
    }

    int count() {
        return count;
    }

    /** The image with the running mean filled in (the input itself before any prediction). */
    float[] currentMean() {
        float[] out = image.clone();
        if (count > 0) {
            for (int k = 0; k < missing.length; k++) {
                out[missing[k]] = (float) mean[k];
            }
        }
        return out;
    }

    /** The image with {@code logits}' means filled in. */
    float[] completedWith(float[] logits) {
        float[] out = image.clone();
        for (int i : missing) {
            out[i] = PixelLikelihood.mean(logits[i]);
        }
        return out;
    }

    Completion build(MethodSpec method, int iterations, float[][] zPath, double acceptanceRate, long startNanos,
                     String note) {
        float[] sd = new float[image.length];
        for (int k = 0; k < missing.length; k++) {
            sd[missing[k]] = count > 1 ? (float) Math.sqrt(m2[k] / count) : 0f;
        }
        float[] m = currentMean();
        List<float[]> s = samples.isEmpty() ? List.of(m.clone()) : samples;
        return new Completion(m, s.toArray(new float[0][]), sd, zPath, method, iterations, acceptanceRate, Double.NaN,
                (System.nanoTime() - startNanos) / 1e6, note);
    }
}
