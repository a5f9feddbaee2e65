package org.latentexplorer.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.latentexplorer.common.InputException;

class IdxReaderTest {
    @TempDir
    Path dir;

    @Test
    void readsRawAndGzipAlikeAndScalesPixelsToUnitRange() throws IOException {
        Path raw = Files.write(dir.resolve("raw-images-idx3-ubyte"), Fixtures.idxImages(5, 3, 4));
        Path gz = Files.write(dir.resolve("gz-images-idx3-ubyte.gz"), Fixtures.gzip(Fixtures.idxImages(5, 3, 4)));
        Dataset a = IdxReader.read("a", raw, null, null);
        Dataset b = IdxReader.read("b", gz, null, null);
        assertThat(a.size()).isEqualTo(5);
        assertThat(a.shape()).isEqualTo(ImageShape.grey(3, 4));
        assertThat(a.values()).containsExactly(b.values());
        assertThat(a.values()[1 * 12 + 2]).isEqualTo((1 * 7 + 2) / 255f);
        assertThat(a.hasLabels()).isFalse();
    }

    @Test
    void gzipIsDetectedByMagicBytesNotByFileName() throws IOException {
        Path gzNamedRaw = Files.write(dir.resolve("x-images-idx3-ubyte"), Fixtures.gzip(Fixtures.idxImages(2, 2, 2)));
        Path rawNamedGz = Files.write(dir.resolve("y-images-idx3-ubyte.gz"), Fixtures.idxImages(2, 2, 2));
        assertThat(IdxReader.read("x", gzNamedRaw, null, null).size()).isEqualTo(2);
        assertThat(IdxReader.read("y", rawNamedGz, null, null).size()).isEqualTo(2);
    }

    @Test
    void labelsFileIsFoundBesideImagesByUsualNaming() throws IOException {
        Path images = Files.write(dir.resolve("train-images-idx3-ubyte.gz"), Fixtures.gzip(Fixtures.idxImages(6, 2, 2)));
        Files.write(dir.resolve("train-labels-idx1-ubyte.gz"), Fixtures.gzip(Fixtures.idxLabels(6, 3)));
        Path labels = IdxReader.labelsBeside(images);
        Dataset d = IdxReader.read("t", images, labels, null);
        assertThat(d.labels()).containsExactly(0, 1, 2, 0, 1, 2);
        assertThat(d.labelNames()).containsExactly("0", "1", "2");
    }

    @Test
    void truncatedIdxFileNamesFileAndOffset() throws IOException {
        byte[] full = Fixtures.idxImages(4, 3, 3);
        Path cut = Files.write(dir.resolve("cut-images-idx3-ubyte"), Arrays.copyOf(full, 16 + 20));
        assertThatThrownBy(() -> IdxReader.read("c", cut, null, null))
                .isInstanceOf(InputException.class)
                .hasMessageContaining(cut.toString())
                .hasMessageContaining("truncated at byte offset 36");
    }

    @Test
    void truncatedGzipIdxFileNamesFileAndOffset() throws IOException {
        byte[] gz = Fixtures.gzip(Fixtures.idxImages(200, 28, 28));
        Path cut = Files.write(dir.resolve("cut.gz"), Arrays.copyOf(gz, gz.length / 2));
        assertThatThrownBy(() -> IdxReader.read("c", cut, null, null))
                .isInstanceOf(InputException.class)
                .hasMessageContaining(cut.toString())
                .hasMessageMatching(".*truncated at byte offset \\d+.*");
    }

    @Test
    void wrongMagicNumberIsRejectedWithExpectedValue() throws IOException {
        Path labels = Files.write(dir.resolve("labels-idx1-ubyte"), Fixtures.idxLabels(3, 2));
        assertThatThrownBy(() -> IdxReader.read("w", labels, null, null))
                .isInstanceOf(InputException.class)
                .hasMessageContaining(labels.toString())
                .hasMessageContaining("0x00000801")
                .hasMessageContaining("expected 0x00000803");
    }

    @Test
    void labelCountMismatchNamesBothFiles() throws IOException {
        Path images = Files.write(dir.resolve("m-images-idx3-ubyte"), Fixtures.idxImages(5, 2, 2));
        Path labels = Files.write(dir.resolve("m-labels-idx1-ubyte"), Fixtures.idxLabels(4, 2));
        assertThatThrownBy(() -> IdxReader.read("m", images, labels, null))
                .isInstanceOf(InputException.class)
                .hasMessageContaining("4 labels").hasMessageContaining("5 images")
                .hasMessageContaining(labels.toString()).hasMessageContaining(images.toString());
    }

    @Test
    void extraBytesAfterDeclaredImagesAreRejected() throws IOException {
        byte[] full = Fixtures.idxImages(2, 2, 2);
        Path padded = Files.write(dir.resolve("p-images-idx3-ubyte"), Arrays.copyOf(full, full.length + 3));
        assertThatThrownBy(() -> IdxReader.read("p", padded, null, null))
                .isInstanceOf(InputException.class).hasMessageContaining("after byte offset 24");
    }

    @Test
    void missingFileIsNamed() {
        Path missing = dir.resolve("nope-images-idx3-ubyte.gz");
        assertThatThrownBy(() -> IdxReader.read("n", missing, null, null))
                .isInstanceOf(InputException.class).hasMessage(missing + ": file not found");
    }

    @Test
    void embeddedAssetsHaveTheDocumentedChecksums() throws Exception {
        assertThat(sha256("/assets/fashion-mnist/t10k-images-idx3-ubyte.gz"))
                .isEqualTo(DatasetCatalog.DEBIAN_FASHION_SHA256.get("t10k-images-idx3-ubyte.gz"));
        assertThat(sha256("/assets/fashion-mnist/t10k-labels-idx1-ubyte.gz"))
                .isEqualTo(DatasetCatalog.DEBIAN_FASHION_SHA256.get("t10k-labels-idx1-ubyte.gz"));
        assertThat(sha256("/assets/mnist/images-idx3-ubyte.gz"))
                .isEqualTo("cb1dc9a74661035dbc4f35a8642edfa4b3e59291a6a3e0ad097da5f764409dbe");
        assertThat(sha256("/assets/mnist/labels-idx1-ubyte.gz"))
                .isEqualTo("65556e049d5f0ec2f985ecdbe3261120bbd8f165721107f40df2b2cd5bba1606");
    }

    @Test
    void streamsReadWithGivenLabelNames() throws IOException {
        try (InputStream im = new java.io.ByteArrayInputStream(Fixtures.idxImages(3, 2, 2));
             InputStream lb = new java.io.ByteArrayInputStream(Fixtures.idxLabels(3, 2))) {
            Dataset d = IdxReader.read("s", im, "im", lb, "lb", List.of("no", "yes"));
            assertThat(d.labelNames()).containsExactly("no", "yes");
        }
    }

    private static String sha256(String resource) throws Exception {
        try (InputStream in = IdxReaderTest.class.getResourceAsStream(resource)) {
            assertThat(in).as(resource).isNotNull();
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(in.readAllBytes()));
        }
    }
}
