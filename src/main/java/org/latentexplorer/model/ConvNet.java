package org.latentexplorer.model;

import java.util.ArrayList;
import java.util.List;
import org.latentexplorer.common.InputException;
import org.latentexplorer.data.ImageShape;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.ops.impl.layers.convolution.config.Conv2DConfig;
import org.nd4j.linalg.api.ops.impl.layers.convolution.config.DeConv2DConfig;
import org.nd4j.linalg.api.ops.impl.layers.convolution.config.PaddingMode;

/**
 * The convolutional encoder and decoder of the conv VAE, after Sánchez Martín 2018 (§6.1; his
 * code's ConvNet3 / DeconvNet3): the encoder is 4×4 convolutions of stride 2 with "same" padding
 * (28 → 14 → 7 → 4; channel counts from {@code hidden}, default 32, 64, 128) and a dense layer of
 * {@value #DENSE} units; the decoder is a dense layer, a dense projection to a (H/4)×(W/4) map of
 * 64 channels, two stride-2 4×4 transposed convolutions (64 then 32 channels: the encoder's first two
 * stages, mirrored) and a stride-1 4×4 transposed convolution to the image's channels. The same
 * layout serves 32×32×3 images (CIFAR-10). Images are NCHW, flattened channel-major as everywhere
 * else.
 */
final class ConvNet {
    static final int DENSE = 256;
    static final List<Integer> DEFAULT_CHANNELS = ModelConfig.DEFAULT_CONV_CHANNELS;

    private final SameDiff sd;
    private final ImageShape shape;
    private final List<Integer> channels;
    /** Decoder channels after the projection: the encoder's first two stages, deepest first. */
    private final int[] decChannels;
    private final int flat;
    private final int h0;
    private final int w0;
    private final List<SDVariable[]> decConv = new ArrayList<>();
    private Layers.Dense decDense;
    private Layers.Dense decProject;

    ConvNet(SameDiff sd, ModelConfig config) {
        this.sd = sd;
        this.shape = config.inputShape();
        this.channels = config.hidden().isEmpty() ? DEFAULT_CHANNELS : config.hidden();
        if (channels.size() < 2) {
            throw new InputException("a conv model needs at least 2 convolution stages (channel counts), got " + channels);
        }
        if (!shape.isImage() || shape.height() % 4 != 0 || shape.width() % 4 != 0) {
            throw new InputException("a conv model upsamples twice by 2, so it needs images whose height and width "
                    + "divide by 4, got " + shape);
        }
        int h = shape.height(), w = shape.width();
        for (int i = 0; i < channels.size(); i++) { // "same" padding, stride 2: ⌈n/2⌉
            h = (h + 1) / 2;
            w = (w + 1) / 2;
        }
        this.flat = channels.get(channels.size() - 1) * h * w;
        this.decChannels = new int[]{channels.get(1), channels.get(0)};
        this.h0 = shape.height() / 4;
        this.w0 = shape.width() / 4;
    }

    /**
     * The names and shapes of the weights {@link #encode} and {@link #buildDecoder} create, without creating
     * them: a bundle's weights are checked against these before any array is allocated.
     */
    void weightShapes(java.util.Map<String, long[]> out, int latentDim) {
        long in = shape.channels();
        for (int i = 0; i < channels.size(); i++) {
            out.put("encConv" + i + "_W", new long[]{4, 4, in, channels.get(i)});
            out.put("encConv" + i + "_b", new long[]{channels.get(i)});
            in = channels.get(i);
        }
        ModelShapes.dense(out, "enc0", flat, DENSE);
        ModelShapes.dense(out, "dec0", latentDim, DENSE);
        ModelShapes.dense(out, "dec1", DENSE, (long) decChannels[0] * h0 * w0);
        long[] outs = {decChannels[0], decChannels[1], shape.channels()};
        in = decChannels[0];
        for (int i = 0; i < outs.length; i++) {
            out.put("decConv" + i + "_W", new long[]{4, 4, outs[i], in});
            out.put("decConv" + i + "_b", new long[]{outs[i]});
            in = outs[i];
        }
    }

    private static Conv2DConfig conv() {
        return Conv2DConfig.builder().kH(4).kW(4).sH(2).sW(2).paddingMode(PaddingMode.SAME).dataFormat("NCHW").build();
    }

    private static DeConv2DConfig deconv(int stride) {
        return DeConv2DConfig.builder().kH(4).kW(4).sH(stride).sW(stride).isSameMode(true).dataFormat("NCHW").build();
    }

    /** Encoder features (n × {@value #DENSE}) of flattened images x. */
    SDVariable encode(Layers layers, SDVariable x) {
        SDVariable h = x.reshape(-1, shape.channels(), shape.height(), shape.width());
        int in = shape.channels();
        for (int i = 0; i < channels.size(); i++) {
            int out = channels.get(i);
            SDVariable w = layers.weights("encConv" + i + "_W", new long[]{4, 4, in, out}, 16L * in);
            SDVariable b = layers.weights("encConv" + i + "_b", new long[]{out}, 16L * in);
            h = sd.nn.relu(sd.cnn.conv2d(h, w, b, conv()), 0);
            in = out;
        }
        return layers.reluDense("enc0", h.reshape(-1, flat), flat, DENSE);
    }

    /** Creates the decoder's weights; {@link #decode} then applies them to any code variable. */
    void buildDecoder(Layers layers, int latentDim) {
        decDense = layers.denseWeights("dec0", latentDim, DENSE);
        decProject = layers.denseWeights("dec1", DENSE, decChannels[0] * h0 * w0);
        int[] outs = {decChannels[0], decChannels[1], shape.channels()};
        int in = decChannels[0];
        for (int i = 0; i < outs.length; i++) {
            // Transposed-convolution weights are [kH, kW, out, in] in ND4J.
            SDVariable w = layers.weights("decConv" + i + "_W", new long[]{4, 4, outs[i], in}, 16L * in);
            SDVariable b = layers.weights("decConv" + i + "_b", new long[]{outs[i]}, 16L * in);
            decConv.add(new SDVariable[]{w, b});
            in = outs[i];
        }
    }

    /** Decoder logits, flattened (n × D), named {@code outName}. */
    SDVariable decode(SDVariable z, String outName) {
        SDVariable h = sd.nn.relu(z.mmul(decDense.w()).add(decDense.b()), 0);
        h = sd.nn.relu(h.mmul(decProject.w()).add(decProject.b()), 0).reshape(-1, decChannels[0], h0, w0);
        for (int i = 0; i < decConv.size(); i++) {
            SDVariable[] wb = decConv.get(i);
            boolean last = i == decConv.size() - 1;
            h = sd.cnn.deconv2d(h, wb[0], wb[1], deconv(last ? 1 : 2));
            if (!last) {
                h = sd.nn.relu(h, 0);
            }
        }
        return sd.reshape(outName, h, -1, shape.size());
    }
}
