package org.latentexplorer.sample;

import org.latentexplorer.common.InputException;
import org.latentexplorer.model.LatentModel;
import org.latentexplorer.model.ModelBundle;
import org.latentexplorer.model.SameDiffCvae;
import org.latentexplorer.model.SameDiffGmvae;

/** The cluster view of any model: its own discrete latent when it has one, else a fitted mixture. */
public final class ClusterModels {
    private ClusterModels() {
    }

    /**
     * The clusters of a model with a discrete latent (GMVAE components, CVAE classes).
     *
     * @throws InputException for a model without one, saying how to get clusters anyway
     */
    public static ClusterModel of(LatentModel model) {
        if (model instanceof SameDiffGmvae g) {
            return new GmvaeClusters(g);
        }
        if (model instanceof SameDiffCvae c) {
            return new CvaeClusters(c);
        }
        throw new InputException("this " + model.config().kind() + " model has no discrete latent, so it has no "
                + "clusters of its own; fit k-means or a Gaussian mixture to its codes instead (give the data and a "
                + "number of clusters), or train a gmvae");
    }

    /** {@link #of(LatentModel)} for a bundle's model. */
    public static ClusterModel of(ModelBundle bundle) {
        return of(bundle.model());
    }

    /**
     * Clusters for any model: its own discrete latent when it has one (then {@code x}, {@code k},
     * {@code method} and {@code seed} are ignored), otherwise a mixture with {@code k} components fitted
     * by {@code method} to the codes of {@code x}.
     */
    public static ClusterModel of(LatentModel model, float[][] x, int k, FittedMixture.Method method, long seed) {
        if (model instanceof SameDiffGmvae || model instanceof SameDiffCvae) {
            return of(model);
        }
        if (x == null || x.length == 0) {
            throw new InputException("fitting clusters to a " + model.config().kind() + " model's codes needs data");
        }
        return FittedMixture.fit(model, x, k, method, seed);
    }

    /**
     * {@code e} with the clustering figures (accuracy, NMI, ARI) of the model's own clusters against the
     * labels of the first {@code limit} examples of {@code data} (all when 0), when it has both.
     */
    public static org.latentexplorer.eval.Evaluation withClusterMetrics(org.latentexplorer.eval.Evaluation e,
                                                                        LatentModel model,
                                                                        org.latentexplorer.data.Dataset data, int limit) {
        if (!data.hasLabels() || !hasDiscreteLatent(model)) {
            return e;
        }
        org.latentexplorer.data.Dataset scored = limit > 0 ? data.limit(limit) : data;
        ClusterModel clusters = of(model);
        return e.withClusters(org.latentexplorer.eval.ClusterMetrics.compute(scored.labels(),
                clusters.assign(scored.rows()), scored.labelNames().size(), clusters.clusterCount()));
    }

    /** True when the model has clusters of its own. */
    public static boolean hasDiscreteLatent(LatentModel model) {
        return model instanceof SameDiffGmvae || model instanceof SameDiffCvae;
    }
}
