package org.latentexplorer.model;

import java.util.ArrayList;
import java.util.List;
import org.latentexplorer.common.InputException;
import org.latentexplorer.data.ImageShape;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.ops.impl.layers.convolution.config.Conv2DConfig;
import org.nd4j.linalg.api.ops.impl.layers.convolution.config.DeConv2DConfig;

/**
 * The convolutional encoder and decoder of the conv VAE, in the DCGAN-like layout common to the
 * theses' conv models (Sánchez Martín 2018, §6.1 conv architecture for 28×28; Chen 2020, Table 4.2 for
 * 32×32×3): stride-2 4×4 convolutions that halve the image per stage (channel counts from
 * {@code hidden}, default 32, 64), a dense layer of {@value #DENSE} units, and the mirror image with
 * transposed convolutions. Images are NCHW, flattened channel-major as everywhere else.
 */
final class ConvNet {
    static final int DENSE = 256;
    static final List<Integer> DEFAULT_CHANNELS = List.of(32, 64);

    private final SameDiff sd;
    private final ImageShape shape;
    private final List<Integer> channels;
    private final int h0;
    private final int w0;
    private final List<SDVariable[]> decConv = new ArrayList<>();
    private Layers.Dense decDense;
    private Layers.Dense decProject;

    ConvNet(SameDiff sd, ModelConfig config) {
        this.sd = sd;
        this.shape = config.inputShape();
        this.channels = config.hidden().isEmpty() ? DEFAULT_CHANNELS : config.hidden();
        int f = 1 << channels.size();
        if (!shape.isImage() || shape.height() % f != 0 || shape.width() % f != 0) {
            throw new InputException("a conv model with " + channels.size() + " stride-2 stages needs images whose "
                    + "height and width divide by " + f + ", got " + shape);
        }
        this.h0 = shape.height() / f;
        this.w0 = shape.width() / f;
    }

    private static Conv2DConfig conv() {
        return Conv2DConfig.builder().kH(4).kW(4).sH(2).sW(2).pH(1).pW(1).dataFormat("NCHW").build();
    }

    private static DeConv2DConfig deconv() {
        return DeConv2DConfig.builder().kH(4).kW(4).sH(2).sW(2).pH(1).pW(1).dataFormat("NCHW").build();
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
        int flat = in * h0 * w0;
        return layers.reluDense("enc0", h.reshape(-1, flat), flat, DENSE);
    }

    /** Creates the decoder's weights; {@link #decode} then applies them to any code variable. */
    void buildDecoder(Layers layers, int latentDim) {
        int top = channels.get(channels.size() - 1);
        decDense = layers.denseWeights("dec0", latentDim, DENSE);
        decProject = layers.denseWeights("dec1", DENSE, top * h0 * w0);
        int in = top;
        for (int i = channels.size() - 1; i >= 0; i--) {
            int out = i == 0 ? shape.channels() : channels.get(i - 1);
            // Transposed-convolution weights are [kH, kW, out, in] in ND4J.
            SDVariable w = layers.weights("decConv" + i + "_W", new long[]{4, 4, out, in}, 16L * in);
            SDVariable b = layers.weights("decConv" + i + "_b", new long[]{out}, 16L * in);
            decConv.add(new SDVariable[]{w, b});
            in = out;
        }
    }

    /** Decoder logits, flattened (n × D), named {@code outName}. */
    SDVariable decode(SDVariable z, String outName) {
        int top = channels.get(channels.size() - 1);
        SDVariable h = sd.nn.relu(z.mmul(decDense.w()).add(decDense.b()), 0);
        h = sd.nn.relu(h.mmul(decProject.w()).add(decProject.b()), 0).reshape(-1, top, h0, w0);
        for (int i = 0; i < decConv.size(); i++) {
            SDVariable[] wb = decConv.get(i);
            h = sd.cnn.deconv2d(h, wb[0], wb[1], deconv());
            if (i < decConv.size() - 1) {
                h = sd.nn.relu(h, 0);
            }
        }
        return sd.reshape(outName, h, -1, shape.size());
    }
}
