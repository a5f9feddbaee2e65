package org.latentexplorer.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.latentexplorer.common.InputException;

class DatasetResolverTest {
    @TempDir
    Path cacheDir;
    @TempDir
    Path other;

    private DatasetResolver offline(Path systemDir) {
        return new DatasetResolver(new DatasetCache(cacheDir), systemDir, null);
    }

    private static void idxPair(Path dir, String prefix, int n) throws IOException {
        Files.createDirectories(dir);
        Files.write(dir.resolve(prefix + "-images-idx3-ubyte.gz"), Fixtures.gzip(Fixtures.idxImages(n, 28, 28)));
        Files.write(dir.resolve(prefix + "-labels-idx1-ubyte.gz"), Fixtures.gzip(Fixtures.idxLabels(n, 10)));
    }

    @Test
    void embeddedMnistSplitsAreFirst9000AndLast1000() {
        DatasetResolver r = offline(null);
        Dataset all = r.resolve("mnist", Split.ALL);
        Dataset train = r.resolve("mnist", Split.TRAIN);
        Dataset test = r.resolve("mnist", Split.TEST);
        assertThat(all.size()).isEqualTo(10000);
        assertThat(train.size()).isEqualTo(9000);
        assertThat(test.size()).isEqualTo(1000);
        assertThat(test.row(0)).containsExactly(all.row(9000));
        assertThat(all.labelNames()).containsExactly("0", "1", "2", "3", "4", "5", "6", "7", "8", "9");
        assertThat(all.shape()).isEqualTo(ImageShape.grey(28, 28));
    }

    @Test
    void fashionMnistTestIsEmbeddedAndTrainComesFromSystemFolder() throws IOException {
        Path system = other.resolve("fashion-mnist");
        idxPair(system, "train", 7);
        DatasetResolver r = offline(system);
        KnownDataset fashion = DatasetCatalog.find("fashion-mnist").orElseThrow();
        assertThat(r.locate(fashion).get(Split.TEST).origin()).isEqualTo(DatasetResolver.Origin.EMBEDDED);
        assertThat(r.locate(fashion).get(Split.TRAIN).origin()).isEqualTo(DatasetResolver.Origin.SYSTEM);
        Dataset test = r.resolve("fashion-mnist", Split.TEST);
        assertThat(test.size()).isEqualTo(10000);
        assertThat(test.labelNames()).containsExactlyElementsOf(DatasetCatalog.FASHION_LABELS);
        assertThat(r.resolve("fashion-mnist", Split.TRAIN).size()).isEqualTo(7);
        assertThat(r.resolve("fashion-mnist", Split.ALL).size()).isEqualTo(10007);
    }

    @Test
    void userCacheComesBeforeSystemFolder() throws IOException {
        Path system = other.resolve("fashion-mnist");
        idxPair(system, "train", 7);
        idxPair(cacheDir.resolve("fashion-mnist"), "train", 3);
        DatasetResolver r = offline(system);
        assertThat(r.resolve("fashion-mnist", Split.TRAIN).size()).isEqualTo(3);
    }

    @Test
    void missingDownloadOfflineNamesCacheFolderAndUrl() {
        DatasetResolver r = offline(null);
        assertThatThrownBy(() -> r.resolve("mnist-full", Split.TRAIN))
                .isInstanceOf(InputException.class)
                .hasMessageContaining(cacheDir.resolve("mnist-full").toString())
                .hasMessageContaining("https://storage.googleapis.com/cvdf-datasets/mnist/train-images-idx3-ubyte.gz");
    }

    @Test
    void cachedCifarAndFreyAreSplitAsDocumented() throws IOException {
        Path b = Files.createDirectories(cacheDir.resolve("cifar-10/cifar-10-batches-bin"));
        Files.write(b.resolve("data_batch_1.bin"), Fixtures.cifarRecords(2));
        Files.write(b.resolve("test_batch.bin"), Fixtures.cifarRecords(1));
        DatasetResolver r = offline(null);
        assertThat(r.resolve("cifar-10", Split.TRAIN).size()).isEqualTo(2);
        assertThat(r.resolve("cifar-10", Split.ALL).size()).isEqualTo(3);
        Path ml = Files.createDirectories(cacheDir.resolve("movielens-100k"));
        StringBuilder ratings = new StringBuilder();
        for (int u = 1; u <= 845; u++) {
            ratings.append(u).append('\t').append(1 + u % 3).append("\t4\t0\n");
        }
        Files.writeString(ml.resolve("u.data"), ratings);
        assertThat(r.resolve("movielens-100k", Split.TRAIN).size()).isEqualTo(843);
        assertThat(r.resolve("movielens-100k", Split.TEST).size()).isEqualTo(2);
    }

    @Test
    void pathsAreReadWithLabelsFoundBeside() throws IOException {
        idxPair(other, "train", 5);
        DatasetResolver r = offline(null);
        Dataset d = r.resolve(other.resolve("train-images-idx3-ubyte.gz").toString(), Split.ALL);
        assertThat(d.size()).isEqualTo(5);
        assertThat(d.hasLabels()).isTrue();
        Path csv = Files.writeString(other.resolve("m.csv"), "1,2\n3,4\n");
        assertThatThrownBy(() -> r.resolve(csv.toString(), Split.TEST))
                .isInstanceOf(InputException.class).hasMessageContaining("no test split");
    }

    @Test
    void unknownNameListsKnownNames() {
        assertThatThrownBy(() -> offline(null).resolve("no-such-set", Split.ALL))
                .isInstanceOf(InputException.class)
                .hasMessageContaining("'no-such-set'").hasMessageContaining("mnist, mnist-full");
    }

    @Test
    void importedNameResolvesThroughTheLibrary() throws IOException {
        Path csv = Files.writeString(other.resolve("m.csv"), "v,label\n1,a\n3,b\n");
        DatasetResolver r = offline(null);
        r.library().put(new UserLibrary.Entry("mine", csv.toString(), "CSV",
                new ReadOptions(0, 0, 0, "label", false, null), 2, "1x1x1", 2, "now"));
        Dataset d = r.resolve("mine", Split.ALL);
        assertThat(d.id()).isEqualTo("mine");
        assertThat(d.labelNames()).containsExactly("a", "b");
        assertThat(new UserLibrary(cacheDir.resolve("library.json")).find("mine")).isPresent();
    }

    @Test
    void cacheFolderPrecedenceIsPropertyEnvXdgHome() {
        Properties p = new Properties();
        p.setProperty("user.home", "/home/u");
        assertThat(DatasetCache.defaultDir(p, Map.of())).isEqualTo(Path.of("/home/u/.cache/latent-explorer"));
        assertThat(DatasetCache.defaultDir(p, Map.of("XDG_CACHE_HOME", "/x"))).isEqualTo(Path.of("/x/latent-explorer"));
        assertThat(DatasetCache.defaultDir(p, Map.of("XDG_CACHE_HOME", "/x", "LATENT_EXPLORER_CACHE", "/e")))
                .isEqualTo(Path.of("/e"));
        p.setProperty(DatasetCache.PROPERTY, "/p");
        assertThat(DatasetCache.defaultDir(p, Map.of("LATENT_EXPLORER_CACHE", "/e"))).isEqualTo(Path.of("/p"));
    }

    @Test
    void catalogPinsAChecksumForEveryDownload() {
        for (KnownDataset d : DatasetCatalog.all()) {
            for (RemoteFile f : d.downloads()) {
                assertThat(f.sha256() != null || f.md5() != null).as(f.url()).isTrue();
                assertThat(f.url()).startsWith("http");
            }
        }
    }
}
