package org.latentexplorer.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.latentexplorer.common.InputException;
import org.latentexplorer.data.ImageShape;
import org.nd4j.autodiff.samediff.VariableType;

class ModelShapesTest {

    @Test
    void shapesWorkedOutFromTheConfigMatchTheBuiltGraphForEveryKind() {
        ModelConfig gmvae = SameDiffGmvae.config("dense", ImageShape.grey(2, 3), 3, 2, 4, List.of(5, 7), Likelihood.BERNOULLI);
        ModelConfig convGmvae = withExtra(SameDiffGmvae.config("conv", new ImageShape(2, 8, 4), 2, 3, 2, List.of(4, 6, 8),
                Likelihood.BERNOULLI), Map.of(SameDiffGmvae.PRETRAIN_EPOCHS, 0, SameDiffGmvae.PRIOR_HIDDEN, 9,
                SameDiffGmvae.Y_HIDDEN, 11));
        List<ModelConfig> configs = List.of(
                new ModelConfig("vae", "dense", ImageShape.grey(3, 3), 2, List.of(8, 4), Likelihood.BERNOULLI, "unit", "",
                        List.of(), Map.of()),
                new ModelConfig("vae", "conv", new ImageShape(3, 8, 12), 3, List.of(4, 8), Likelihood.BERNOULLI, "unit", "",
                        List.of(), Map.of()),
                gmvae, convGmvae,
                SameDiffCvae.config(ImageShape.grey(2, 3), List.of("a", "b", "c"), "learned", 2, List.of(5), null),
                SameDiffCvae.config(ImageShape.grey(2, 3), List.of("a", "b", "c"), "fixed", 2, List.of(5, 4), null));
        for (ModelConfig c : configs) {
            SameDiffModel m = Models.create(c, 1);
            Map<String, String> built = new TreeMap<>();
            for (var v : m.graph().variables()) {
                if (v.getVariableType() == VariableType.VARIABLE) {
                    built.put(v.name(), Arrays.toString(v.getArr().shape()));
                }
            }
            Map<String, String> worked = new TreeMap<>();
            ModelShapes shapes = ModelLimits.check(c);
            shapes.weights().forEach((k, v) -> worked.put(k, Arrays.toString(v)));
            assertThat(worked).as(c.kind() + "/" + c.arch()).isEqualTo(built);
            m.close();
        }
    }

    @Test
    void hugeHiddenLayersAreRefusedBeforeAnythingIsAllocated() {
        assertThatThrownBy(() -> dense(List.of(16384, 16384))).isInstanceOf(InputException.class)
                .hasMessage("hidden layer size must be between 1 and 8192, got 16384");
        // Each layer within bounds, twelve of them far beyond the total: refused by the count, not by the OOM killer.
        ModelConfig deep = dense(java.util.Collections.nCopies(12, 8192));
        long start = System.nanoTime();
        assertThatThrownBy(() -> Models.create(deep, 1)).isInstanceOf(InputException.class)
                .hasMessageContaining("the model would hold 1,489,929,016 values (5.6 GiB), more than the 134,217,728");
        assertThat(System.nanoTime() - start).isLessThan(1_000_000_000L);
        assertThatThrownBy(() -> Models.create(dense(java.util.Collections.nCopies(17, 8)), 1))
                .hasMessage("the model has 17 hidden layers, more than the 16 this program accepts");
    }

    @Test
    void hugeInputsAndConvChannelsAreRefusedByName() {
        ModelConfig big = new ModelConfig("vae", "dense", ImageShape.grey(4096, 4096), 2, List.of(8), Likelihood.BERNOULLI,
                "unit", "", List.of(), Map.of());
        assertThatThrownBy(() -> Models.create(big, 1)).hasMessage("input shape 4096x4096 has 16777216 values per "
                + "example, more than the 196608 (256x256x3) this program accepts");
        ModelConfig wide = new ModelConfig("vae", "conv", ImageShape.grey(8, 8), 2, List.of(8, 2048),
                Likelihood.BERNOULLI, "unit", "", List.of(), Map.of());
        assertThatThrownBy(() -> Models.create(wide, 1)).hasMessage("convolution channel count 2048 is more than the "
                + "1024 this program accepts");
        ModelConfig gmvae = withExtra(SameDiffGmvae.config("dense", ImageShape.grey(2, 3), 3, 2, 4, List.of(5), null),
                Map.of(SameDiffGmvae.Y_HIDDEN, 100_000));
        assertThatThrownBy(() -> Models.create(gmvae, 1)).hasMessage("yHidden must be between 1 and 8192, got 100000");
    }

    @Test
    void largeButRealisticModelsAreWithinTheLimits() {
        ModelConfig convRgb = new ModelConfig("vae", "conv", new ImageShape(3, 256, 256), 256, List.of(), Likelihood.BERNOULLI,
                "unit", "", List.of(), Map.of());
        ModelShapes s = ModelLimits.check(convRgb);
        assertThat(s.parameters()).isBetween(90_000_000L, ModelLimits.MAX_VALUES);
        assertThat(ModelLimits.check(dense(List.of(4096, 4096))).parameters()).isBetween(40_000_000L, 60_000_000L);
    }

    private static ModelConfig dense(List<Integer> hidden) {
        return new ModelConfig("vae", "dense", ImageShape.grey(28, 28), 20, hidden, Likelihood.BERNOULLI, "unit", "",
                List.of(), Map.of());
    }

    private static ModelConfig withExtra(ModelConfig c, Map<String, Object> more) {
        Map<String, Object> extra = new HashMap<>(c.extra());
        extra.putAll(more);
        return new ModelConfig(c.kind(), c.arch(), c.inputShape(), c.latentDim(), c.hidden(), c.likelihood(),
                c.normalisation(), c.datasetId(), c.labelNames(), extra);
    }
}
