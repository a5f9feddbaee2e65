package org.latentexplorer.ui.services;

import org.latentexplorer.data.ImageShape;

/**
 * An imported pair that ran on a few test images and is not saved yet: the open model (the caller
 * saves it with {@link CoreServices#saveImport} or closes it), the images, their reconstructions and a
 * few prior draws as plain arrays of values in [0, 1].
 *
 * @param datasetId the data set the images came from, which the saved model is explored on
 * @param summary   one line for the user: code size, likelihood, decoder output, reconstruction error
 */
public record ImportPreview(ModelHandle model, String datasetId, ImageShape shape, float[][] inputs,
                            float[][] reconstructions, float[][] samples, String summary, String command) {
}
