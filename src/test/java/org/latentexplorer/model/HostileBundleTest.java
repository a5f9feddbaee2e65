package org.latentexplorer.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.latentexplorer.model.CraftedBundles.copy;
import static org.latentexplorer.model.CraftedBundles.entryText;
import static org.latentexplorer.model.CraftedBundles.text;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.latentexplorer.common.InputException;

/**
 * Bundles made bad on purpose from a shipped one: each must be refused with one message naming the
 * file and the problem, before the model is built (docs/reliability.md has their time and memory).
 */
class HostileBundleTest {
    static final Path SHIPPED = Path.of("models", "mnist-d2.lexb");

    @TempDir
    Path dir;

    @Test
    void everyShippedBundleLoadsTheSameWeightsAsItsSavedGraphWhereItHasOne() throws Exception {
        try (var files = Files.newDirectoryStream(Path.of("models"), "*.lexb")) {
            for (Path shipped : files) {
                Path graphOnly = copyWithout(shipped, ModelBundle.WEIGHTS);
                boolean hasGraph;
                try (var zip = new java.util.zip.ZipFile(shipped.toFile())) {
                    hasGraph = zip.getEntry(ModelBundle.GRAPH) != null;
                }
                if (!hasGraph) {
                    // Saved by version 3 or later: the weights are stored once, and without them nothing is left.
                    assertThatThrownBy(() -> ModelBundle.load(graphOnly)).as(shipped.toString())
                            .hasMessage(graphOnly + ": the bundle has no weights (weights.bin)");
                    continue;
                }
                if (ModelBundle.readConfig(shipped).kind().equals("vaeac")) {
                    // A VAEAC is built from its config and weights only: without them it is refused by name.
                    assertThatThrownBy(() -> ModelBundle.load(graphOnly)).as(shipped.toString())
                            .hasMessageContaining("a vaeac bundle must hold weights.bin");
                    continue;
                }
                try (ModelBundle a = ModelBundle.load(shipped); ModelBundle b = ModelBundle.load(graphOnly)) {
                    float[][] z = a.model().samplePrior(4, new SplittableRandom(3));
                    assertThat(a.model().decode(z)).as(shipped.toString()).isEqualTo(b.model().decode(z));
                }
            }
        }
    }

    @Test
    void hugeHiddenLayersInTheConfigAreRefusedBeforeTheNetworkIsBuilt() throws Exception {
        Path wide = withConfig("wide.lexb", c -> c.replace("[ 512, 256 ]", "[" + "16384, ".repeat(11) + "16384 ]"));
        assertThatThrownBy(() -> ModelBundle.load(wide)).isInstanceOf(InputException.class)
                .hasMessage(wide + ": config.json: hidden layer size must be between 1 and 8192, got 16384");
        Path deep = withConfig("deep.lexb", c -> c.replace("[ 512, 256 ]", "[" + "8192, ".repeat(11) + "8192 ]"));
        assertThatThrownBy(() -> ModelBundle.load(deep))
                .hasMessageStartingWith(deep + ": the model would hold 1,489,486,612 values (5.5 GiB), more than");
    }

    @Test
    void aHugeInputShapeIsRefusedByName() throws Exception {
        Path big = withConfig("big-input.lexb", c -> c.replace("\"height\" : 28", "\"height\" : 4096")
                .replace("\"width\" : 28", "\"width\" : 4096"));
        assertThatThrownBy(() -> ModelBundle.load(big)).hasMessage(big + ": input shape 4096x4096 has 16777216 values "
                + "per example, more than the 196608 (256x256x3) this program accepts");
    }

    @Test
    void aConfigThatDisagreesWithTheWeightsIsRefusedBeforeBuilding() throws Exception {
        Path narrow = withConfig("narrow.lexb", c -> c.replace("[ 512, 256 ]", "[ 512, 128 ]"));
        assertThatThrownBy(() -> ModelBundle.load(narrow))
                .hasMessage(narrow + ": weight enc1_W has shape [512, 256] but the config describes [512, 128]");
        Path latent = withConfig("latent.lexb", c -> c.replace("\"latentDim\" : 2", "\"latentDim\" : 3"));
        assertThatThrownBy(() -> ModelBundle.load(latent))
                .hasMessage(latent + ": weight zMean_W has shape [256, 2] but the config describes [256, 3]");
        Path gmvae = withConfig("kind.lexb", c -> c.replace("\"kind\" : \"vae\"", "\"kind\" : \"gmvae\""));
        assertThatThrownBy(() -> ModelBundle.load(gmvae)).hasMessage(gmvae + ": weight wMean_W is missing");
    }

    @Test
    void aFlippedBitInTheWeightsIsCaughtByTheCrc() throws Exception {
        Path flipped = copy(SHIPPED, dir.resolve("flipped.lexb"), Map.of(), Set.of(ModelBundle.WEIGHTS));
        assertThat(ModelBundle.load(flipped)).isNotNull(); // stored, not flipped yet: loads
        CraftedBundles.flipStoredByte(flipped, ModelBundle.WEIGHTS);
        assertThatThrownBy(() -> ModelBundle.load(flipped)).isInstanceOf(InputException.class)
                .hasMessageStartingWith(flipped + ": weights.bin is corrupt (its CRC-32 is ")
                .hasMessageEndingWith("the file was damaged after it was written)");
        Path history = copy(SHIPPED, dir.resolve("history.lexb"), Map.of(), Set.of(ModelBundle.HISTORY));
        CraftedBundles.flipStoredByte(history, ModelBundle.HISTORY);
        assertThatThrownBy(() -> ModelBundle.load(history)).hasMessageContaining("history.json is corrupt (its CRC-32");
    }

    @Test
    void aWeightsBombIsStoppedByItsRatioOrByTheSizeItDeclares() throws Exception {
        // A well-formed start (one 8192×8192 array, within the limits), then zeros: 256 MiB packed into 250 KiB.
        Path bomb = copy(SHIPPED, dir.resolve("bomb.lexb"), Map.of(ModelBundle.WEIGHTS, out -> {
            var data = new java.io.DataOutputStream(out);
            data.writeInt(0x4C455857);
            data.writeInt(1);
            data.writeUTF("enc0_W");
            data.writeInt(2);
            data.writeLong(8192);
            data.writeLong(8192);
            CraftedBundles.zeros(256L << 20).writeTo(data);
        }), Set.of());
        assertThatThrownBy(() -> ModelBundle.load(bomb)).isInstanceOf(InputException.class)
                .hasMessageStartingWith(bomb + ": weights.bin inflates more than 200-fold (")
                .hasMessageEndingWith("a ZIP bomb, not a model");
        CraftedBundles.lieAboutSize(bomb, ModelBundle.WEIGHTS, 4_275_692);
        assertThatThrownBy(() -> ModelBundle.load(bomb)).hasMessage(bomb + ": weights.bin inflates past the "
                + "4,275,692 bytes the archive declares for it (the bundle is damaged, or a ZIP bomb)");
    }

    @Test
    void entrySizesDeclaredOverTheCapOrBelowTheContentAreRefused() throws Exception {
        Path declared = copy(SHIPPED, dir.resolve("declared.lexb"), Map.of(), Set.of());
        CraftedBundles.lieAboutSize(declared, ModelBundle.GRAPH, 0xFFFF_FFF0L);
        assertThatThrownBy(() -> ModelBundle.load(declared)).hasMessage(declared
                + ": graph.sdz declares 4,294,967,280 bytes, more than the 21,052,496 this model can need (the bundle "
                + "is damaged, or not a real model)");
        Path small = copy(SHIPPED, dir.resolve("small.lexb"), Map.of(), Set.of());
        CraftedBundles.lieAboutSize(small, ModelBundle.HISTORY, 10);
        assertThatThrownBy(() -> ModelBundle.load(small)).hasMessage(small
                + ": history.json inflates past the 10 bytes the archive declares for it (the bundle is damaged, or a "
                + "ZIP bomb)");
    }

    @Test
    void anArchiveOfManyEntriesIsNotAModel() throws Exception {
        Path many = dir.resolve("many.lexb");
        try (ZipOutputStream z = new ZipOutputStream(Files.newOutputStream(many))) {
            for (int i = 0; i < 100; i++) {
                z.putNextEntry(new ZipEntry("e" + i));
                z.closeEntry();
            }
        }
        assertThatThrownBy(() -> ModelBundle.load(many))
                .hasMessage(many + ": not a Latent Explorer model (the archive holds 100 entries)");
    }

    private Path withConfig(String name, java.util.function.UnaryOperator<String> edit) throws IOException {
        String config = entryText(SHIPPED, ModelBundle.CONFIG);
        String edited = edit.apply(config);
        assertThat(edited).isNotEqualTo(config);
        return copy(SHIPPED, dir.resolve(name), Map.of(ModelBundle.CONFIG, text(edited)), Set.of());
    }

    private Path copyWithout(Path bundle, String entry) throws IOException {
        Path out = dir.resolve("without-" + bundle.getFileName());
        try (var z = new java.util.zip.ZipFile(bundle.toFile()); var zo = new ZipOutputStream(Files.newOutputStream(out))) {
            for (ZipEntry e : java.util.Collections.list(z.entries())) {
                if (!e.getName().equals(entry)) {
                    zo.putNextEntry(new ZipEntry(e.getName()));
                    z.getInputStream(e).transferTo(zo);
                    zo.closeEntry();
                }
            }
        }
        return out;
    }
}
