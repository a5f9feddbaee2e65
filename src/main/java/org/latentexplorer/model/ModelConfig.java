package org.latentexplorer.model;

import java.util.List;
import java.util.Map;
import org.latentexplorer.common.InputException;
import org.latentexplorer.data.ImageShape;

/**
 * Everything needed to rebuild a model's graph and to interpret its inputs and outputs. Stored as
 * JSON inside the model bundle; the one place where image shape, normalisation and label names live.
 *
 * @param kind         {@code vae}, {@code gmvae}, {@code cvae} or {@code vaeac} (always {@code conv})
 * @param arch         {@code dense}, {@code conv}, or {@code onnx} for a model imported from ONNX graphs
 * @param inputShape   shape of one input example
 * @param latentDim    dimension d of the continuous latent z
 * @param hidden       hidden layer sizes of the dense encoder (the decoder mirrors them); for
 *                     {@code conv}, the channel counts of the convolution layers
 * @param likelihood   the decoder's distribution
 * @param normalisation how raw data was mapped to model inputs; {@code unit} means pixel / 255
 * @param datasetId    the data set the model was trained on
 * @param labelNames   class names of that data set (empty when it had none)
 * @param extra        kind-specific settings (e.g. {@code clusters}, {@code wDim} for a GMVAE)
 */
public record ModelConfig(String kind, String arch, ImageShape inputShape, int latentDim, List<Integer> hidden,
                          Likelihood likelihood, String normalisation, String datasetId, List<String> labelNames,
                          Map<String, Object> extra) {

    public ModelConfig {
        if (kind == null || !List.of("vae", "gmvae", "cvae", "vaeac").contains(kind)) {
            throw new InputException("model kind must be vae, gmvae, cvae or vaeac, got " + kind);
        }
        if (arch == null || !List.of("dense", "conv", "onnx").contains(arch)) {
            throw new InputException("architecture must be dense, conv or onnx, got " + arch);
        }
        if (arch.equals("onnx") && !kind.equals("vae")) {
            throw new InputException("an imported (onnx) model is a vae, not a " + kind);
        }
        if (kind.equals("vaeac") && !arch.equals("conv")) {
            throw new InputException("a vaeac is convolutional (arch conv), not " + arch);
        }
        if (inputShape == null) {
            throw new InputException("model config has no input shape");
        }
        if (latentDim < 1 || latentDim > MAX_LATENT) {
            throw new InputException("latent dimension must be between 1 and " + MAX_LATENT + ", got " + latentDim);
        }
        hidden = List.copyOf(hidden == null ? List.of() : hidden);
        for (int h : hidden) {
            if (h < 1 || h > ModelLimits.MAX_WIDTH) {
                throw new InputException("hidden layer size must be between 1 and " + ModelLimits.MAX_WIDTH + ", got " + h);
            }
        }
        if (likelihood == null) {
            likelihood = Likelihood.BERNOULLI;
        }
        normalisation = normalisation == null ? "unit" : normalisation;
        datasetId = datasetId == null ? "" : datasetId;
        labelNames = List.copyOf(labelNames == null ? List.of() : labelNames);
        extra = Map.copyOf(extra == null ? Map.of() : extra);
    }

    /** The largest latent dimension d a model may have. */
    public static final int MAX_LATENT = 1024;

    /** Default dense architecture: encoder 784-512-256, decoder mirrored (Chen 2020, Table 4.1). */
    public static final List<Integer> DEFAULT_DENSE_HIDDEN = List.of(512, 256);
    /** The channels per stride-2 stage of a convolutional VAE or GMVAE, and of a VAEAC, when none are given. */
    public static final List<Integer> DEFAULT_CONV_CHANNELS = List.of(32, 64, 128), DEFAULT_VAEAC_CHANNELS = List.of(16, 32);

    public static ModelConfig denseVae(ImageShape shape, int latentDim, Likelihood likelihood) {
        return new ModelConfig("vae", "dense", shape, latentDim, DEFAULT_DENSE_HIDDEN, likelihood, "unit", "",
                List.of(), Map.of());
    }

    public ModelConfig withDataset(String id, List<String> labels) {
        return new ModelConfig(kind, arch, inputShape, latentDim, hidden, likelihood, normalisation, id, labels, extra);
    }

    /** An integer from {@link #extra}, or {@code fallback} when absent. */
    public int extraInt(String key, int fallback) {
        Object v = extra.get(key);
        return v instanceof Number n ? n.intValue() : fallback;
    }
}
