package org.latentexplorer.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code traverse}, {@code interpolate} and the active units {@code eval} reports, on the shipped MNIST d = 20 model. */
class LatentPathsCliTest {
    private static final String MODEL = "models/mnist-d20.lexb";
    @TempDir
    Path dir;

    @Test
    void traversalRowsFollowKlAndNameTheActiveUnits() throws Exception {
        Path png = dir.resolve("t.png");
        CliTest.Run r = CliTest.run("traverse", "--model", MODEL, "--index", "3", "--dims", "top:4", "--steps", "7",
                "--limit", "300", "--out", png.toString());
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("active units:").contains("wrote 4 rows of 7");
        double[] kl = r.out().lines().filter(l -> l.contains(" KL ")).mapToDouble(l -> Double.parseDouble(
                l.replaceAll(".* KL +([0-9.]+) nats.*", "$1"))).toArray();
        assertThat(kl).hasSize(4);
        for (int i = 1; i < kl.length; i++) {
            assertThat(kl[i]).isLessThanOrEqualTo(kl[i - 1]);
        }
        BufferedImage img = ImageIO.read(png.toFile());
        // Headed tiles are doubled (ImageTiles), with a band of row labels (z12, ...) on the left.
        assertThat(img.getWidth()).isGreaterThan(2 * (7 * 29 + 1));
        assertThat(img.getHeight()).isGreaterThan(2 * 4 * 29);
        assertThat(CliTest.run("traverse", "--model", MODEL, "--dims", "0,1", "--out", png.toString()).err())
                .contains("--dims: the code has dimensions 1 to 20");
    }

    @Test
    void interpolationStripsRunBetweenTestImages() throws Exception {
        Path png = dir.resolve("i.png");
        CliTest.Run r = CliTest.run("interpolate", "--model", MODEL, "--from", "0:1,2:3", "--steps", "6", "--path",
                "spherical", "--out", png.toString());
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("wrote 2 strip(s) of 6 codes (spherical)");
        assertThat(ImageIO.read(png.toFile()).getWidth()).isEqualTo(8 * 29 + 1);
        assertThat(CliTest.run("interpolate", "--model", MODEL, "--from", "0", "--to", "5000", "--out",
                png.toString()).err()).contains("image 5000 does not exist");
        assertThat(CliTest.run("interpolate", "--model", MODEL, "--from-code", "1,2", "--to-code", "0,0", "--out",
                png.toString()).err()).contains("needs 20 comma-separated numbers");
    }

    @Test
    void evalReportsActiveUnits() {
        CliTest.Run r = CliTest.run("eval", "--model", MODEL, "--limit", "100");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).containsPattern("active units +\\d+ of 20");
        CliTest.Run j = CliTest.run("eval", "--model", MODEL, "--limit", "100", "--json");
        assertThat(j.out()).contains("\"latent\"").contains("\"active\"");
    }

    @Test
    void gridOffersTheWindowsPlanesWithAxisValues() throws Exception {
        Path png = dir.resolve("g.png");
        CliTest.Run principal = CliTest.run("grid", "--model", MODEL, "--plane", "principal", "--steps", "6", "--limit",
                "200", "--out", png.toString());
        assertThat(principal.code()).as(principal.err()).isZero();
        assertThat(principal.out()).contains("over PC1 × PC2");
        CliTest.Run pair = CliTest.run("grid", "--model", MODEL, "--plane", "pair", "--from", "0", "--to", "1",
                "--steps", "6", "--limit", "200", "--out", png.toString());
        assertThat(pair.code()).as(pair.err()).isZero();
        assertThat(pair.out()).contains("#0→#1 × principal direction");
        assertThat(CliTest.run("grid", "--model", MODEL, "--plane", "pair", "--out", png.toString()).err())
                .contains("--plane pair needs --from and --to");
        assertThat(CliTest.run("grid", "--model", MODEL, "--plane", "tilted", "--out", png.toString()).err())
                .contains("--plane must be dims, principal or pair");
    }
}
