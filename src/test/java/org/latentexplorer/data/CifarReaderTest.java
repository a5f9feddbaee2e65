package org.latentexplorer.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.latentexplorer.common.CancelToken;
import org.latentexplorer.common.InputException;

class CifarReaderTest {
    @TempDir
    Path dir;

    @Test
    void batchFileGivesChannelMajorPixelsAndLabels() throws IOException {
        Path bin = Files.write(dir.resolve("test_batch.bin"), Fixtures.cifarRecords(3));
        Dataset d = CifarReader.read("c", bin, Split.ALL, CancelToken.NONE);
        assertThat(d.size()).isEqualTo(3);
        assertThat(d.shape()).isEqualTo(new ImageShape(3, 32, 32));
        assertThat(d.labels()).containsExactly(0, 1, 2);
        assertThat(d.labelNames()).hasSize(10).startsWith("airplane");
        assertThat(d.values()[3072 + 1024]).isEqualTo(((1 + 1024) % 256) / 255f); // example 1, first green value
    }

    @Test
    void folderSplitsTrainAndTestAndReadsLabelNamesFromMeta() throws IOException {
        Path b = Files.createDirectories(dir.resolve("cifar-10-batches-bin"));
        Files.write(b.resolve("data_batch_1.bin"), Fixtures.cifarRecords(2));
        Files.write(b.resolve("data_batch_2.bin"), Fixtures.cifarRecords(3));
        Files.write(b.resolve("test_batch.bin"), Fixtures.cifarRecords(1));
        Files.writeString(b.resolve("batches.meta.txt"), "a\nb\nc\nd\ne\nf\ng\nh\ni\nj\n\n", StandardCharsets.US_ASCII);
        assertThat(CifarReader.read("c", dir, Split.TRAIN, CancelToken.NONE).size()).isEqualTo(5);
        assertThat(CifarReader.read("c", dir, Split.TEST, CancelToken.NONE).size()).isEqualTo(1);
        Dataset all = CifarReader.read("c", dir, Split.ALL, CancelToken.NONE);
        assertThat(all.size()).isEqualTo(6);
        assertThat(all.labelNames()).startsWith("a", "b");
        assertThat(DatasetFiles.detect(dir)).isEqualTo(DatasetFiles.Format.CIFAR);
    }

    @Test
    void tarGzArchiveIsReadWithoutExtracting() throws IOException {
        byte[] tar = Fixtures.tar(
                "cifar-10-batches-bin/batches.meta.txt", "p\nq\nr\ns\nt\nu\nv\nw\nx\ny\n".getBytes(StandardCharsets.US_ASCII),
                "cifar-10-batches-bin/test_batch.bin", Fixtures.cifarRecords(2),
                "cifar-10-batches-bin/data_batch_2.bin", Fixtures.cifarRecords(3),
                "cifar-10-batches-bin/data_batch_1.bin", Fixtures.cifarRecords(1));
        Path archive = Files.write(dir.resolve("cifar-10-binary.tar.gz"), Fixtures.gzip(tar));
        Dataset train = CifarReader.read("c", archive, Split.TRAIN, CancelToken.NONE);
        assertThat(train.size()).isEqualTo(4);
        assertThat(train.labels()).containsExactly(0, 0, 1, 2); // batch 1 before batch 2
        assertThat(train.labelNames()).startsWith("p", "q");
        assertThat(CifarReader.read("c", archive, Split.TEST, CancelToken.NONE).size()).isEqualTo(2);
        assertThat(DatasetFiles.detect(archive)).isEqualTo(DatasetFiles.Format.CIFAR);
    }

    @Test
    void truncatedCifarRecordNamesFileRecordAndOffset() throws IOException {
        byte[] two = Fixtures.cifarRecords(2);
        Path bin = Files.write(dir.resolve("data_batch_1.bin"), Arrays.copyOf(two, two.length - 100));
        assertThatThrownBy(() -> CifarReader.read("c", bin, Split.ALL, CancelToken.NONE))
                .isInstanceOf(InputException.class)
                .hasMessageContaining(bin.toString())
                .hasMessageContaining("truncated CIFAR record 1 at byte offset 3073");
    }

    @Test
    void corruptTarIsRejected() throws IOException {
        byte[] tar = Fixtures.tar("test_batch.bin", Fixtures.cifarRecords(1));
        tar[130] = 'x';
        Path archive = Files.write(dir.resolve("broken.tar"), tar);
        assertThatThrownBy(() -> CifarReader.read("c", archive, Split.ALL, CancelToken.NONE))
                .isInstanceOf(InputException.class).hasMessageContaining(archive.toString());
    }
}
