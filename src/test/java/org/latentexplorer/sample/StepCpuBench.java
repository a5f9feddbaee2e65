package org.latentexplorer.sample;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.latentexplorer.data.Binarization;
import org.latentexplorer.data.Dataset;
import org.latentexplorer.model.FastStep;
import org.latentexplorer.model.Likelihood;
import org.latentexplorer.model.ModelConfig;
import org.latentexplorer.model.Models;
import org.latentexplorer.model.SameDiffModel;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Thread CPU time per training step of the fused VAE and GMVAE steps of the same encoder size, in
 * alternating rounds (less sensitive to the shared machine's load than wall time). Run with
 * {@code java -cp … org.latentexplorer.sample.StepCpuBench [rounds] [steps]}.
 */
public final class StepCpuBench {
    private StepCpuBench() {
    }

    public static void main(String[] args) throws Exception {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        int steps = args.length > 1 ? Integer.parseInt(args[1]) : 78;
        Dataset data = GmvaeBench.load("mnist", true);
        List<Integer> hidden = List.of(512, 256);
        SameDiffModel vae = Models.create(new ModelConfig("vae", "dense", data.shape(), 10, hidden, Likelihood.BERNOULLI,
                "unit", "mnist", List.of(), Map.of()), 1);
        SameDiffModel gmvae = Models.create(new ModelConfig("gmvae", "dense", data.shape(), 10, hidden,
                Likelihood.BERNOULLI, "unit", "mnist", List.of(), Map.of("clusters", 10, "wDim", 2)), 1);
        ThreadMXBean bean = ManagementFactory.getThreadMXBean();
        List<Double> v = new ArrayList<>(), g = new ArrayList<>();
        SplittableRandom rng = new SplittableRandom(1);
        FastStep fv = vae.fastStep(1e-3, 0).orElseThrow(), fg = gmvae.fastStep(1e-3, 0).orElseThrow();
        int[] it = new int[1];
        for (int r = 0; r <= rounds; r++) {
            for (int m = 0; m < 2; m++) {
                SameDiffModel model = m == 0 ? vae : gmvae;
                FastStep f = m == 0 ? fv : fg;
                long t0 = bean.getCurrentThreadCpuTime();
                for (int s = 0; s < steps; s++) {
                    float[] x = new float[128 * 784];
                    int start = (s * 128) % (data.size() - 128);
                    System.arraycopy(data.values(), start * 784, x, 0, x.length);
                    Binarization.sample(x, rng);
                    INDArray[] feats = model.trainingFeatures(Nd4j.create(x, new long[]{128, 784}, 'c'), rng, 1.0);
                    f.step(feats, it[0]++, 0);
                }
                double ms = (bean.getCurrentThreadCpuTime() - t0) / 1e6 / steps;
                if (r > 0) {   // round 0 warms up
                    (m == 0 ? v : g).add(ms);
                }
                System.out.printf("round %d %s %.2f ms CPU per step%n", r, m == 0 ? "vae" : "gmvae", ms);
            }
        }
        Collections.sort(v);
        Collections.sort(g);
        double mv = v.get(v.size() / 2), mg = g.get(g.size() / 2);
        System.out.printf("median CPU ms/step: vae %.2f gmvae %.2f ratio %.2f%n", mv, mg, mg / mv);
    }
}
