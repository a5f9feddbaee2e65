package org.latentexplorer.inpaint;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.SplittableRandom;
import org.latentexplorer.common.CancelToken;
import org.latentexplorer.data.Dataset;
import org.latentexplorer.data.DatasetResolver;
import org.latentexplorer.data.Split;
import org.latentexplorer.model.LatentModel;
import org.latentexplorer.model.ModelBundle;

/**
 * Thread CPU time of {@link DenseKernels#dotRows} over the backward pass of the 784-512-256-20
 * decoder (512 × 784, 256 × 512 and 20 × 256 rows), and of one {@code optimize} completion (200 Adam
 * steps, a decode and a backward pass each) of MNIST test image 0, bottom half missing, with the
 * shipped {@code models/mnist-d20.lexb}. Rounds after a warm-up; prints each round and the medians.
 *
 * <p>Usage: {@code DotRowsBench [rounds] [backward passes per round] [completions per round]}.
 */
public final class DotRowsBench {
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private DotRowsBench() {
    }

    public static void main(String[] args) {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        int passes = args.length > 1 ? Integer.parseInt(args[1]) : 2000;
        int completions = args.length > 2 ? Integer.parseInt(args[2]) : 20;
        int[][] layers = {{512, 784}, {256, 512}, {20, 256}};
        SplittableRandom rng = new SplittableRandom(1);
        float[][] w = new float[layers.length][], g = new float[layers.length][], gIn = new float[layers.length][];
        for (int l = 0; l < layers.length; l++) {
            w[l] = new float[layers[l][0] * layers[l][1]];
            for (int i = 0; i < w[l].length; i++) {
                w[l][i] = (float) rng.nextGaussian();
            }
            g[l] = new float[layers[l][1]];
            for (int j = 0; j < g[l].length; j++) {
                g[l][j] = (float) rng.nextGaussian();
            }
            gIn[l] = new float[layers[l][0]];
        }
        LatentModel model = ModelBundle.load(Path.of("models/mnist-d20.lexb")).model();
        Dataset test = DatasetResolver.defaults().resolve("mnist", Split.TEST);
        float[] image = test.row(0);
        Mask mask = Mask.bottomHalf(test.shape());
        InpaintOptions opts = InpaintOptions.defaults().withIterations(200);
        ModelInpainter optimize = new ModelInpainter(model, Method.OPTIMIZE);
        double[] kernel = new double[rounds], complete = new double[rounds];
        for (int r = -1; r < rounds; r++) {   // round −1 warms up
            long c = THREADS.getCurrentThreadCpuTime();
            for (int p = 0; p < passes; p++) {
                for (int l = 0; l < layers.length; l++) {
                    DenseKernels.dotRows(w[l], layers[l][0], layers[l][1], g[l], gIn[l]);
                }
            }
            double us = (THREADS.getCurrentThreadCpuTime() - c) / 1e3 / passes;
            c = THREADS.getCurrentThreadCpuTime();
            for (int k = 0; k < completions; k++) {
                optimize.complete(image, mask, opts, new SplittableRandom(k), CancelToken.NONE, InpaintListener.NONE);
            }
            double ms = (THREADS.getCurrentThreadCpuTime() - c) / 1e6 / completions;
            if (r >= 0) {
                kernel[r] = us;
                complete[r] = ms;
            }
            System.out.printf(Locale.ROOT, "round %d: dotRows backward pass %.1f µs CPU, optimize completion %.2f ms CPU%n",
                    r, us, ms);
        }
        System.out.printf(Locale.ROOT, "median: dotRows backward pass %.1f µs CPU, optimize completion %.2f ms CPU%n",
                median(kernel), median(complete));
    }

    private static double median(double[] v) {
        double[] s = v.clone();
        Arrays.sort(s);
        return s[s.length / 2];
    }
}
