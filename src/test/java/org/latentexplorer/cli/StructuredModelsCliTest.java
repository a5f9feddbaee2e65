package org.latentexplorer.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.latentexplorer.common.Json;
import picocli.CommandLine;

/** The GMVAE and CVAE through the command line: train, sample by cluster or class, cluster metrics. */
@Tag("slow")
class StructuredModelsCliTest {
    @TempDir
    Path dir;

    private static CliTest.Run run(String... args) {
        CommandLine cl = LatentExplorerCommand.commandLine();
        StringWriter out = new StringWriter(), err = new StringWriter();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        return new CliTest.Run(cl.execute(args), out.toString(), err.toString());
    }

    /** Trains a 3-cluster GMVAE (d = 4) on 1 epoch of MNIST with {@code options}; checks it reports the four terms. */
    private CliTest.Run trainGmvae(Path model, String... options) {
        java.util.List<String> args = new java.util.ArrayList<>(java.util.List.of("train", "--model", "gmvae",
                "--clusters", "3", "--latent", "4", "--dataset", "mnist", "--epochs", "1", "--batch", "50",
                "--out", model.toString()));
        args.addAll(java.util.List.of(options));
        CliTest.Run t = run(args.toArray(String[]::new));
        assertThat(t.code()).as(t.err()).isZero();
        assertThat(t.out()).contains("ReconsLoss").contains("CondPrior").contains("WPrior").contains("YPrior");
        return t;
    }

    /** Four samples of {@code cluster} drawn to a PNG: a 2 × 2 grid of 28 × 28 tiles. */
    private Path sampleCluster(Path model, int cluster) throws Exception {
        Path png = dir.resolve("c" + cluster + ".png");
        CliTest.Run s = run("sample", "--model", model.toString(), "--cluster", "" + cluster, "--n", "4", "--out",
                png.toString());
        assertThat(s.code()).as(s.err()).isZero();
        assertThat(ImageIO.read(png.toFile()).getWidth()).isEqualTo(2 * 29 + 1);
        return png;
    }

    @Test
    void gmvaeTrainsSamplesByClusterAndReportsClusterMetrics() throws Exception {
        Path model = dir.resolve("g.lexb");
        trainGmvae(model, "--w-dim", "2", "--hidden", "32", "--limit", "200");
        Path png = sampleCluster(model, 1);

        CliTest.Run e = run("eval", "--model", model.toString(), "--limit", "50", "--json");
        assertThat(e.code()).as(e.err()).isZero();
        JsonNode clusters = Json.MAPPER.readTree(e.out()).get("clusters");
        assertThat(clusters.get("examples").asInt()).isEqualTo(50);
        assertThat(clusters.get("accuracy").asDouble()).isBetween(0.0, 1.0);

        CliTest.Run bad = run("sample", "--model", model.toString(), "--cluster", "7", "--out", png.toString());
        assertThat(bad.code()).isEqualTo(2);
        assertThat(bad.err()).contains("--cluster");
    }

    @Test
    void aGmvaeTrainedFurtherKeepsItsStartAndTakesTheGivenLearningRate() throws Exception {
        Path model = dir.resolve("g-start.lexb");
        CliTest.Run first = trainGmvae(model, "--hidden", "32", "--limit", "200", "--pretrain", "1", "--init", "kmeans");
        assertThat(first.out()).contains("Pre-training").contains("Joint training");
        Path further = dir.resolve("g-further.lexb");
        CliTest.Run t = run("train", "--from", model.toString(), "--dataset", "mnist", "--limit", "200", "--epochs", "1",
                "--batch", "50", "--lr", "1e-4", "--out", further.toString());
        assertThat(t.code()).as(t.err()).isZero();
        assertThat(t.out()).contains("continuing").contains("CondPrior").doesNotContain("Pre-training")
                .doesNotContain("Joint training");
        try (org.latentexplorer.model.ModelBundle b = org.latentexplorer.model.ModelBundle.load(further)) {
            assertThat(b.history().epochs()).hasSize(2);
            assertThat(b.config().kind()).isEqualTo("gmvae");
        }
    }

    @Test
    void eachStartObjectiveIsRecordedInTheBundleSaidInTheStartAndRefusedWithoutAStart() throws Exception {
        Map<String, String> said = Map.of("--pretrain-noise", "Pre-training the autoencoder on samples of q(z|x)",
                "--pretrain-vae", "Pre-training a VAE of the same encoder and decoder");
        for (Map.Entry<String, String> flag : said.entrySet()) {
            Path model = dir.resolve("g" + flag.getKey() + ".lexb");
            CliTest.Run t = trainGmvae(model, "--hidden", "32", "--limit", "200", "--pretrain", "2", "--init", "kmeans",
                    flag.getKey());
            assertThat(t.out()).contains(flag.getValue());
            try (org.latentexplorer.model.ModelBundle b = org.latentexplorer.model.ModelBundle.load(model)) {
                org.latentexplorer.model.SameDiffGmvae g = (org.latentexplorer.model.SameDiffGmvae) b.model();
                assertThat(g.pretrainNoise()).as(flag.getKey()).isEqualTo(flag.getKey().equals("--pretrain-noise"));
                assertThat(g.pretrainVae()).as(flag.getKey()).isEqualTo(flag.getKey().equals("--pretrain-vae"));
            }
        }
        CliTest.Run none = run("train", "--model", "gmvae", "--dataset", "mnist", "--pretrain", "0", "--pretrain-noise",
                "--out", dir.resolve("n.lexb").toString());
        assertThat(none.code()).isEqualTo(2);
        assertThat(none.err()).contains("--pretrain-noise").contains("--pretrain E");
        CliTest.Run both = run("train", "--model", "gmvae", "--dataset", "mnist", "--pretrain-noise", "--pretrain-vae",
                "--out", dir.resolve("b.lexb").toString());
        assertThat(both.code()).isEqualTo(2);
        assertThat(both.err()).contains("choose one");
        // Refused before the data set is read: a missing data file is not what the user is told about.
        CliTest.Run runs = run("train", "--model", "gmvae", "--dataset", dir.resolve("absent.idx").toString(),
                "--pretrain", "0", "--pretrain-runs", "3", "--out", dir.resolve("r.lexb").toString());
        assertThat(runs.code()).isEqualTo(2);
        assertThat(runs.err()).contains("--pretrain-runs").contains("--pretrain E").doesNotContain("absent.idx");
        CliTest.Run metric = run("train", "--model", "gmvae", "--dataset", dir.resolve("absent.idx").toString(),
                "--layout-metric", "manhattan", "--out", dir.resolve("r.lexb").toString());
        assertThat(metric.code()).isEqualTo(2);
        assertThat(metric.err()).contains("--layout-metric").contains("manhattan").doesNotContain("absent.idx");
        CliTest.Run choice = run("train", "--model", "gmvae", "--dataset", dir.resolve("absent.idx").toString(),
                "--layout-choice", "best", "--out", dir.resolve("r.lexb").toString());
        assertThat(choice.code()).isEqualTo(2);
        assertThat(choice.err()).contains("--layout-choice").contains("best").doesNotContain("absent.idx");
        assertThat(dir.resolve("n.lexb")).doesNotExist();
        assertThat(dir.resolve("r.lexb")).doesNotExist();
    }

    @Test
    void convGmvaeTrainsFromTheRandomStartAndSamplesByCluster() throws Exception {
        Path model = dir.resolve("cg.lexb");
        CliTest.Run t = trainGmvae(model, "--arch", "conv", "--hidden", "4,8", "--limit", "100");
        assertThat(t.out()).contains("training a conv gmvae").doesNotContain("Pre-training");
        sampleCluster(model, 2);
    }

    @Test
    void cvaeSamplesByClassNameAndPlainVaeExplainsItHasNoClusters() throws Exception {
        Path model = dir.resolve("c.lexb");
        CliTest.Run t = run("train", "--model", "cvae", "--latent", "2", "--hidden", "32", "--dataset", "mnist",
                "--limit", "200", "--epochs", "1", "--batch", "50", "--out", model.toString());
        assertThat(t.code()).as(t.err()).isZero();
        Path png = dir.resolve("seven.png");
        assertThat(run("sample", "--model", model.toString(), "--class", "7", "--n", "4", "--out", png.toString())
                .code()).isZero();
        assertThat(run("sample", "--model", model.toString(), "--class", "seven", "--out", png.toString()).err())
                .contains("--class");

        Path vae = dir.resolve("v.lexb");
        assertThat(run("train", "--dataset", "mnist", "--limit", "100", "--hidden", "16", "--epochs", "1",
                "--out", vae.toString()).code()).isZero();
        CliTest.Run none = run("sample", "--model", vae.toString(), "--cluster", "0", "--out", png.toString());
        assertThat(none.code()).isEqualTo(2);
        assertThat(none.err()).contains("no discrete latent");
        assertThat(run("train", "--model", "gmvae", "--clusters", "1", "--dataset", "mnist", "--out",
                dir.resolve("x.lexb").toString()).err()).contains("--clusters");
    }
}
