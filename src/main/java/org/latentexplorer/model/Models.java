package org.latentexplorer.model;

import org.latentexplorer.common.InputException;
import org.nd4j.autodiff.samediff.SameDiff;

/** Builds the right model class for a configuration: new, or around a graph read from a bundle. */
public final class Models {
    private Models() {
    }

    /** A new model with seeded random weights; refused before allocating when it exceeds {@link ModelLimits}. */
    public static SameDiffModel create(ModelConfig config, long seed) {
        ModelLimits.check(config);
        return switch (config.kind() + "/" + config.arch()) {
            case "vae/dense", "vae/conv" -> SameDiffVae.create(config, seed);
            case "gmvae/dense", "gmvae/conv" -> SameDiffGmvae.create(config, seed);
            case "cvae/dense" -> SameDiffCvae.create(config, seed);
            case "vaeac/conv" -> SameDiffVaeac.create(config, seed);
            case "vae/onnx" -> throw new InputException("a model imported from ONNX cannot be trained here (ONNX Runtime "
                    + "gives no gradients); train it where it was made and import it again");
            default -> throw new InputException("no " + config.arch() + " " + config.kind() + " model is available yet");
        };
    }

    static SameDiffModel fromGraph(ModelConfig config, SameDiff sd) {
        return switch (config.kind() + "/" + config.arch()) {
            case "vae/dense", "vae/conv" -> SameDiffVae.fromGraph(config, sd);
            case "gmvae/dense", "gmvae/conv" -> SameDiffGmvae.fromGraph(config, sd);
            case "cvae/dense" -> SameDiffCvae.fromGraph(config, sd);
            case "vaeac/conv" -> throw new InputException("a vaeac bundle must hold weights.bin; this one has only a graph");
            default -> throw new InputException("this version cannot open " + config.arch() + " " + config.kind()
                    + " models");
        };
    }
}
