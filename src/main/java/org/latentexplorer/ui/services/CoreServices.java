package org.latentexplorer.ui.services;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.latentexplorer.common.CancelToken;
import org.latentexplorer.data.Dataset;
import org.latentexplorer.inpaint.Inpainter;
import org.latentexplorer.inpaint.MethodSpec;
import org.latentexplorer.train.TrainingListener;

/**
 * The seam between the screens and the core: what the ViewModels ask of model bundles, data sets,
 * training and embeddings. Calls block and run on worker threads (through the task executor); bad
 * user input fails with {@link org.latentexplorer.common.InputException} and a message naming the file.
 */
public interface CoreServices {

    /** Opens a model bundle. */
    ModelHandle openModel(Path path);

    /** Resolves a registered data set name ({@code mnist}) or a file/folder path and reads a split of it. */
    Dataset loadDataset(String nameOrPath, String split);

    /** The model the window opens on when there is nothing to restore: a shipped MNIST model. */
    Optional<Path> defaultModel();

    /** The data set and split the map shows for a model that was trained on {@code datasetId}. */
    default String defaultSplit() {
        return "test";
    }

    /** Trains a model, writes it to {@code request.output()} and opens it. */
    ModelHandle train(TrainRequest request, TrainingListener listener, CancelToken cancel);

    /** Projection methods that can run here, PCA first. */
    List<String> projectionMethods();

    /** Projects latent codes to 2-D. */
    Projection project(float[][] codes, ProjectionSpec spec, ProjectionListener listener, CancelToken cancel);

    // ---- Inpainting (the Inpaint screen) -------------------------------------------------------

    /** The completion methods the Inpaint screen offers, in {@link MethodSpec#parse} form. */
    default List<String> inpaintMethods() {
        return List.of("pseudo-gibbs", "mwg", "replace", "optimize", "knn:10");
    }

    /**
     * An inpainter for {@code method} over {@code model} (K-NN takes its neighbours from
     * {@code reference}). Made once per model and method; its {@code complete} may run on a worker
     * thread while other jobs use the model.
     */
    Inpainter inpainter(ModelHandle model, MethodSpec method, Dataset reference);

    // ---- end Inpainting ------------------------------------------------------------------------
}
