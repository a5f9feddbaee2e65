package org.latentexplorer.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.latentexplorer.common.InputException;
import org.latentexplorer.data.ImageShape;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.ops.impl.layers.convolution.config.Conv2DConfig;
import org.nd4j.linalg.api.ops.impl.layers.convolution.config.PaddingMode;

/**
 * The three networks of {@link SameDiffVaeac} (Ivanov et al. 2019, §4 and appendix B's image
 * architecture, made small enough to train on a CPU):
 * <ul>
 *   <li>two encoders of one layout, the prior network p(z | x_o, m) and the proposal network
 *       q(z | x, m): the image's C channels and the mask's C channels stacked (2C channels, NCHW),
 *       then one 4×4 convolution of stride 2 and "same" padding per entry of {@code hidden} (ReLU;
 *       default 16, 32: 28 → 14 → 7) and a dense layer to μ and log σ² of z;</li>
 *   <li>the decoder p(x_m | z, x_o, m): z → dense (ReLU) → a map of the deepest stage's size and
 *       channels, then per stage, deepest first, the prior network's feature map of that scale
 *       concatenated (the U-Net-like skips of §4: the decoder sees x_o and m through them), a
 *       nearest-neighbour upsampling by 2 and a 3×3 convolution (ReLU); at full size the prior
 *       network's input itself (x_o and m) is concatenated and a 3×3 convolution gives C Bernoulli
 *       logits. With a global path of width W &gt; 0 ({@link SameDiffVaeac#PATH}), the prior network's
 *       deepest feature map also goes through dense W (ReLU) → dense back to its size (ReLU), and that map
 *       is concatenated with z's at the decoder's first stage: a deterministic route from every observed
 *       pixel to every missing one that bypasses the code and the convolutions' small receptive fields
 *       (the paper's image networks reach the whole image through their depth, appendix B; this network is
 *       too shallow for that). Upsampling and a convolution instead of the paper's transposed convolutions: SameDiff's
 *       transposed convolution made training half as fast here (199 against 388 examples/s with 16, 32
 *       channels on MNIST, one core), and its validation loss after one epoch was no better.</li>
 * </ul>
 * Weight names start with {@code prior}, {@code prop} and {@code dec} (the path's {@code decPath0},
 * {@code decPath1}, present only when W &gt; 0, so bundles made before the path load unchanged). {@link #weightShapes} gives them
 * without a graph, so a bundle is checked before anything is allocated.
 */
final class VaeacNet {
    /** 16, 32: about 390 MNIST examples/s of training on one core (32, 64: about 200); docs/benchmarks-inpaint.md. */
    static final List<Integer> DEFAULT_CHANNELS = ModelConfig.DEFAULT_VAEAC_CHANNELS;
    static final String PRIOR = "prior", PROPOSAL = "prop";

    private final ImageShape shape;
    private final List<Integer> channels;
    private final int hDeep;
    private final int wDeep;
    private final int flat;
    /** Width W of the global path; 0: none. */
    private final int path;
    private Layers.Dense decDense;
    private Layers.Dense pathIn, pathOut;
    private final List<SDVariable[]> decConv = new ArrayList<>();
    private SDVariable[] outConv;

    VaeacNet(ModelConfig config) {
        this.shape = config.inputShape();
        this.channels = config.hidden().isEmpty() ? DEFAULT_CHANNELS : config.hidden();
        int scale = 1 << Math.min(channels.size(), 20);
        if (!shape.isImage() || channels.size() > 6 || shape.height() % scale != 0 || shape.width() % scale != 0) {
            throw new InputException("a vaeac halves the image once per convolution stage (" + channels.size()
                    + " stages), so it needs images whose height and width divide by " + scale + ", got " + shape);
        }
        this.hDeep = shape.height() / scale;
        this.wDeep = shape.width() / scale;
        this.flat = channels.get(channels.size() - 1) * hDeep * wDeep;
        this.path = SameDiffVaeac.path(config);
    }

    /** The names and shapes of every weight the three networks create. */
    void weightShapes(Map<String, long[]> out, int latentDim) {
        for (String net : new String[]{PRIOR, PROPOSAL}) {
            long in = 2L * shape.channels();
            for (int i = 0; i < channels.size(); i++) {
                out.put(net + "Conv" + i + "_W", new long[]{4, 4, in, channels.get(i)});
                out.put(net + "Conv" + i + "_b", new long[]{channels.get(i)});
                in = channels.get(i);
            }
            ModelShapes.dense(out, net + "Mean", flat, latentDim);
            ModelShapes.dense(out, net + "LogVar", flat, latentDim);
        }
        ModelShapes.dense(out, "dec0", latentDim, flat);
        long g = channels.get(channels.size() - 1) * (path > 0 ? 2L : 1L);
        for (int i = channels.size() - 1; i >= 0; i--) {
            long o = channels.get(Math.max(0, i - 1));
            out.put("decConv" + i + "_W", new long[]{3, 3, g + channels.get(i), o});
            out.put("decConv" + i + "_b", new long[]{o});
            g = o;
        }
        out.put("decOut_W", new long[]{3, 3, g + 2L * shape.channels(), shape.channels()});
        out.put("decOut_b", new long[]{shape.channels()});
        if (path > 0) {
            ModelShapes.dense(out, "decPath0", flat, path);
            ModelShapes.dense(out, "decPath1", path, flat);
        }
    }

    /** One encoder's outputs: μ and log σ² of z, and its feature maps, input first, then one per stage. */
    record Encoded(SDVariable mean, SDVariable logVar, List<SDVariable> features) {
    }

    /**
     * An encoder over {@code image} and {@code mask} (n × D each, flattened channel-major), creating its
     * weights under {@code net}; μ and log σ² of a {@code d}-dimensional z are named {@code net + "Mean"}, {@code net + "LogVar"}.
     */
    Encoded encode(SameDiff sd, Layers layers, String net, SDVariable image, SDVariable mask, int d) {
        SDVariable h = sd.concat(1, nchw(image), nchw(mask));
        List<SDVariable> features = new ArrayList<>(List.of(h));
        int in = 2 * shape.channels();
        for (int i = 0; i < channels.size(); i++) {
            int out = channels.get(i);
            SDVariable w = layers.weights(net + "Conv" + i + "_W", new long[]{4, 4, in, out}, 16L * in);
            SDVariable b = layers.weights(net + "Conv" + i + "_b", new long[]{out}, 16L * in);
            h = sd.nn.relu(sd.cnn.conv2d(h, w, b, conv(4, 2)), 0);
            features.add(h);
            in = out;
        }
        SDVariable f = h.reshape(-1, flat);
        return new Encoded(layers.dense(net + "Mean", f, flat, d),
                layers.dense(net + "LogVar", f, flat, d), features);
    }

    /** Creates the decoder's weights for codes of {@code d} dimensions. */
    void buildDecoder(Layers layers, int d) {
        decDense = layers.denseWeights("dec0", d, flat);
        int g = channels.get(channels.size() - 1) * (path > 0 ? 2 : 1);
        for (int i = channels.size() - 1; i >= 0; i--) {
            int o = channels.get(Math.max(0, i - 1));
            int in = g + channels.get(i);
            decConv.add(new SDVariable[]{layers.weights("decConv" + i + "_W", new long[]{3, 3, in, o}, 9L * in),
                    layers.weights("decConv" + i + "_b", new long[]{o}, 9L * in)});
            g = o;
        }
        int in = g + 2 * shape.channels();
        outConv = new SDVariable[]{layers.weights("decOut_W", new long[]{3, 3, in, shape.channels()}, 9L * in),
                layers.weights("decOut_b", new long[]{shape.channels()}, 9L * in)};
        if (path > 0) { // last, so that the other weights start as they would without the path
            pathIn = layers.denseWeights("decPath0", flat, path);
            pathOut = layers.denseWeights("decPath1", path, flat);
        }
    }

    /** Decoder logits (n × D, named {@code outName}) of codes {@code z} with the prior network's {@code skips}. */
    SDVariable decode(SameDiff sd, SDVariable z, List<SDVariable> skips, String outName) {
        int deepest = channels.get(channels.size() - 1);
        SDVariable g = sd.nn.relu(z.mmul(decDense.w()).add(decDense.b()), 0).reshape(-1, deepest, hDeep, wDeep);
        if (path > 0) {
            SDVariable f = skips.get(channels.size()).reshape(-1, flat);
            SDVariable h = sd.nn.relu(f.mmul(pathIn.w()).add(pathIn.b()), 0);
            g = sd.concat(1, g, sd.nn.relu(h.mmul(pathOut.w()).add(pathOut.b()), 0).reshape(-1, deepest, hDeep, wDeep));
        }
        for (int k = 0; k < decConv.size(); k++) {
            int stage = channels.size() - 1 - k;
            SDVariable[] wb = decConv.get(k);
            SDVariable in = sd.concat(1, g, skips.get(stage + 1));
            g = sd.nn.relu(sd.cnn.conv2d(sd.cnn.upsampling2d(in, 2, 2, true), wb[0], wb[1], conv(3, 1)), 0);
        }
        SDVariable logits = sd.cnn.conv2d(sd.concat(1, g, skips.get(0)), outConv[0], outConv[1], conv(3, 1));
        return sd.reshape(outName, logits, -1, shape.size());
    }

    private SDVariable nchw(SDVariable flatRows) {
        return flatRows.reshape(-1, shape.channels(), shape.height(), shape.width());
    }

    private static Conv2DConfig conv(int k, int stride) {
        return Conv2DConfig.builder().kH(k).kW(k).sH(stride).sW(stride).paddingMode(PaddingMode.SAME)
                .dataFormat("NCHW").build();
    }

}
