package org.latentexplorer.ui.services;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import org.latentexplorer.common.CancelToken;
import org.latentexplorer.common.InputException;
import org.latentexplorer.data.Dataset;
import org.latentexplorer.data.DatasetCatalog;
import org.latentexplorer.data.DatasetResolver;
import org.latentexplorer.data.Split;
import org.latentexplorer.model.ModelBundle;
import org.latentexplorer.model.ModelConfig;
import org.latentexplorer.model.Models;
import org.latentexplorer.model.SameDiffModel;
import org.latentexplorer.model.TrainingHistory;
import org.latentexplorer.train.Trainer;
import org.latentexplorer.train.TrainingListener;

/** The screens' services over the real core classes. */
public final class DefaultCoreServices implements CoreServices {
    /** The shipped model the window opens on, under the install folder the launcher names (else the working folder). */
    public static final Path DEFAULT_MODEL = Path.of(System.getProperty("latentexplorer.home", "."), "models", "mnist-d2.lexb");
    private final Path defaultModel;
    private DatasetResolver resolver;

    public DefaultCoreServices() {
        this(DEFAULT_MODEL);
    }

    /** Services whose default model is {@code defaultModel} (benchmarks and tests point it elsewhere). */
    public DefaultCoreServices(Path defaultModel) {
        this.defaultModel = defaultModel;
    }

    @Override
    public ModelHandle openModel(Path path) {
        ModelBundle bundle = ModelBundle.load(path);
        return new ModelHandle(path, bundle.model(), bundle.history(), bundle.evaluation(), bundle);
    }

    /** The split name the map asks for: everything that is on this machine, never a download. */
    public static final String VIEW = "view";

    @Override
    public String defaultSplit() {
        return VIEW;
    }

    @Override
    public Dataset loadDataset(String nameOrPath, String split) {
        return resolver().resolve(nameOrPath, VIEW.equals(split) ? viewSplit(nameOrPath) : Split.parse(split));
    }

    /** All of a named set when all its parts are local (MNIST 10k), else its test part (Fashion-MNIST). */
    private Split viewSplit(String nameOrPath) {
        return DatasetCatalog.find(nameOrPath)
                .map(d -> resolver().locate(d).values().stream().allMatch(DatasetResolver.Location::isLocal)
                        ? Split.ALL : Split.TEST)
                .orElse(Split.ALL);
    }

    private synchronized DatasetResolver resolver() {
        if (resolver == null) {
            resolver = DatasetResolver.defaults();
        }
        return resolver;
    }

    @Override
    public Optional<Path> defaultModel() {
        return Files.isRegularFile(defaultModel) ? Optional.of(defaultModel) : Optional.empty();
    }

    @Override
    public ModelHandle train(TrainRequest request, TrainingListener listener, CancelToken cancel) {
        Dataset data = loadDataset(request.dataset(), request.split());
        ModelConfig c = request.model();
        ModelConfig config = new ModelConfig(c.kind(), c.arch(), data.shape(), c.latentDim(), c.hidden(), c.likelihood(),
                c.normalisation(), request.dataset(), data.labelNames(), c.extra());
        SameDiffModel model = Models.create(config, request.train().seed());
        ModelBundle bundle = new ModelBundle(model, new TrainingHistory(request.command(), request.train().seed(),
                List.of()), Map.of(), Map.of());
        try {
            Trainer.Result result = Trainer.train(model, data, request.train(), request.command(), history -> {
                bundle.setHistory(history);
                bundle.save(request.output());
            }, listener, cancel);
            bundle.setHistory(result.history());
            if (result.cancelled()) {
                throw new CancellationException("cancelled; the last finished epoch is in " + request.output());
            }
            bundle.save(request.output());
        } catch (IOException e) {
            bundle.close();
            throw new InputException(request.output() + ": cannot write the model (" + e.getMessage() + ")", e);
        } catch (RuntimeException e) {
            bundle.close();
            throw e;
        }
        return new ModelHandle(request.output(), model, bundle.history(), bundle.evaluation(), bundle);
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
