package org.latentexplorer.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.latentexplorer.common.Json;
import picocli.CommandLine;

/** The command line is a contract other tools call: exit codes, one-line errors, outputs. */
class CliTest {
    @TempDir
    static Path dir;
    static Path model;

    record Run(int code, String out, String err) {
    }

    static Run run(String... args) {
        CommandLine cl = LatentExplorerCommand.commandLine();
        StringWriter out = new StringWriter(), err = new StringWriter();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        int code = cl.execute(args);
        return new Run(code, out.toString(), err.toString());
    }

    @BeforeAll
    static void trainTinyModel() {
        System.setProperty("latentexplorer.cache", dir.resolve("cache").toString());
        model = dir.resolve("tiny.lexb");
        Run r = run("train", "--dataset", "mnist", "--limit", "300", "--latent", "2", "--hidden", "32",
                "--epochs", "2", "--batch", "64", "--seed", "3", "--out", model.toString());
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("epoch 2/2").contains("saved");
    }

    @Test
    void trainWritesABundleThatRecordsItsCommandLine() throws Exception {
        try (var b = org.latentexplorer.model.ModelBundle.load(model)) {
            assertThat(b.history().command()).startsWith("latent-explorer train --dataset mnist").contains("--seed 3");
            assertThat(b.history().epochs()).hasSize(2);
            assertThat(b.config().labelNames()).hasSize(10);
        }
    }

    @Test
    void trainFromABundleContinuesItsWeightsAndHistory() throws Exception {
        Path copy = dir.resolve("continued.lexb");
        Files.copy(model, copy);
        assertThat(run("eval", "--model", copy.toString(), "--limit", "20", "--iw", "5", "--save").code()).isZero();
        float[] before;
        long firstSeed;
        try (var b = org.latentexplorer.model.ModelBundle.load(copy)) {
            assertThat(b.evaluation()).isNotEmpty();
            firstSeed = b.history().seed();
            before = b.model().decode(new float[][]{{0.5f, -0.5f}})[0];
        }
        Run r = run("train", "--from", copy.toString(), "--dataset", "mnist", "--limit", "300", "--epochs", "1",
                "--batch", "64", "--lr", "1e-4", "--seed", "4", "--latent", "7", "--out", copy.toString());
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("continuing").contains("epoch 1/1").contains("saved");
        try (var b = org.latentexplorer.model.ModelBundle.load(copy)) {
            assertThat(b.config().latentDim()).as("the bundle's network, not --latent").isEqualTo(2);
            assertThat(b.history().epochs()).extracting(e -> e.epoch()).containsExactly(0, 1, 2);
            assertThat(b.history().command()).contains("--seed 3 ").contains(" && latent-explorer train --from")
                    .contains("--seed 4");
            assertThat(b.history().seed()).as("the seed that drew the validation split").isEqualTo(firstSeed);
            assertThat(b.evaluation()).as("figures of the old weights are not carried over").isEmpty();
            assertThat(b.model().decode(new float[][]{{0.5f, -0.5f}})[0]).isNotEqualTo(before);
        }
        assertThat(org.latentexplorer.train.PreviousModel.backupOf(copy)).exists();
        Run missing = run("train", "--from", dir.resolve("nope.lexb").toString(), "--dataset", "mnist", "--out",
                dir.resolve("n.lexb").toString());
        assertThat(missing.code()).isEqualTo(2);
        assertThat(missing.err()).contains("nope.lexb").doesNotContain("Exception");
    }

    @Test
    void evalPrintsJsonWithTheRequestedFigures() throws Exception {
        Run r = run("eval", "--model", model.toString(), "--limit", "20", "--iw", "10", "--json");
        assertThat(r.code()).as(r.err()).isZero();
        JsonNode j = Json.MAPPER.readTree(r.out());
        assertThat(j.get("examples").asInt()).isEqualTo(20);
        assertThat(j.get("iwLogLikelihood").asDouble()).isNegative().isGreaterThan(-1000);
        assertThat(j.get("negElbo").asDouble()).isGreaterThan(-j.get("iwLogLikelihood").asDouble() - 5);
    }

    @Test
    void codesGridAndSampleWriteTheirFiles() throws Exception {
        Path csv = dir.resolve("codes.csv");
        assertThat(run("codes", "--model", model.toString(), "--dataset", "mnist", "--limit", "50", "--out",
                csv.toString()).code()).isZero();
        var lines = Files.readAllLines(csv);
        assertThat(lines.get(0)).isEqualTo("label,z1,z2");
        assertThat(lines).hasSize(51);
        assertThat(lines.get(1).split(",")).hasSize(3);

        Path grid = dir.resolve("grid.png");
        assertThat(run("grid", "--model", model.toString(), "--steps", "5", "--out", grid.toString()).code()).isZero();
        var img = ImageIO.read(grid.toFile());
        // Tiles doubled under the column values (z1 = -4 ...), a band of row values on the left.
        assertThat(img.getWidth()).isGreaterThan(2 * (5 * 29 + 1));
        assertThat(img.getHeight()).isGreaterThan(2 * (5 * 29 + 1));
        assertThat(run("grid", "--model", model.toString(), "--steps", "5", "--no-axes", "--out", grid.toString())
                .code()).isZero();
        assertThat(ImageIO.read(grid.toFile()).getWidth()).isEqualTo(5 * 29 + 1);

        Path samples = dir.resolve("s.png");
        assertThat(run("sample", "--model", model.toString(), "--n", "9", "--out", samples.toString()).code()).isZero();
        assertThat(ImageIO.read(samples.toFile()).getHeight()).isEqualTo(3 * 29 + 1);
    }

    /**
     * Issue 21: {@code --temperature} was ignored without {@code --cluster}/{@code --class}. It scales z's
     * standard deviation for prior draws too; at T = 1 the draws are those of before, z_ij = rng.nextGaussian()
     * for a plain VAE (rebuilt here from the seed, not through the command's code).
     */
    @Test
    void sampleTemperatureScalesPriorDrawsAndOneKeepsTheSeedsOldDraws() throws Exception {
        int[][] byT = new int[3][];
        double[] temperatures = {1, 0.3, 2};
        for (int i = 0; i < 3; i++) {
            Path png = dir.resolve("t" + i + ".png");
            Run r = run("sample", "--model", model.toString(), "--n", "16", "--seed", "5", "--temperature",
                    Double.toString(temperatures[i]), "--out", png.toString());
            assertThat(r.code()).as(r.err()).isZero();
            byT[i] = pixels(ImageIO.read(png.toFile()));
        }
        assertThat(byT[1]).isNotEqualTo(byT[0]);
        assertThat(byT[2]).isNotEqualTo(byT[0]).isNotEqualTo(byT[1]);

        try (var b = org.latentexplorer.model.ModelBundle.load(model)) {
            var rng = new java.util.SplittableRandom(5);
            float[][] z = new float[16][2];
            for (float[] row : z) {
                for (int j = 0; j < row.length; j++) {
                    row[j] = (float) rng.nextGaussian();
                }
            }
            var expected = org.latentexplorer.sample.ImageTiles.tile(java.util.List.of(b.model().decode(z)),
                    b.config().inputShape(), 4, 1);
            assertThat(byT[0]).isEqualTo(pixels(expected));
        }
        Run zero = run("sample", "--model", model.toString(), "--temperature", "0", "--out", dir.resolve("z.png").toString());
        assertThat(zero.code()).isEqualTo(2);
        assertThat(zero.err()).contains("--temperature");
    }

    /** The shipped GMVAE: T scales each prior draw's component spread (w stays N(0, I)); T = 1 is y, w, z as before. */
    @Test
    void sampleTemperatureScalesAGmvaesPriorDrawsAndOneKeepsTheOldDraws() throws Exception {
        Path shipped = Path.of(System.getProperty("latentexplorer.home", "."), "models", "mnist-gmvae.lexb");
        Path one = dir.resolve("g1.png"), half = dir.resolve("g05.png");
        assertThat(run("sample", "--model", shipped.toString(), "--n", "9", "--seed", "7", "--out", one.toString()).code()).isZero();
        assertThat(run("sample", "--model", shipped.toString(), "--n", "9", "--seed", "7", "--temperature", "0.5",
                "--out", half.toString()).code()).isZero();
        int[] atOne = pixels(ImageIO.read(one.toFile()));
        assertThat(pixels(ImageIO.read(half.toFile()))).isNotEqualTo(atOne);
        try (var b = org.latentexplorer.model.ModelBundle.load(shipped)) {
            var g = (org.latentexplorer.model.SameDiffGmvae) b.model();
            var rng = new java.util.SplittableRandom(7);
            int[] y = new int[9];
            for (int i = 0; i < 9; i++) {
                y[i] = rng.nextInt(g.clusterCount());
            }
            float[][] w = new float[9][g.wDim()];
            for (float[] row : w) {
                for (int j = 0; j < row.length; j++) {
                    row[j] = (float) rng.nextGaussian();
                }
            }
            float[][] images = g.decode(g.sampleZ(y, w, 1.0, rng));
            var expected = org.latentexplorer.sample.ImageTiles.tile(java.util.List.of(images), b.config().inputShape(), 3, 1);
            assertThat(atOne).isEqualTo(pixels(expected));
        }
    }

    private static int[] pixels(java.awt.image.BufferedImage img) {
        return img.getRGB(0, 0, img.getWidth(), img.getHeight(), null, 0, img.getWidth());
    }

    @Test
    void badArgumentsGiveOneLineAndExitCodeTwo() {
        for (String[] args : new String[][]{
                {"train", "--dataset", "mnist", "--latent", "0", "--out", "x.lexb"},
                {"train", "--dataset", "mnist", "--batch", "-1", "--out", "x.lexb"},
                {"train", "--dataset", "no-such-set", "--out", "x.lexb"},
                {"train", "--dataset", "mnist", "--likelihood", "poisson", "--out", "x.lexb"},
                {"train", "--dataset", "mnist", "--model", "gmvae", "--init", "spectral", "--out", "x.lexb"},
                {"train", "--dataset", "mnist", "--model", "gmvae", "--pretrain", "20000", "--out", "x.lexb"},
                {"train", "--dataset", "mnist", "--model", "gmvae", "--joint-lr", "0", "--out", "x.lexb"},
                {"train", "--dataset", "mnist", "--model", "gmvae", "--layouts", "0", "--out", "x.lexb"},
                {"train", "--dataset", "mnist", "--model", "gmvae", "--arch", "conv", "--pretrain", "5", "--out", "x.lexb"},
                {"train", "--dataset", "mnist", "--model", "cvae", "--arch", "conv", "--out", "x.lexb"},
                {"grid", "--model", "missing.lexb", "--out", "g.png"},
                {"eval", "--model", model.toString(), "--iw", "-3"},
                {"grid", "--model", model.toString(), "--dims", "1,7", "--out", "g.png"},
                {"train", "--epochs"},
                {"frobnicate"}}) {
            Run r = run(args);
            assertThat(r.code()).as(String.join(" ", args)).isEqualTo(2);
            assertThat(r.err().strip().lines()).as(r.err()).hasSize(1);
            assertThat(r.err()).doesNotContain("Exception").doesNotContain("\tat ");
        }
        assertThat(Files.exists(Path.of("x.lexb"))).isFalse();
        assertThat(run("train", "--dataset", "mnist", "--model", "gmvae", "--arch", "conv", "--pretrain", "5", "--out",
                "x.lexb").err().strip()).isEqualTo("--pretrain needs --arch dense for now; use --pretrain 0 with --arch conv");
        assertThat(run("train", "--dataset", "mnist", "--model", "cvae", "--arch", "conv", "--out", "x.lexb").err())
                .contains("--arch conv").contains("cvae");
    }

    @Test
    void evalOfAModelOnDataOfAnotherShapeNamesBothShapes() throws Exception {
        Path csv = dir.resolve("wide.csv");
        Files.writeString(csv, "a,b,c\n1,2,3\n4,5,6\n");
        Run r = run("eval", "--model", model.toString(), "--dataset", csv.toString(), "--split", "all");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("wide.csv").contains("28x28");
    }

    @Test
    void aSmallMapGetsTheQualityFiguresItAllows() {
        Run r = run("embed", "--model", model.toString(), "--dataset", "mnist", "--method", "pca", "--limit", "20",
                "--out", dir.resolve("small.csv").toString());
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("trustworthiness (k=9)").contains("5-NN label accuracy");
    }

    @Test
    void embedWritesLabelXYRowsInDataSetOrderAndReusesTheCache() throws Exception {
        Path csv = dir.resolve("map.csv");
        Run first = run("embed", "--model", model.toString(), "--dataset", "mnist", "--method", "umap", "--limit", "120",
                "--out", csv.toString());
        assertThat(first.code()).as(first.err()).isZero();
        assertThat(first.out()).contains("trustworthiness (k=10)").contains("5-NN label accuracy");
        var lines = Files.readAllLines(csv);
        assertThat(lines.get(0)).isEqualTo("label,x,y");
        assertThat(lines).hasSize(121);
        var data = org.latentexplorer.data.DatasetResolver.defaults().resolve("mnist", org.latentexplorer.data.Split.TEST);
        assertThat(lines.get(5).split(",")[0]).isEqualTo(Integer.toString(data.labels()[4]));
        try (var files = Files.walk(dir.resolve("cache").resolve("embeddings"))) {
            assertThat(files.filter(Files::isRegularFile).count()).isEqualTo(1);
        }
        Path again = dir.resolve("map2.csv");
        assertThat(run("embed", "--model", model.toString(), "--dataset", "mnist", "--method", "umap", "--limit", "120",
                "--out", again.toString()).code()).isZero();
        assertThat(Files.readAllLines(again)).isEqualTo(lines);
        assertThat(run("embed", "--model", model.toString(), "--dataset", "mnist", "--method", "tsne", "--perplexity",
                "200", "--limit", "120", "--out", again.toString()).err()).contains("perplexity");
    }

    @Test
    void everyCommandHasHelp() {
        for (String c : new String[]{"train", "eval", "codes", "grid", "sample", "embed", "datasets", "bench"}) {
            Run r = run(c, "--help");
            assertThat(r.code()).as(c).isZero();
            assertThat(r.out()).contains("Usage:");
        }
    }
}
