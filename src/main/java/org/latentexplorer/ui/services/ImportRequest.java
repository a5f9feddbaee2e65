package org.latentexplorer.ui.services;

import org.latentexplorer.model.ModelImporter;

/**
 * Everything the import dialog collects: the pair and how to read it, and the names the user gave for
 * its class labels and the data set it is tried on (resolved by the services, as the command line does).
 *
 * @param pair    the files and their reading; its data set id and class names are filled in from the two below
 * @param labels  a known data set's name or a file of class names, or blank
 * @param dataset the data set to try the model on and explore it with, or blank for the labels' data set,
 *                else the known data set of the pair's image shape
 * @param command the equivalent {@code import-model} command line, stored in the bundle
 */
public record ImportRequest(ModelImporter.Request pair, String labels, String dataset, String command) {
    public ImportRequest {
        labels = labels == null ? "" : labels.strip();
        dataset = dataset == null ? "" : dataset.strip();
        command = command == null ? "" : command;
    }
}
