package org.latentexplorer.ui.shell;

import org.latentexplorer.data.Dataset;
import org.latentexplorer.ui.services.ModelHandle;

/**
 * What the screens show: an open model, a data set that fits it, and the posterior means of that data
 * set under the model (row i is the code of example i). Swapped as a whole, so a screen never sees a
 * model with another model's codes.
 */
public record Workspace(ModelHandle model, Dataset dataset, float[][] codes) {
}
