package org.latentexplorer.inpaint.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import org.latentexplorer.common.CancelToken;
import org.latentexplorer.data.Dataset;
import org.latentexplorer.data.DatasetResolver;
import org.latentexplorer.data.Split;
import org.latentexplorer.inpaint.InpaintListener;
import org.latentexplorer.inpaint.InpaintOptions;
import org.latentexplorer.inpaint.Inpainter;
import org.latentexplorer.inpaint.Inpainting;
import org.latentexplorer.inpaint.Mask;
import org.latentexplorer.inpaint.Method;
import org.latentexplorer.inpaint.MethodSpec;
import org.latentexplorer.inpaint.ModelInpainter;
import org.latentexplorer.inpaint.VaeacInpainter;
import org.latentexplorer.model.LatentModel;
import org.latentexplorer.model.Likelihood;
import org.latentexplorer.model.ModelBundle;
import org.latentexplorer.model.ModelConfig;
import org.latentexplorer.model.Models;
import org.latentexplorer.model.SameDiffVaeac;

/**
 * Latency of one completion of one 28×28 MNIST test image (bottom half missing), as the screen would
 * ask for it after a brush stroke: each method at 200 iterations (iw: 1000 codes, its neighbours from
 * the MNIST train split), after a warm-up, median, 95th percentile and minimum over repeated runs, in
 * wall time and in the thread's CPU time (on a shared machine the CPU time is what the code costs; the
 * wall time adds the waits for a core). Also times MwG through SameDiff calls (the path the Java
 * network replaces) for comparison. With {@code -Dlatentexplorer.plainLoops=true} the network runs
 * without the Vector API.
 *
 * <p>Usage: {@code InpaintSpeed [model.lexb] [repeats]}; without a model, a freshly initialised
 * 784-512-256-20 VAE (the arithmetic is the same; only the ReLU sparsity differs). With a VAEAC bundle,
 * or {@code vaeac} for a freshly initialised one of the default size (16, 32 channels, d = 32), it times
 * the vaeac method instead: one completion at S = 8, 32 and 128, and per image when the benchmark
 * batches 16 images of S = 32 into the graph.
 */
public final class InpaintSpeed {
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private InpaintSpeed() {
    }

    public static void main(String[] args) {
        if (args.length > 0 && args[0].equals("vaeac")) {
            vaeac(Models.create(SameDiffVaeac.config(org.latentexplorer.data.ImageShape.grey(28, 28), 32, List.of(),
                    Likelihood.BERNOULLI), 1), args.length > 1 ? Integer.parseInt(args[1]) : 50);
            return;
        }
        LatentModel model = args.length > 0 && Files.exists(Path.of(args[0])) ? ModelBundle.load(Path.of(args[0])).model()
                : Models.create(ModelConfig.denseVae(org.latentexplorer.data.ImageShape.grey(28, 28), 20,
                Likelihood.BERNOULLI), 1);
        int repeats = args.length > 1 ? Integer.parseInt(args[1]) : 50;
        if (model instanceof SameDiffVaeac) {
            vaeac(model, repeats);
            return;
        }
        DatasetResolver resolver = DatasetResolver.defaults();
        Dataset test = resolver.resolve("mnist", Split.TEST);
        Dataset train = resolver.resolve("mnist", Split.TRAIN);
        float[] image = test.row(0);
        Mask mask = Mask.bottomHalf(test.shape());
        InpaintOptions opts = InpaintOptions.defaults().withIterations(200);
        System.out.println("Vector API: " + (ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent()
                && !Boolean.getBoolean("latentexplorer.plainLoops")));
        for (Method m : new Method[]{Method.MWG, Method.PSEUDO_GIBBS, Method.REPLACE, Method.OPTIMIZE, Method.IW}) {
            Inpainter in = Inpainting.create(MethodSpec.of(m), model, train);
            time(m + (m == Method.IW ? ":1000" : ""), in, image, mask, opts, repeats);
        }
        // What the screen can show first: the running mean after 20 of the 200 MwG iterations (listener).
        ModelInpainter mwg = new ModelInpainter(model, Method.MWG);
        double[] first = new double[repeats];
        for (int i = 0; i < repeats; i++) {
            long s = System.nanoTime();
            int k = i;
            mwg.complete(image, mask, opts, new SplittableRandom(200 + i), CancelToken.NONE, (it, of, cur, z) -> {
                if (it == 20) {
                    first[k] = (System.nanoTime() - s) / 1e6;
                }
            });
        }
        report("mwg first update (it. 20)", "wall", first);
        long t0 = System.nanoTime();
        new ModelInpainter(model, Method.MWG);
        System.out.printf(Locale.ROOT, "weight extraction (new ModelInpainter): %.1f ms%n", (System.nanoTime() - t0) / 1e6);
        // The SameDiff path: the same algorithm through model.encode/decode, one graph call each.
        double[] sd = new double[5];
        for (int r = 0; r < sd.length + 1; r++) {
            long s = System.nanoTime();
            Inpainting.completeThroughModelCalls(model, image, mask, Method.MWG, opts, new SplittableRandom(r));
            if (r > 0) {
                sd[r - 1] = (System.nanoTime() - s) / 1e6;
            }
        }
        report("mwg (SameDiff calls)", "wall", sd);
    }

    /** The vaeac method: one stroke's completion at several S, and the benchmark's batches of 16 images. */
    private static void vaeac(LatentModel model, int repeats) {
        Dataset test = DatasetResolver.defaults().resolve("mnist", Split.TEST);
        float[] image = test.row(0);
        Mask mask = Mask.bottomHalf(test.shape());
        InpaintOptions opts = InpaintOptions.defaults();
        System.out.println("ND4J threads (OMP_NUM_THREADS): " + System.getenv("OMP_NUM_THREADS"));
        for (int s : new int[]{8, 32, 128}) {
            time("vaeac:" + s, Inpainting.create(MethodSpec.vaeac(s), model, null), image, mask, opts, repeats);
        }
        VaeacInpainter in = (VaeacInpainter) Inpainting.create(MethodSpec.vaeac(32), model, null);
        float[][] images = new float[16][];
        SplittableRandom[] rngs = new SplittableRandom[16];
        double[] per = new double[Math.max(3, repeats / 5)];
        for (int r = -3; r < per.length; r++) {
            for (int i = 0; i < 16; i++) {
                images[i] = test.row(i);
                rngs[i] = new SplittableRandom(1000L * r + i);
            }
            long s = System.nanoTime();
            in.completeAll(images, mask, opts, rngs, CancelToken.NONE);
            if (r >= 0) {
                per[r] = (System.nanoTime() - s) / 1e6 / 16;
            }
        }
        report("vaeac:32, 16 a batch, /image", "wall", per);
    }

    private static void time(String what, Inpainter in, float[] image, Mask mask, InpaintOptions opts, int repeats) {
        for (int i = 0; i < 30; i++) {
            in.complete(image, mask, opts, new SplittableRandom(i), CancelToken.NONE, InpaintListener.NONE);
        }
        double[] wall = new double[repeats], cpu = new double[repeats];
        for (int i = 0; i < repeats; i++) {
            long c = THREADS.getCurrentThreadCpuTime();
            long s = System.nanoTime();
            in.complete(image, mask, opts, new SplittableRandom(100 + i), CancelToken.NONE, InpaintListener.NONE);
            wall[i] = (System.nanoTime() - s) / 1e6;
            cpu[i] = (THREADS.getCurrentThreadCpuTime() - c) / 1e6;
        }
        report(what, "wall", wall);
        report(what, "cpu", cpu);
    }

    private static void report(String what, String clock, double[] ms) {
        double[] s = ms.clone();
        Arrays.sort(s);
        System.out.printf(Locale.ROOT, "%-28s %-4s median %6.1f ms, p95 %6.1f ms, min %6.1f ms (n = %d)%n", what, clock,
                s[s.length / 2], s[(int) Math.min(s.length - 1, Math.ceil(s.length * 0.95) - 1)], s[0], s.length);
    }
}
