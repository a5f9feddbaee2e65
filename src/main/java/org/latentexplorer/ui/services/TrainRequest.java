package org.latentexplorer.ui.services;

import java.nio.file.Path;
import org.latentexplorer.model.ModelConfig;
import org.latentexplorer.train.TrainConfig;

/**
 * Everything the training dialog collects: what to train, on what, how, and where the result goes.
 *
 * @param command the equivalent command line, stored in the bundle's history
 */
public record TrainRequest(ModelConfig model, String dataset, String split, TrainConfig train, Path output,
                           String command) {
}
