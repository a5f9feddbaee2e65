package org.latentexplorer.ui.bench;

import java.util.Arrays;
import java.util.Locale;
import org.latentexplorer.sample.Plane;
import org.latentexplorer.ui.common.Palette;
import org.latentexplorer.ui.map.MapRenderer;
import org.latentexplorer.ui.map.Viewport;

/**
 * The map's drawing at scale (issue 20 item 9): N synthetic 20-D codes (ten Gaussian blobs) laid out
 * by PCA, then 300 frames of pan and zoom drawn into a 1200×800 ARGB buffer as the map does each
 * frame (MapRenderer; the upload to the screen is not part of it). Prints the PCA time and the frame
 * times' median and p95. Usage: {@code MapScaleBenchmark [N=1000000]} (docs/benchmarks-ui.md).
 */
public final class MapScaleBenchmark {
    private MapScaleBenchmark() {
    }

    public static void main(String[] args) {
        org.latentexplorer.platform.Natives.init();
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        int d = 20, w = 1200, h = 800;
        org.latentexplorer.embed.bench.Blobs blobs = org.latentexplorer.embed.bench.Blobs.of(n, d, 1);
        float[][] codes = blobs.codes();
        int[] colour = new int[n];
        for (int i = 0; i < n; i++) {
            colour[i] = Palette.argb(blobs.labels()[i]);
        }
        long t0 = System.nanoTime();
        Plane plane = Plane.principal(codes);
        float[] x = new float[n], y = new float[n];
        for (int i = 0; i < n; i++) {
            double[] uv = plane.coordinates(codes[i]);
            x[i] = (float) uv[0];
            y[i] = (float) uv[1];
        }
        double pcaSeconds = (System.nanoTime() - t0) / 1e9;
        int[] argb = new int[w * h];
        Viewport v = Viewport.fit(x, y, w, h);
        for (int i = 0; i < 30; i++) { // warm-up: the JIT compiles the drawing loop
            MapRenderer.render(argb, v, x, y, colour, null, null, false);
        }
        double[] ms = new double[300];
        for (int f = 0; f < ms.length; f++) {
            v = f % 10 == 9 ? v.zoom(f % 20 == 9 ? 1.15 : 1 / 1.15, w / 2.0, h / 2.0) : v.pan(f % 60 < 30 ? 4 : -4, 2);
            long s = System.nanoTime();
            MapRenderer.render(argb, v, x, y, colour, null, null, false);
            ms[f] = (System.nanoTime() - s) / 1e6;
        }
        Arrays.sort(ms);
        System.out.printf(Locale.ROOT, "{\"points\": %d, \"dim\": %d, \"pca_s\": %.2f, \"frame_ms_median\": %.2f, "
                + "\"frame_ms_p95\": %.2f, \"frame_ms_max\": %.2f}%n", n, d, pcaSeconds, ms[ms.length / 2],
                ms[(int) Math.ceil(0.95 * ms.length) - 1], ms[ms.length - 1]);
    }
}
