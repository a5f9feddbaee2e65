package org.latentexplorer.ui.services;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.latentexplorer.common.CancelToken;
import org.latentexplorer.common.InputException;
import org.latentexplorer.data.Dataset;
import org.latentexplorer.train.TrainingListener;

/** The screens' services over the real core classes. */
public final class DefaultCoreServices implements CoreServices {
    /** The shipped model the window opens on; relative to the working folder (the README runs from the repo). */
    public static final Path DEFAULT_MODEL = Path.of("models", "mnist-d2.lexb");

    @Override
    public ModelHandle openModel(Path path) {
        throw new InputException(path + ": model bundles cannot be read by this build yet");
    }

    @Override
    public Dataset loadDataset(String nameOrPath, String split) {
        throw new InputException(nameOrPath + ": data sets cannot be read by this build yet");
    }

    @Override
    public Optional<Path> defaultModel() {
        return Files.isRegularFile(DEFAULT_MODEL) ? Optional.of(DEFAULT_MODEL) : Optional.empty();
    }

    @Override
    public ModelHandle train(TrainRequest request, TrainingListener listener, CancelToken cancel) {
        throw new InputException("training is not available in this build yet");
    }

    @Override
    public List<String> projectionMethods() {
        return List.of(ProjectionSpec.PCA);
    }

    @Override
    public Projection project(float[][] codes, ProjectionSpec spec, ProjectionListener listener, CancelToken cancel) {
        if (!ProjectionSpec.PCA.equals(spec.method())) {
            throw new InputException(spec.method() + " is not available in this build");
        }
        return Pca.project(codes);
    }
}
