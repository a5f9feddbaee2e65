package org.latentexplorer.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.latentexplorer.model.ModelBundle;

/** train, inpaint and eval with a VAEAC trained for about a second on 300 MNIST digits. */
class VaeacCliTest {
    @TempDir
    static Path dir;
    static Path model;

    @BeforeAll
    static void trainTinyVaeac() {
        System.setProperty("latentexplorer.cache", dir.resolve("cache").toString());
        model = dir.resolve("vaeac.lexb");
        CliTest.Run r = CliTest.run("train", "--model", "vaeac", "--dataset", "mnist", "--limit", "300", "--latent", "4",
                "--hidden", "4,8", "--path", "16", "--epochs", "2", "--patience", "1", "--binarize", "dynamic", "--seed", "3",
                "--lr-schedule", "cosine", "--out", model.toString());
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("training a conv vaeac (d=4)").contains("epoch 1/2").contains("saved")
                .contains("Learning rate annealed from 0.001 towards 0 over 2 epochs (cosine)");
    }

    @Test
    void trainWritesAConvVaeacBundle() {
        try (ModelBundle b = ModelBundle.load(model)) {
            assertThat(b.config().kind()).isEqualTo("vaeac");
            assertThat(b.config().arch()).isEqualTo("conv");
            assertThat(b.config().hidden()).containsExactly(4, 8);
            assertThat(b.history().epochs()).isNotEmpty();
            assertThat(b.config().extraInt("path", 0)).isEqualTo(16);
            assertThat(b.config().extra().get("priorRecon")).isEqualTo(1.0); // the default
            assertThat(b.history().epochs().get(0).trainTerms()).containsKeys("recon", "kl", "reg", "gsnn");
            assertThat(b.history().command()).contains("--lr-schedule cosine");
        }
    }

    @Test
    void inpaintCompletesWithTheVaeacAndWritesASheet() throws Exception {
        Path sheet = dir.resolve("sheet.png");
        CliTest.Run r = CliTest.run("inpaint", "--model", model.toString(), "--dataset", "mnist", "--method", "vaeac:4",
                "--mask", "top-half", "--limit", "5", "--out", sheet.toString());
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("inpaint vaeac:4 on mnist").contains("RMSE missing");
        assertThat(Files.size(sheet)).isPositive();
    }

    @Test
    void evalGivesTheUnconditionalFigures() {
        CliTest.Run r = CliTest.run("eval", "--model", model.toString(), "--limit", "10", "--iw", "5", "--json");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("\"recon\"").contains("\"kl\"");
    }

    @Test
    void aContinuedRunTrainsOnTheShareOfHalvesItIsGivenAndRecordsIt() {
        Path more = dir.resolve("more-halves.lexb");
        CliTest.Run r = CliTest.run("train", "--from", model.toString(), "--dataset", "mnist", "--limit", "300",
                "--half-masks", "0.75", "--epochs", "1", "--seed", "4", "--out", more.toString());
        assertThat(r.code()).as(r.err()).isZero();
        try (ModelBundle b = ModelBundle.load(more)) {
            assertThat(b.config().extra().get("halfMasks")).isEqualTo(0.75);
            assertThat(b.config().extraInt("path", 0)).isEqualTo(16); // the network is the bundle's
            assertThat(b.history().command()).contains("--half-masks 0.75");
        }
    }

    @Test
    void aShareOfHalvesOutsideZeroToOneIsRefusedInOneLine() {
        CliTest.Run r = CliTest.run("train", "--model", "vaeac", "--dataset", "mnist", "--half-masks", "1.5", "--out",
                dir.resolve("z.lexb").toString());
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err().strip()).contains("--half-masks").contains("between 0 and 1").doesNotContain("\n");
    }

    @Test
    void aShareOfHalvesForABundleThatCannotTakeItIsRefusedBeforeTheDataIsRead() {
        CliTest.Run dense = CliTest.run("train", "--from", "models/mnist-d2.lexb", "--dataset", "no-such-data",
                "--half-masks", "0.75", "--out", dir.resolve("d.lexb").toString());
        assertThat(dense.code()).isEqualTo(2);
        assertThat(dense.err().strip()).contains("--half-masks applies to a vaeac").contains("holds a vae")
                .doesNotContain("no-such-data").doesNotContain("\n");
        CliTest.Run tooMany = CliTest.run("train", "--from", model.toString(), "--dataset", "no-such-data",
                "--half-masks", "2", "--out", dir.resolve("e.lexb").toString());
        assertThat(tooMany.code()).isEqualTo(2);
        assertThat(tooMany.err().strip()).contains("--half-masks").contains("between 0 and 1, got 2.0")
                .doesNotContain("no-such-data").doesNotContain("\n");
    }

    @Test
    void aBadScheduleIsRefusedInOneLine() {
        CliTest.Run r = CliTest.run("train", "--dataset", "mnist", "--lr-schedule", "plateau:0", "--out",
                dir.resolve("y.lexb").toString());
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err().strip()).contains("--lr-schedule plateau:P:F needs P from 1").doesNotContain("\n");
    }

    @Test
    void aDenseVaeacIsRefusedInOneLine() {
        CliTest.Run dense = CliTest.run("train", "--model", "vaeac", "--arch", "dense", "--dataset", "mnist", "--out",
                dir.resolve("x.lexb").toString());
        assertThat(dense.code()).isEqualTo(2);
        assertThat(dense.err().strip()).contains("--model vaeac is convolutional").doesNotContain("\n");
    }
}
