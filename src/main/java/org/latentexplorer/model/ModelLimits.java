package org.latentexplorer.model;

import java.util.Locale;
import org.latentexplorer.common.InputException;

/**
 * How large a model this program builds or opens. A bundle's config is checked against these before
 * any array is allocated: the config alone decides how much memory the graph takes, so a small file
 * whose config says {@code hidden: [16384, ...]} must be refused here, not by the kernel's OOM killer.
 * The limits leave room for every model the project trains (the shipped ones have about 1.1 M
 * parameters) and for much larger ones:
 * <ul>
 *   <li>input: at most {@value #MAX_INPUT_VALUES} values per example (256×256×3 images);</li>
 *   <li>at most {@value #MAX_LAYERS} hidden layers (dense) or convolution stages (conv);</li>
 *   <li>dense layer widths (also a GMVAE's {@code priorHidden}, {@code yHidden}) at most
 *       {@value #MAX_WIDTH}; convolution channel counts at most {@value #MAX_CHANNELS};</li>
 *   <li>at most {@value #MAX_VALUES} values in the graph's arrays (weights and constants together;
 *       512 MiB of float32): a conv VAE on 256×256×3 images with the default channels has about
 *       101 M, a dense 784-4096-4096 VAE about 50 M.</li>
 * </ul>
 * A vaeac also has at most 6 convolution stages, and its image's height and width must halve that often
 * ({@link VaeacNet}). The latent dimension (1–1024), GMVAE clusters (2–100) and w dimension (1–64) and CVAE classes
 * (2–1000) are bounded where they are defined ({@link ModelConfig}, {@link SameDiffGmvae}, {@link SameDiffCvae}).
 */
public final class ModelLimits {
    public static final int MAX_INPUT_VALUES = 256 * 256 * 3;
    public static final int MAX_LAYERS = 16;
    public static final int MAX_WIDTH = 8192;
    public static final int MAX_CHANNELS = 1024;
    public static final long MAX_VALUES = 128L << 20;
    /** The largest ONNX graph (encoder or decoder, weights included) an imported model may bring: 1 GiB. */
    public static final long MAX_ONNX_BYTES = 1L << 30;

    private ModelLimits() {
    }

    /**
     * The weights {@code config} describes, after checking that they are within the limits; throws an
     * {@link InputException} saying which limit a config exceeds. Allocates nothing of the model's size.
     */
    static ModelShapes check(ModelConfig config) {
        checkSizes(config);
        if (ImportedVae.ARCH.equals(config.arch())) {
            return new ModelShapes(java.util.Map.of(), 0); // ONNX Runtime sizes its own graph; the files are capped
        }
        ModelShapes shapes = ModelShapes.of(config);
        long values = shapes.parameters() + shapes.constants();
        if (values > MAX_VALUES) {
            throw new InputException(String.format(Locale.ROOT, "the model would hold %,d values (%.1f GiB), more "
                    + "than the %,d this program accepts", values, values * 4.0 / (1L << 30), MAX_VALUES));
        }
        return shapes;
    }

    /** The sizes that bound {@link ModelShapes}' arithmetic: after this, no product overflows a long. */
    private static void checkSizes(ModelConfig config) {
        int dIn = config.inputShape().size();
        if (dIn > MAX_INPUT_VALUES) {
            throw new InputException("input shape " + config.inputShape() + " has " + dIn + " values per example, "
                    + "more than the " + MAX_INPUT_VALUES + " (256x256x3) this program accepts");
        }
        if (config.hidden().size() > MAX_LAYERS) {
            throw new InputException("the model has " + config.hidden().size() + " hidden layers, more than the "
                    + MAX_LAYERS + " this program accepts");
        }
        boolean conv = config.arch().equals("conv");
        int max = conv ? MAX_CHANNELS : MAX_WIDTH;
        for (int h : config.hidden()) {
            if (h > max) {
                throw new InputException((conv ? "convolution channel count " : "hidden layer size ") + h
                        + " is more than the " + max + " this program accepts");
            }
        }
        if (config.kind().equals(SameDiffVaeac.KIND)) {
            SameDiffVaeac.check(config);
        }
        if (config.kind().equals(SameDiffGmvae.KIND)) {
            for (String key : new String[]{SameDiffGmvae.PRIOR_HIDDEN, SameDiffGmvae.Y_HIDDEN}) {
                int v = config.extraInt(key, 1);
                if (v < 1 || v > MAX_WIDTH) {
                    throw new InputException(key + " must be between 1 and " + MAX_WIDTH + ", got " + v);
                }
            }
        }
    }
}
