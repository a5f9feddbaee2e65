package org.latentexplorer.ui.fakes;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.latentexplorer.common.CancelToken;
import org.latentexplorer.data.Dataset;
import org.latentexplorer.sample.ClusterModel;
import org.latentexplorer.train.TrainingListener;
import org.latentexplorer.ui.services.CoreServices;
import org.latentexplorer.ui.services.ModelHandle;
import org.latentexplorer.ui.services.Projection;
import org.latentexplorer.ui.services.ProjectionListener;
import org.latentexplorer.ui.services.ProjectionSpec;
import org.latentexplorer.ui.services.TrainRequest;

/**
 * {@link FakeServices} plus clusters: with {@code ownClusters} set every model is a "GMVAE" with those
 * clusters, else a plain VAE that can have k-means fitted. Names are "saved" per model file.
 */
public final class ClusterServices implements CoreServices {
    public final FakeServices base = new FakeServices();
    public ClusterModel ownClusters;
    public final Map<Path, Map<Integer, String>> saved = new HashMap<>();
    public int fits;
    public org.latentexplorer.sample.FittedMixture.Method lastMethod;
    public final Map<Path, org.latentexplorer.ui.services.FittedClusters> fitted = new HashMap<>();

    @Override
    public ModelHandle openModel(Path path) {
        return base.openModel(path);
    }

    @Override
    public Dataset loadDataset(String nameOrPath, String split) {
        return base.loadDataset(nameOrPath, split);
    }

    @Override
    public Optional<Path> defaultModel() {
        return base.defaultModel();
    }

    @Override
    public ModelHandle train(TrainRequest request, TrainingListener listener, CancelToken cancel) {
        return base.train(request, listener, cancel);
    }

    @Override
    public List<String> projectionMethods() {
        return base.projectionMethods();
    }

    @Override
    public Projection project(float[][] codes, ProjectionSpec spec, ProjectionListener listener, CancelToken cancel) {
        return base.project(codes, spec, listener, cancel);
    }

    @Override
    public org.latentexplorer.inpaint.Inpainter inpainter(ModelHandle model, org.latentexplorer.inpaint.MethodSpec method,
                                                          Dataset reference) {
        return base.inpainter(model, method, reference);
    }

    @Override
    public Optional<ClusterModel> clusters(ModelHandle model) {
        return Optional.ofNullable(ownClusters);
    }

    @Override
    public ClusterModel fitClusters(ModelHandle model, float[][] x, int k,
                                    org.latentexplorer.sample.FittedMixture.Method method, long seed) {
        fits++;
        lastMethod = method;
        return new FakeClusterModel(k, method == org.latentexplorer.sample.FittedMixture.Method.KMEANS
                ? "k-means on codes" : "Gaussian mixture on codes");
    }

    @Override
    public Optional<org.latentexplorer.ui.services.FittedClusters> fittedClusters(ModelHandle model) {
        return Optional.ofNullable(fitted.get(model.source()));
    }

    @Override
    public void saveFittedClusters(ModelHandle model, org.latentexplorer.ui.services.FittedClusters f) {
        fitted.put(model.source(), f);
    }

    @Override
    public Map<Integer, String> clusterNames(ModelHandle model) {
        return saved.getOrDefault(model.source(), Map.of());
    }

    @Override
    public void saveClusterNames(ModelHandle model, Map<Integer, String> names) {
        saved.put(model.source(), Map.copyOf(names));
    }
}
