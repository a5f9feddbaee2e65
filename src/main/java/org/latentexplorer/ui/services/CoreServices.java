package org.latentexplorer.ui.services;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.latentexplorer.common.CancelToken;
import org.latentexplorer.data.Dataset;
import org.latentexplorer.inpaint.Inpainter;
import org.latentexplorer.inpaint.MethodSpec;
import org.latentexplorer.sample.ClusterModel;
import org.latentexplorer.train.TrainingListener;

/**
 * The seam between the screens and the core: what the ViewModels ask of model bundles, data sets,
 * training and embeddings. Calls block and run on worker threads (through the task executor); bad
 * user input fails with {@link org.latentexplorer.common.InputException} and a message naming the file.
 */
public interface CoreServices {

    /** Opens a model bundle. */
    ModelHandle openModel(Path path);

    /**
     * The config of the bundle at {@code path} without opening the model (its graph and weights stay
     * unread), for lists of candidate models; fails with an {@link org.latentexplorer.common.InputException}
     * naming the file as {@link #openModel} does. This default opens and closes the model.
     */
    default org.latentexplorer.model.ModelConfig modelConfig(Path path) {
        try (ModelHandle h = openModel(path)) {
            return h.config();
        }
    }

    /** The posterior means of {@code data} under {@code model} kept from an earlier run, if any. */
    default Optional<float[][]> storedCodes(ModelHandle model, Dataset data) {
        return Optional.empty();
    }

    /** Keeps the posterior means of {@code data} under {@code model} for the next run (best effort). */
    default void storeCodes(ModelHandle model, Dataset data, float[][] codes) {
    }

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

    /** The folder new models (trained or imported) are saved in by default: {@link ModelsFolder#userDefault()}. */
    default Path modelsFolder() {
        return ModelsFolder.userDefault();
    }

    // ---- Importing a model from ONNX (Library → Import model…) ----------------------------------

    /**
     * Whether {@link #loadDataset} can find {@code nameOrPath} without reading it: a known data set's
     * name or an existing file or folder (the real services also know the user's imported data sets).
     * Cheap enough to ask as the user types.
     */
    default boolean knowsDataset(String nameOrPath) {
        if (org.latentexplorer.data.DatasetCatalog.find(nameOrPath).isPresent()) {
            return true;
        }
        try {
            return java.nio.file.Files.exists(Path.of(nameOrPath));
        } catch (java.nio.file.InvalidPathException e) {
            return false;
        }
    }

    /**
     * Reads and wires an exported encoder/decoder pair, reads the first test images of its data set and
     * runs both graphs on them (the core's {@code ModelImporter.prepare} and {@code check}); nothing is
     * written. A pair that does not fit fails with the core's message naming the file.
     */
    default ImportPreview previewImport(ImportRequest request, org.latentexplorer.ui.tasks.Work.Progress progress,
                                        CancelToken cancel) {
        throw new org.latentexplorer.common.InputException("importing models is not available here");
    }

    /**
     * Writes a previewed import as a model bundle at {@code out} (an older file there is kept as
     * {@code NAME.previous.lexb}); the preview's model stays open and the caller's to close.
     */
    default void saveImport(ImportPreview preview, Path out) {
        throw new org.latentexplorer.common.InputException("importing models is not available here");
    }

    // ---- Inpainting (the Inpaint screen) -------------------------------------------------------

    /** The completion methods the Inpaint screen offers, in {@link MethodSpec#parse} form. */
    default List<String> inpaintMethods() {
        return List.of("pseudo-gibbs", "mwg", "iw", "replace", "optimize", "knn:10");
    }

    /**
     * The methods offered for a model of {@code config}: for a VAEAC its own {@code vaeac} first (the
     * method it was trained for), then {@link #inpaintMethods()}; for any other model only those.
     */
    default List<String> inpaintMethods(org.latentexplorer.model.ModelConfig config) {
        if (config == null || !org.latentexplorer.model.SameDiffVaeac.KIND.equals(config.kind())) {
            return inpaintMethods();
        }
        List<String> all = new java.util.ArrayList<>(List.of(MethodSpec.of(org.latentexplorer.inpaint.Method.VAEAC)
                .toString()));
        all.addAll(inpaintMethods());
        return List.copyOf(all);
    }

    /**
     * An inpainter for {@code method} over {@code model} (K-NN takes its neighbours from
     * {@code reference}). Made once per model and method; its {@code complete} may run on a worker
     * thread while other jobs use the model.
     */
    Inpainter inpainter(ModelHandle model, MethodSpec method, Dataset reference);

    // ---- end Inpainting ------------------------------------------------------------------------
    // ---- Clusters screen (issue 6) -------------------------------------------------------------------
    // The returned ClusterModel calls the model without the handle's lock: callers hold
    // synchronized (model) around its calls, the lock ModelHandle's own methods take.

    /** The model's own clusters (GMVAE components, CVAE classes), or empty for a model without a discrete latent. */
    default java.util.Optional<ClusterModel> clusters(ModelHandle model) {
        return java.util.Optional.empty();
    }

    /** A mixture with {@code k} components fitted by {@code method} to the codes of {@code x} under {@code model}. */
    default ClusterModel fitClusters(ModelHandle model, float[][] x, int k,
                                     org.latentexplorer.sample.FittedMixture.Method method, long seed) {
        throw new org.latentexplorer.common.InputException("fitting clusters to codes is not available here");
    }

    /** How a plain VAE's clusters were fitted and named, as saved with its bundle (annotation {@code fittedClusters}). */
    default Optional<FittedClusters> fittedClusters(ModelHandle model) {
        return Optional.empty();
    }

    /** Saves how the clusters were fitted and their names into the bundle, and rewrites it (atomically). */
    default void saveFittedClusters(ModelHandle model, FittedClusters fitted) {
        throw new org.latentexplorer.common.InputException("saving fitted clusters is not available here");
    }

    /** Cluster names saved with the model's bundle (annotation {@code clusterNames}), by cluster index. */
    default Map<Integer, String> clusterNames(ModelHandle model) {
        return Map.of();
    }

    /** Saves cluster names into the bundle's annotations and rewrites the bundle file (atomically). */
    default void saveClusterNames(ModelHandle model, Map<Integer, String> names) {
        throw new org.latentexplorer.common.InputException("saving cluster names is not available here");
    }
    // ---- end of Clusters screen block ------------------------------------------------------------------

    // ---- Model screen (evaluation) ------------------------------------------------------------------
    /** Evaluates {@code model} on {@code data} (ELBO, IW log-likelihood, errors, active units, clusters). */
    default org.latentexplorer.eval.Evaluation evaluate(ModelHandle model, Dataset data,
                                                       org.latentexplorer.eval.Evaluator.Options options,
                                                       java.util.function.DoubleConsumer progress, CancelToken cancel) {
        throw new org.latentexplorer.common.InputException("evaluation is not available here");
    }

    /** Stores {@code evaluation} in the bundle under {@code key} and rewrites the bundle file (atomically). */
    default void saveEvaluation(ModelHandle model, String key, org.latentexplorer.eval.Evaluation evaluation) {
        throw new org.latentexplorer.common.InputException("saving an evaluation is not available here");
    }
    // ---- end of Model screen block ------------------------------------------------------------------
}
