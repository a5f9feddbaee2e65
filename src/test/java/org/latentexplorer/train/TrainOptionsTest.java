package org.latentexplorer.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.latentexplorer.common.InputException;
import org.latentexplorer.data.Binarization;
import org.latentexplorer.data.Dataset;
import org.latentexplorer.data.ImageShape;
import org.latentexplorer.model.Likelihood;
import org.latentexplorer.model.ModelConfig;
import org.latentexplorer.model.SameDiffGmvae;
import org.latentexplorer.model.SameDiffVaeac;

/** The one mapping from the train options to a model: defaults, checks before the data, and the command line back. */
class TrainOptionsTest {
    private static TrainOptions gmvae(TrainOptions.GmvaeStart start, String arch) {
        return new TrainOptions(new TrainOptions.Data("mnist", "train", 0),
                new TrainOptions.Network("gmvae", arch, 4, null, Likelihood.BERNOULLI), TrainConfig.defaults(), start, null);
    }

    @Test
    void aGmvaeGetsTheCommandLinesStartAndTheArchitecturesDefaults() {
        ModelConfig dense = gmvae(TrainOptions.GmvaeStart.defaults(), "dense").modelConfig(ImageShape.grey(28, 28), List.of());
        assertThat(dense.extraInt(SameDiffGmvae.PRETRAIN_EPOCHS, -1)).isEqualTo(SameDiffGmvae.DEFAULT_PRETRAIN_EPOCHS);
        assertThat(dense.hidden()).isEqualTo(ModelConfig.DEFAULT_DENSE_HIDDEN);
        assertThat(dense.extra()).containsEntry("binarize", "none").doesNotContainKey(SameDiffGmvae.JOINT_LR)
                .doesNotContainKey(SameDiffGmvae.PRETRAIN_VAE);
        ModelConfig conv = gmvae(TrainOptions.GmvaeStart.defaults(), "conv").modelConfig(ImageShape.grey(28, 28), List.of());
        assertThat(conv.extraInt(SameDiffGmvae.PRETRAIN_EPOCHS, -1)).isZero();
        assertThat(conv.hidden()).isEmpty();
    }

    @Test
    void aVaeacsShareOfHalvesReachesItsConfigAndCommandOnlyWhenNotTheDefault() {
        TrainOptions.Network vaeac = new TrainOptions.Network("vaeac", "conv", 4, null, Likelihood.BERNOULLI);
        TrainOptions more = new TrainOptions(new TrainOptions.Data("mnist", "train", 0), vaeac, TrainConfig.defaults(),
                null, null, new TrainOptions.Vaeac(16, 1, 0.75));
        assertThat(more.modelConfig(ImageShape.grey(28, 28), List.of()).extra()).containsEntry(SameDiffVaeac.HALF_MASKS, 0.75);
        assertThat(more.commandLine(Path.of("v.lexb"))).contains("--half-masks 0.75");
        TrainOptions usual = new TrainOptions(new TrainOptions.Data("mnist", "train", 0), vaeac, TrainConfig.defaults(),
                null, null, new TrainOptions.Vaeac(16, 1));
        assertThat(usual.modelConfig(ImageShape.grey(28, 28), List.of()).extra()).doesNotContainKey(SameDiffVaeac.HALF_MASKS);
        assertThat(usual.commandLine(Path.of("v.lexb"))).doesNotContain("--half-masks");
        assertThatThrownBy(() -> new TrainOptions(new TrainOptions.Data("mnist", "train", 0), vaeac, TrainConfig.defaults(),
                null, null, new TrainOptions.Vaeac(16, 1, -0.1))).isInstanceOf(InputException.class)
                .hasMessageStartingWith("--half-masks");
    }

    @Test
    void badOptionsAreRefusedBeforeAnyDataIsRead() {
        TrainOptions.GmvaeStart d = TrainOptions.GmvaeStart.defaults();
        assertThatThrownBy(() -> gmvae(new TrainOptions.GmvaeStart(10, 2, null, "spectral", 5, null, null, false, false, 1,
                null), "dense")).isInstanceOf(InputException.class).hasMessageStartingWith("--init must be");
        assertThatThrownBy(() -> gmvae(new TrainOptions.GmvaeStart(10, 2, 5, d.init(), 5, null, null, false, false, 1, null),
                "conv")).hasMessage("--pretrain needs --arch dense for now; use --pretrain 0 with --arch conv");
        assertThatThrownBy(() -> new TrainOptions.Network("cvae", "conv", 2, null, null)).hasMessageContaining("--arch conv");
        assertThatThrownBy(() -> new TrainOptions.Network("vae", "dense", 0, null, null))
                .hasMessage("--latent must be between 1 and 1024, got 0");
        assertThatThrownBy(() -> new TrainOptions.Data("mnist", "train", -1)).hasMessageStartingWith("--limit");
        assertThatThrownBy(() -> new TrainOptions.Data("mnist", "validation", 0)).hasMessageStartingWith("--split");
    }

    @Test
    void theLimitCutsTheDataAndTooManyClustersForItAreRefused() {
        float[] values = new float[100 * 4];
        Dataset data = new Dataset("tiny", ImageShape.grey(2, 2), 100, values, null, List.of());
        TrainOptions few = new TrainOptions(new TrainOptions.Data("tiny", "all", 20),
                new TrainOptions.Network("gmvae", "dense", 2, List.of(8), null),
                new TrainConfig(1, 10, 1e-3, 0, 1, 0, 0.5, 0, Binarization.NONE, 1),
                new TrainOptions.GmvaeStart(11, 2, 0, null, 5, null, null, false, false, 1, null), null);
        Dataset cut = few.data().select(data);
        assertThat(cut.size()).isEqualTo(20);
        assertThatThrownBy(() -> few.modelConfig(cut))
                .hasMessage("--clusters 11 is more than the 10 training examples of tiny (after the --validation split)");
    }

    @Test
    void theArgumentsLeaveOutWhatIsTheDefaultAndQuoteWhatNeedsIt() {
        TrainOptions o = TrainOptions.defaults("mnist");
        assertThat(o.commandLine(Path.of("/tmp/my models/m.lexb"))).isEqualTo("latent-explorer train --dataset mnist "
                + "--model vae --arch dense --latent 2 --likelihood bernoulli --binarize none --epochs 10 --batch 128 "
                + "--lr 0.001 --weight-decay 0.0 --beta 1.0 --warmup 0 --validation 0.1 --patience 0 --seed 42 "
                + "--out '/tmp/my models/m.lexb'");
    }
}
