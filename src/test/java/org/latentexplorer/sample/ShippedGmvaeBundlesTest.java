package org.latentexplorer.sample;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.latentexplorer.data.Dataset;
import org.latentexplorer.data.DatasetResolver;
import org.latentexplorer.data.Split;
import org.latentexplorer.eval.ClusterMetrics;
import org.latentexplorer.model.ModelBundle;
import org.latentexplorer.model.SameDiffGmvae;

/**
 * The GMVAE bundles shipped under {@code models/} (committed files, so a clean clone has them) load, have
 * ten clusters, and those clusters still sort the embedded test images much as models/README.md records.
 */
class ShippedGmvaeBundlesTest {
    @ParameterizedTest
    @CsvSource({"mnist-gmvae.lexb, mnist, 0.85", "fashion-mnist-gmvae.lexb, fashion-mnist, 0.55"})
    void shippedGmvaeClustersTheTestImages(String file, String dataset, double floor) {
        try (ModelBundle bundle = ModelBundle.load(Path.of("models", file))) {
            assertThat(bundle.model()).isInstanceOf(SameDiffGmvae.class);
            ClusterModel clusters = ClusterModels.of(bundle);
            assertThat(clusters.clusterCount()).isEqualTo(10);
            Dataset test = DatasetResolver.defaults().resolve(dataset, Split.TEST).limit(1000);
            ClusterMetrics m = ClusterMetrics.compute(test.labels(), clusters.assign(test.rows()),
                    test.labelNames().size(), clusters.clusterCount());
            assertThat(m.accuracy()).as(file).isGreaterThan(floor);
        }
    }
}
