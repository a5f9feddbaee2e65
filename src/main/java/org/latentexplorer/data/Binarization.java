package org.latentexplorer.data;

import java.util.Locale;
import java.util.SplittableRandom;
import org.latentexplorer.common.InputException;

/**
 * How grey values in [0, 1] are turned into 0/1 pixels for a Bernoulli decoder.
 * {@code STATIC} draws once with a fixed seed (the "statically binarised MNIST" of Larochelle &amp;
 * Murray 2011); {@code DYNAMIC} draws anew each epoch (Salakhutdinov &amp; Murray 2008), which acts as a
 * regulariser and is what {@code torch_vae.py} does when asked.
 */
public enum Binarization {
    NONE, STATIC, DYNAMIC;

    public static Binarization parse(String text) {
        try {
            return valueOf(text.trim().toUpperCase(Locale.ROOT));
        } catch (RuntimeException e) {
            throw new InputException("--binarize must be none, static or dynamic, got '" + text + "'");
        }
    }

    /**
     * Each value v becomes 1 with probability v, else 0, in place. NaN (missing) stays NaN. Values
     * already 0 or 1 (most MNIST pixels) draw no random number: they are their own sample.
     */
    public static void sample(float[] values, SplittableRandom rng) {
        for (int i = 0; i < values.length; i++) {
            float v = values[i];
            if (v > 0f && v < 1f) {
                values[i] = rng.nextDouble() < v ? 1f : 0f;
            } else if (v <= 0f) {
                values[i] = 0f;
            } else if (v >= 1f) {
                values[i] = 1f;
            }
        }
    }

    /**
     * A statically binarised copy of {@code data}: every value v becomes 1 with probability v, drawn
     * once with {@code seed}, so the same seed gives the same 0/1 data set on every run (Larochelle &amp;
     * Murray 2011). Missing entries (NaN) stay missing; labels, shape and id are kept; {@code data}
     * itself is not changed.
     */
    public static Dataset binarizedCopy(Dataset data, long seed) {
        float[] v = data.values().clone();
        sample(v, new SplittableRandom(seed));
        return new Dataset(data.id(), data.shape(), data.size(), v,
                data.labels() == null ? null : data.labels().clone(), data.labelNames());
    }

    @Override
    public String toString() {
        return name().toLowerCase(Locale.ROOT);
    }
}
