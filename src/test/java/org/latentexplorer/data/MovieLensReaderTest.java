package org.latentexplorer.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.latentexplorer.common.InputException;

class MovieLensReaderTest {
    @TempDir
    Path dir;

    private static final String RATINGS = "2\t3\t5\t881250949\n1\t1\t1\t891717742\n1\t3\t3\t878887116\n";

    @Test
    void ratingsBecomeUserByItemMatrixScaledWithMissingAsNaN() throws IOException {
        Path f = Files.writeString(dir.resolve("u.data"), RATINGS);
        Dataset d = MovieLensReader.read("ml", f);
        assertThat(d.size()).isEqualTo(2);
        assertThat(d.shape()).isEqualTo(ImageShape.vector(3));
        assertThat(d.row(0)).containsExactly(0f, Float.NaN, 0.5f);
        assertThat(d.row(1)).containsExactly(Float.NaN, Float.NaN, 1f);
        assertThat(DatasetFiles.detect(f)).isEqualTo(DatasetFiles.Format.MOVIELENS);
    }

    @Test
    void zipArchiveIsReadInPlace() throws IOException {
        Path zip = dir.resolve("ml-100k.zip");
        try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(zip))) {
            out.putNextEntry(new ZipEntry("ml-100k/README"));
            out.write("readme".getBytes(StandardCharsets.UTF_8));
            out.putNextEntry(new ZipEntry("ml-100k/u.data"));
            out.write(RATINGS.getBytes(StandardCharsets.UTF_8));
        }
        assertThat(MovieLensReader.read("ml", zip).size()).isEqualTo(2);
        assertThat(DatasetFiles.detect(zip)).isEqualTo(DatasetFiles.Format.MOVIELENS);
    }

    @Test
    void ratingOutsideOneToFiveIsRejectedWithLine() throws IOException {
        Path f = Files.writeString(dir.resolve("u.data"), "1\t1\t4\t0\n1\t2\t6\t0\n");
        assertThatThrownBy(() -> MovieLensReader.read("ml", f))
                .isInstanceOf(InputException.class).hasMessageContaining(f + ": line 2: rating 6");
    }

    @Test
    void duplicateRatingIsRejected() throws IOException {
        Path f = Files.writeString(dir.resolve("u.data"), "1\t1\t4\t0\n1\t1\t2\t0\n");
        assertThatThrownBy(() -> MovieLensReader.read("ml", f))
                .isInstanceOf(InputException.class).hasMessageContaining("line 2");
    }
}
