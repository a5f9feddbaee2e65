package org.latentexplorer.ui.fakes;

import java.util.List;
import java.util.SplittableRandom;
import org.latentexplorer.data.Dataset;
import org.latentexplorer.data.ImageShape;

/** Blob images in ten classes, each class around its own place on a circle. */
public final class FakeData {
    public static final List<String> LABELS = List.of("zero", "one", "two", "three", "four", "five", "six", "seven",
            "eight", "nine");

    private FakeData() {
    }

    public static Dataset blobs(int n, long seed) {
        return blobs("synthetic", n, ImageShape.grey(28, 28), seed);
    }

    public static Dataset blobs(String id, int n, ImageShape shape, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        int h = shape.height();
        int w = shape.width();
        float[] v = new float[n * shape.size()];
        int[] labels = new int[n];
        for (int i = 0; i < n; i++) {
            int k = i % 10;
            labels[i] = k;
            double a = 2 * Math.PI * k / 10;
            double cx = w / 2.0 + Math.cos(a) * w * 0.3 + rng.nextGaussian();
            double cy = h / 2.0 + Math.sin(a) * h * 0.3 + rng.nextGaussian();
            for (int p = 0; p < h * w; p++) {
                double dx = p % w - cx;
                double dy = p / w - cy;
                v[i * shape.size() + p] = (float) Math.exp(-(dx * dx + dy * dy) / 8);
            }
        }
        return new Dataset(id, shape, n, v, labels, LABELS);
    }
}
