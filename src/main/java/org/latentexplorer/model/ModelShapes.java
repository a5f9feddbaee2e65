package org.latentexplorer.model;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The weights a config describes, by name and shape, worked out without building the graph: a bundle's
 * {@code weights.bin} is checked against them, and their total against {@link ModelLimits}, before
 * anything is allocated. It mirrors what {@code SameDiffVae.create}, {@code SameDiffGmvae.create},
 * {@code SameDiffCvae.create}, {@link ConvNet} and {@link VaeacNet} make; {@code ModelShapesTest} builds every kind and
 * holds the two in step.
 *
 * @param weights   trainable arrays by name, in no particular order
 * @param constants values the graph holds besides its weights (the GMVAE prior's tiling matrices)
 */
record ModelShapes(Map<String, long[]> weights, long constants) {

    /** Call only on a config that passed {@link ModelLimits#checkSizes}: sizes are trusted to be small. */
    static ModelShapes of(ModelConfig config) {
        Map<String, long[]> w = new LinkedHashMap<>();
        long dIn = config.inputShape().size();
        long d = config.latentDim();
        List<Integer> hidden = config.hidden();
        // No conv CVAE exists: Models.create refuses it by name after the limits pass.
        if (config.kind().equals(SameDiffVaeac.KIND)) {
            new VaeacNet(config).weightShapes(w, config.latentDim());
            return new ModelShapes(w, 0);
        }
        boolean conv = config.arch().equals("conv") && !config.kind().equals(SameDiffCvae.KIND);
        ConvNet convNet = conv ? new ConvNet(null, config) : null;
        long constants = 0;
        switch (config.kind()) {
            case "gmvae" -> {
                long k = SameDiffGmvae.clusters(config);
                long wDim = SameDiffGmvae.wDim(config);
                long ph = config.extraInt(SameDiffGmvae.PRIOR_HIDDEN, SameDiffGmvae.DEFAULT_PRIOR_HIDDEN);
                long yh = config.extraInt(SameDiffGmvae.Y_HIDDEN, SameDiffGmvae.DEFAULT_Y_HIDDEN);
                long top = conv ? ConvNet.DENSE : encoder(w, hidden, dIn);
                dense(w, SameDiffGmvae.W_MEAN, top, wDim);
                dense(w, SameDiffGmvae.W_LOG_VAR, top, wDim);
                dense(w, SameDiffVae.Z_MEAN, top, d);
                dense(w, SameDiffVae.Z_LOG_VAR, top, d);
                dense(w, "prior0", wDim, ph);
                dense(w, "priorMean", ph, k * d);
                dense(w, "priorVar", ph, k * d);
                dense(w, "qy0", wDim + d, yh);
                dense(w, "qy1", yh, k);
                if (!conv) {
                    decoder(w, hidden, d, dIn);
                }
                constants = d * k * d + k * d * k; // SameDiffGmvaePrior's priorTile and priorSum
            }
            case "cvae" -> {
                long nc = SameDiffCvae.classes(config);
                boolean learned = SameDiffCvae.learned(config);
                long top = encoder(w, hidden, dIn + nc);
                dense(w, SameDiffVae.Z_MEAN, top, d);
                dense(w, SameDiffVae.Z_LOG_VAR, top, d);
                decoder(w, hidden, d + (learned ? 0 : nc), dIn);
                if (learned) {
                    w.put(SameDiffCvae.CLASS_MEAN, new long[]{nc, d});
                    w.put(SameDiffCvae.CLASS_LOG_VAR, new long[]{nc, d});
                }
            }
            default -> {
                long top = conv ? ConvNet.DENSE : encoder(w, hidden, dIn);
                dense(w, SameDiffVae.Z_MEAN, top, d);
                dense(w, SameDiffVae.Z_LOG_VAR, top, d);
                if (!conv) {
                    decoder(w, hidden, d, dIn);
                }
            }
        }
        if (conv) {
            convNet.weightShapes(w, (int) d);
        }
        return new ModelShapes(w, constants);
    }

    /** Number of trainable values. */
    long parameters() {
        long n = 0;
        for (long[] s : weights.values()) {
            n += count(s);
        }
        return n;
    }

    static long count(long[] shape) {
        long n = 1;
        for (long s : shape) {
            n *= s;
        }
        return n;
    }

    /** The shapes {@code Layers.denseWeights(name, nIn, nOut)} makes. */
    static void dense(Map<String, long[]> out, String name, long nIn, long nOut) {
        out.put(name + "_W", new long[]{nIn, nOut});
        out.put(name + "_b", new long[]{1, nOut});
    }

    private static long encoder(Map<String, long[]> out, List<Integer> hidden, long in) {
        long prev = in;
        for (int i = 0; i < hidden.size(); i++) {
            dense(out, "enc" + i, prev, hidden.get(i));
            prev = hidden.get(i);
        }
        return prev;
    }

    private static void decoder(Map<String, long[]> out, List<Integer> hidden, long in, long dIn) {
        long prev = in;
        for (int i = hidden.size() - 1; i >= 0; i--) {
            dense(out, "dec" + (hidden.size() - 1 - i), prev, hidden.get(i));
            prev = hidden.get(i);
        }
        dense(out, "decOut", prev, dIn);
    }
}
