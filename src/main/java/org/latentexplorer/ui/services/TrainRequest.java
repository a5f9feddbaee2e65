package org.latentexplorer.ui.services;

import java.nio.file.Path;
import org.latentexplorer.train.TrainConfig;
import org.latentexplorer.train.TrainOptions;

/**
 * Everything the training dialog collects: what to train, on what, how, and where the result goes.
 *
 * @param options the options, as {@code latent-explorer train} takes them
 * @param output  the model bundle to write
 * @param command the equivalent command line, stored in the bundle's history
 */
public record TrainRequest(TrainOptions options, Path output, String command) {
    public TrainRequest(TrainOptions options, Path output) {
        this(options, output, options.commandLine(output));
    }

    /** The optimiser's settings. */
    public TrainConfig train() {
        return options.train();
    }

    /** The data set's name or path. */
    public String dataset() {
        return options.data().dataset();
    }
}
