package org.latentexplorer.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.latentexplorer.common.CancelToken;
import org.latentexplorer.common.InputException;

class ImageFolderReaderTest {
    @TempDir
    Path dir;

    @Test
    void subFoldersBecomeLabelsInNaturalOrder() throws IOException {
        Fixtures.greyPng(dir.resolve("s10/1.png"), 4, 3, 200);
        Fixtures.greyPng(dir.resolve("s2/1.png"), 4, 3, 100);
        Fixtures.pgmP5(dir.resolve("s2/2.pgm"), 4, 3, new byte[12]);
        Files.writeString(dir.resolve("s2/README.txt"), "not an image");
        Dataset d = ImageFolderReader.read("f", dir, ImageFolderReader.Options.DEFAULT, CancelToken.NONE);
        assertThat(d.labelNames()).containsExactly("s2", "s10");
        assertThat(d.labels()).containsExactly(0, 0, 1);
        assertThat(d.shape()).isEqualTo(ImageShape.grey(4, 3));
        // Grey PNG samples are read as stored, not gamma-converted.
        assertThat(d.values()[0]).isCloseTo(100 / 255f, within(1e-6f));
        assertThat(d.values()[2 * 12]).isCloseTo(200 / 255f, within(1e-6f));
    }

    @Test
    void imagesDirectlyInFolderGiveNoLabels() throws IOException {
        Fixtures.greyPng(dir.resolve("a.png"), 2, 2, 0);
        Fixtures.greyPng(dir.resolve("b.png"), 2, 2, 255);
        Dataset d = ImageFolderReader.read("f", dir, ImageFolderReader.Options.DEFAULT, CancelToken.NONE);
        assertThat(d.hasLabels()).isFalse();
        assertThat(d.size()).isEqualTo(2);
    }

    @Test
    void plainAndRawPgmAreReadWithCommentsAndSixteenBits() throws IOException {
        Files.writeString(dir.resolve("p2.pgm"), "P2\n# comment\n2 1\n# another\n4\n0 4\n", StandardCharsets.US_ASCII);
        Raster p2 = PgmReader.read(dir.resolve("p2.pgm"));
        assertThat(p2.values()).containsExactly(0f, 1f);
        byte[] head = "P5 1 1 65535\n".getBytes(StandardCharsets.US_ASCII);
        byte[] file = java.util.Arrays.copyOf(head, head.length + 2);
        file[head.length] = (byte) 0x80;
        Files.write(dir.resolve("p5.pgm"), file);
        assertThat(PgmReader.read(dir.resolve("p5.pgm")).values()[0]).isCloseTo(0x8000 / 65535f, within(1e-6f));
    }

    @Test
    void colourImagesAreResizedAndKeptAsRgb() throws IOException {
        Fixtures.rgbImage(dir.resolve("red.png"), "png", 8, 8, 0xff0000);
        Fixtures.rgbImage(dir.resolve("blue.jpg"), "jpg", 16, 4, 0x0000ff);
        Dataset d = ImageFolderReader.read("c", dir, new ImageFolderReader.Options(4, 4, 0), CancelToken.NONE);
        assertThat(d.shape()).isEqualTo(new ImageShape(3, 4, 4));
        assertThat(d.values()[0]).isCloseTo(0f, within(0.1f));         // blue.jpg: red channel (natural order b < r)
        assertThat(d.values()[2 * 16]).isCloseTo(1f, within(0.1f));    // blue.jpg: blue channel
        assertThat(d.values()[48]).isCloseTo(1f, within(1e-6f));       // red.png: red channel
    }

    @Test
    void greyOptionConvertsColourWithLumaWeights() throws IOException {
        Fixtures.rgbImage(dir.resolve("g.png"), "png", 2, 2, 0x00ff00);
        Dataset d = ImageFolderReader.read("g", dir, new ImageFolderReader.Options(0, 0, 1), CancelToken.NONE);
        assertThat(d.shape().channels()).isEqualTo(1);
        assertThat(d.values()[0]).isCloseTo(0.587f, within(1e-5f));
    }

    @Test
    void resizingAveragesAreasWhenShrinking() {
        Raster r = new Raster(1, 2, 2, new float[] {0, 1, 1, 0});
        assertThat(r.resize(1, 1).values()[0]).isCloseTo(0.5f, within(1e-6f));
        assertThat(r.resize(4, 4).values()).hasSize(16);
    }

    @Test
    void imageOfAnotherSizeWhereOneIsRequiredNamesBothFiles() throws IOException {
        Fixtures.greyPng(dir.resolve("a.png"), 2, 2, 0);
        Fixtures.greyPng(dir.resolve("b.png"), 3, 2, 0);
        assertThatThrownBy(() -> ImageFolderReader.read("s", dir, ImageFolderReader.Options.DEFAULT, CancelToken.NONE))
                .isInstanceOf(InputException.class)
                .hasMessageContaining(dir.resolve("b.png").toString())
                .hasMessageContaining("3x2").hasMessageContaining("2x2");
    }

    @Test
    void emptyFolderIsRejected() {
        assertThatThrownBy(() -> ImageFolderReader.read("e", dir, ImageFolderReader.Options.DEFAULT, CancelToken.NONE))
                .isInstanceOf(InputException.class).hasMessage(dir + ": folder is empty");
    }

    @Test
    void folderWithNoImagesIsRejected() throws IOException {
        Files.writeString(dir.resolve("notes.txt"), "hello");
        Files.createDirectories(dir.resolve("sub"));
        Files.writeString(dir.resolve("sub/x.png"), "not really a png");
        assertThatThrownBy(() -> ImageFolderReader.read("e", dir, ImageFolderReader.Options.DEFAULT, CancelToken.NONE))
                .isInstanceOf(InputException.class).hasMessageContaining(dir + ": contains no images");
    }

    @Test
    void corruptImageIsNamed() throws IOException {
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10, 0, 0, 0, 0};
        Files.write(dir.resolve("bad.png"), png);
        assertThatThrownBy(() -> ImageFolderReader.read("b", dir, ImageFolderReader.Options.DEFAULT, CancelToken.NONE))
                .isInstanceOf(InputException.class).hasMessageContaining(dir.resolve("bad.png").toString());
    }
}
