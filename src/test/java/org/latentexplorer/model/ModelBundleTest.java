package org.latentexplorer.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.latentexplorer.common.InputException;
import org.latentexplorer.data.ImageShape;

class ModelBundleTest {
    @TempDir
    static Path dir;
    static Path good;
    static SameDiffModel model;

    @BeforeAll
    static void saveOne() throws Exception {
        model = Models.create(new ModelConfig("vae", "dense", ImageShape.grey(3, 3), 2, List.of(8),
                Likelihood.gaussian(0.01), "unit", "tiny", List.of("a", "b"), Map.of()), 9);
        good = dir.resolve("good.lexb");
        ModelBundle b = new ModelBundle(model, new TrainingHistory("latent-explorer train ...", 9, List.of()),
                Map.of("test", Map.of("loss", 1.5)), Map.of("clusterNames", Map.of("0", "smile")));
        b.save(good);
    }

    @Test
    void saveThenLoadGivesIdenticalDecodesAndMetadata() {
        float[][] z = model.samplePrior(5, new SplittableRandom(2));
        try (ModelBundle b = ModelBundle.load(good)) {
            assertThat(b.model().decode(z)).isEqualTo(model.decode(z));
            assertThat(b.config()).isEqualTo(model.config());
            assertThat(b.config().likelihood()).isEqualTo(Likelihood.gaussian(0.01));
            assertThat(b.history().command()).isEqualTo("latent-explorer train ...");
            assertThat(b.evaluation()).containsKey("test");
            assertThat(b.annotations()).containsKey("clusterNames");
        }
    }

    @Test
    void truncatedBundleNamesTheFile() throws Exception {
        byte[] all = Files.readAllBytes(good);
        Path cut = dir.resolve("cut.lexb");
        Files.write(cut, java.util.Arrays.copyOf(all, all.length / 2));
        assertThatThrownBy(() -> ModelBundle.load(cut)).isInstanceOf(InputException.class)
                .hasMessageContaining("cut.lexb").hasMessageContaining("truncated or corrupt");
    }

    @Test
    void theConfigAloneIsReadWithoutTheModelAndADamagedFileIsNamed() throws Exception {
        assertThat(ModelBundle.readConfig(good)).isEqualTo(model.config());
        byte[] all = Files.readAllBytes(good);
        Path cut = dir.resolve("cut-config.lexb");
        Files.write(cut, java.util.Arrays.copyOf(all, all.length / 2));
        assertThatThrownBy(() -> ModelBundle.readConfig(cut)).isInstanceOf(InputException.class)
                .hasMessageContaining("cut-config.lexb").hasMessageContaining("truncated or corrupt");
        Path text = dir.resolve("notes-config.txt");
        Files.writeString(text, "hello");
        assertThatThrownBy(() -> ModelBundle.readConfig(text)).isInstanceOf(InputException.class)
                .hasMessageContaining("notes-config.txt");
        assertThatThrownBy(() -> ModelBundle.readConfig(dir.resolve("missing.lexb")))
                .hasMessageContaining("no such model file");
    }

    @Test
    void foreignFilesAreRefusedClearly() throws Exception {
        Path text = dir.resolve("notes.txt");
        Files.writeString(text, "hello");
        assertThatThrownBy(() -> ModelBundle.load(text)).isInstanceOf(InputException.class)
                .hasMessageContaining("notes.txt");
        Path zip = dir.resolve("other.zip");
        try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(zip))) {
            out.putNextEntry(new ZipEntry("readme.txt"));
            out.write(1);
        }
        assertThatThrownBy(() -> ModelBundle.load(zip)).hasMessageContaining("other.zip")
                .hasMessageContaining("not a Latent Explorer model");
        assertThatThrownBy(() -> ModelBundle.load(dir.resolve("missing.lexb"))).hasMessageContaining("no such model file");
    }

    @Test
    void newerFormatVersionAndMismatchedShapesAreRefused() throws Exception {
        Path newer = rewrite("newer.lexb", ModelBundle.MANIFEST, "{\"format\":\"latent-explorer-model\",\"version\":99}");
        assertThatThrownBy(() -> ModelBundle.load(newer)).hasMessageContaining("version 99");
        String cfg = new String(entry(ModelBundle.CONFIG)).replace("\"height\" : 3", "\"height\" : 4");
        Path shape = rewrite("shape.lexb", ModelBundle.CONFIG, cfg);
        assertThatThrownBy(() -> ModelBundle.load(shape)).hasMessageContaining("shape.lexb")
                .hasMessageContaining("has shape").hasMessageContaining("but the config describes");
        Path badCfg = rewrite("badcfg.lexb", ModelBundle.CONFIG, "{\"kind\":\"vae\",\"arch\":\"dense\",\"latentDim\":0}");
        assertThatThrownBy(() -> ModelBundle.load(badCfg)).hasMessageContaining("badcfg.lexb")
                .hasMessageContaining("config.json");
    }

    @Test
    void aBundleHoldsItsWeightsOnceAndOneOfVersionOneStillLoadsThroughItsSavedGraph() throws Exception {
        try (ZipFile z = new ZipFile(good.toFile())) {
            assertThat(z.getEntry(ModelBundle.WEIGHTS)).isNotNull();
            assertThat(z.getEntry(ModelBundle.GRAPH)).as("the weights are not stored a second time").isNull();
        }
        // A bundle as version 1 wrote them: SameDiff's graph with its weights, no weights.bin.
        Path graphOnly = dir.resolve("graph-only.lexb");
        java.nio.ByteBuffer graph = model.graph().asFlatBuffers(false);
        try (ZipFile z = new ZipFile(good.toFile()); OutputStream os = Files.newOutputStream(graphOnly);
             ZipOutputStream zo = new ZipOutputStream(os)) {
            for (var e : java.util.Collections.list(z.entries())) {
                if (e.getName().equals(ModelBundle.WEIGHTS)) {
                    continue;
                }
                zo.putNextEntry(new ZipEntry(e.getName()));
                zo.write(e.getName().equals(ModelBundle.MANIFEST)
                        ? "{\"format\":\"latent-explorer-model\",\"version\":1}".getBytes()
                        : z.getInputStream(e).readAllBytes());
                zo.closeEntry();
            }
            zo.putNextEntry(new ZipEntry(ModelBundle.GRAPH));
            zo.write(graph.array(), graph.position(), graph.array().length - graph.position());
            zo.closeEntry();
        }
        float[][] z = model.samplePrior(3, new SplittableRandom(4));
        try (ModelBundle b = ModelBundle.load(graphOnly)) {
            assertThat(b.model().decode(z)).isEqualTo(model.decode(z));
        }
        Path none = rewriteWithout("no-weights.lexb", ModelBundle.WEIGHTS);
        assertThatThrownBy(() -> ModelBundle.load(none)).isInstanceOf(InputException.class)
                .hasMessage(none + ": the bundle has no weights (weights.bin)");
    }

    @Test
    void truncatedWeightsAreReportedAsSuch() throws Exception {
        byte[] w = entry(ModelBundle.WEIGHTS);
        Path cut = rewriteBytes("cut-weights.lexb", ModelBundle.WEIGHTS, java.util.Arrays.copyOf(w, w.length - 100));
        assertThatThrownBy(() -> ModelBundle.load(cut)).isInstanceOf(InputException.class)
                .hasMessageContaining("cut-weights.lexb").hasMessageContaining("truncated");
    }

    @Test
    void failedSaveLeavesTheOldFileUntouched() throws Exception {
        Path target = dir.resolve("keep.lexb");
        Files.copy(good, target);
        byte[] before = Files.readAllBytes(target);
        assertThatThrownBy(() -> org.latentexplorer.common.AtomicFiles.write(target, out -> {
            out.write(new byte[]{1, 2, 3});
            throw new java.io.IOException("disk full");
        })).hasMessageContaining("disk full");
        assertThat(Files.readAllBytes(target)).isEqualTo(before);
        try (var files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).noneMatch(n -> n.endsWith(".tmp"));
        }
    }

    @Test
    void savingOverAFileAnotherWriterChangedIsRefusedAndTheirVersionKept() throws Exception {
        Path f = dir.resolve("race.lexb");
        Files.copy(good, f);
        try (ModelBundle eval = ModelBundle.load(f); ModelBundle training = ModelBundle.load(f)) {
            training.setHistory(new TrainingHistory("latent-explorer train --out race.lexb", 9, List.of()));
            training.save(f);
            byte[] theirs = Files.readAllBytes(f);
            eval.evaluation().put("train", Map.of("loss", 2.5));
            assertThatThrownBy(() -> eval.save(f)).isInstanceOf(InputException.class)
                    .hasMessageStartingWith(f + ": the file has changed since this program read it (another command "
                            + "or window, e.g. a training run, has written it); not overwriting it");
            assertThat(Files.readAllBytes(f)).isEqualTo(theirs);
            Path elsewhere = dir.resolve("race-eval.lexb");
            eval.save(elsewhere);
            try (ModelBundle back = ModelBundle.load(elsewhere)) {
                assertThat(back.evaluation()).containsKey("train");
            }
        }
    }

    @Test
    void aWriterMayReplaceItsOwnSavesUntilSomeoneElseWritesTheFile() throws Exception {
        Path f = dir.resolve("checkpoints.lexb");
        ModelBundle run = new ModelBundle(model, null, null, null); // not closed: the model is shared with other tests
        run.save(f);
        run.save(f);
        try (ModelBundle window = ModelBundle.load(f)) {
            window.annotations().put("note", "seen");
            window.save(f);
            window.save(f);
        }
        assertThatThrownBy(() -> run.save(f)).hasMessageContaining("the file has changed since this program read it");
        Files.delete(f);
        run.save(f); // a deleted file loses nobody's work
        assertThat(f).exists();
    }

    private static byte[] entry(String name) throws Exception {
        try (ZipFile z = new ZipFile(good.toFile())) {
            return z.getInputStream(z.getEntry(name)).readAllBytes();
        }
    }

    private static Path rewrite(String fileName, String entryName, String content) throws Exception {
        return rewriteBytes(fileName, entryName, content.getBytes());
    }

    private static Path rewriteWithout(String fileName, String entryName) throws Exception {
        return rewriteBytes(fileName, entryName, null);
    }

    /** The good bundle with {@code entryName} holding {@code content}, or left out when it is null. */
    private static Path rewriteBytes(String fileName, String entryName, byte[] content) throws Exception {
        Path out = dir.resolve(fileName);
        try (ZipFile z = new ZipFile(good.toFile()); OutputStream os = Files.newOutputStream(out);
             ZipOutputStream zo = new ZipOutputStream(os)) {
            for (var e : java.util.Collections.list(z.entries())) {
                if (content == null && e.getName().equals(entryName)) {
                    continue;
                }
                zo.putNextEntry(new ZipEntry(e.getName()));
                zo.write(e.getName().equals(entryName) ? content : z.getInputStream(e).readAllBytes());
                zo.closeEntry();
            }
        }
        return out;
    }
}
