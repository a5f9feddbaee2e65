package org.latentexplorer.data;

/**
 * One decoded image as floats in [0, 1], channel-major like {@link Dataset} (all of channel 0 row by
 * row, then channel 1, ...). Used between the image decoders and the folder reader.
 */
record Raster(int channels, int height, int width, float[] values) {

    /** Grey by ITU-R BT.601 luma weights (0.299 R + 0.587 G + 0.114 B), as most image tools do. */
    Raster toGrey() {
        if (channels == 1) {
            return this;
        }
        int n = height * width;
        float[] g = new float[n];
        for (int i = 0; i < n; i++) {
            g[i] = 0.299f * values[i] + 0.587f * values[n + i] + 0.114f * values[2 * n + i];
        }
        return new Raster(1, height, width, g);
    }

    /** Three channels; a grey image is copied into R, G and B. */
    Raster toRgb() {
        if (channels == 3) {
            return this;
        }
        int n = height * width;
        float[] rgb = new float[3 * n];
        for (int c = 0; c < 3; c++) {
            System.arraycopy(values, 0, rgb, c * n, n);
        }
        return new Raster(3, height, width, rgb);
    }

    /**
     * Resampled to {@code h × w}, one axis at a time: area averaging where an axis shrinks (every
     * source pixel contributes in proportion to its overlap, so thin strokes are not lost) and linear
     * interpolation between pixel centres where it grows.
     */
    Raster resize(int h, int w) {
        if (h == height && w == width) {
            return this;
        }
        float[] tmp = new float[channels * height * w];
        Weights cols = Weights.of(width, w);
        for (int c = 0; c < channels; c++) {
            for (int y = 0; y < height; y++) {
                cols.apply(values, (c * height + y) * width, 1, tmp, (c * height + y) * w, 1);
            }
        }
        float[] out = new float[channels * h * w];
        Weights rows = Weights.of(height, h);
        for (int c = 0; c < channels; c++) {
            for (int x = 0; x < w; x++) {
                rows.apply(tmp, c * height * w + x, w, out, c * h * w + x, w);
            }
        }
        return new Raster(channels, h, w, out);
    }

    /** For each output index, the source indices and weights that make it. */
    private record Weights(int[][] index, float[][] weight) {
        static Weights of(int in, int out) {
            int[][] idx = new int[out][];
            float[][] wt = new float[out][];
            double scale = (double) in / out;
            for (int o = 0; o < out; o++) {
                if (scale > 1) {
                    double from = o * scale;
                    double to = from + scale;
                    int first = (int) Math.floor(from);
                    int last = Math.min(in - 1, (int) Math.ceil(to) - 1);
                    idx[o] = new int[last - first + 1];
                    wt[o] = new float[last - first + 1];
                    for (int i = first; i <= last; i++) {
                        double overlap = Math.min(to, i + 1) - Math.max(from, i);
                        idx[o][i - first] = i;
                        wt[o][i - first] = (float) (overlap / scale);
                    }
                } else {
                    double centre = Math.max(0, Math.min(in - 1, (o + 0.5) * scale - 0.5));
                    int i0 = (int) Math.floor(centre);
                    int i1 = Math.min(in - 1, i0 + 1);
                    float f = (float) (centre - i0);
                    idx[o] = new int[] {i0, i1};
                    wt[o] = new float[] {1 - f, f};
                }
            }
            return new Weights(idx, wt);
        }

        void apply(float[] src, int srcOff, int srcStride, float[] dst, int dstOff, int dstStride) {
            for (int o = 0; o < index.length; o++) {
                float s = 0;
                for (int k = 0; k < index[o].length; k++) {
                    s += weight[o][k] * src[srcOff + index[o][k] * srcStride];
                }
                dst[dstOff + o * dstStride] = Math.min(1f, Math.max(0f, s));
            }
        }
    }
}
