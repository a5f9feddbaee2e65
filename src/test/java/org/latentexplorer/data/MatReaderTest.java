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
import org.latentexplorer.common.InputException;
import us.hebi.matlab.mat.format.Mat5;
import us.hebi.matlab.mat.types.MatFile;
import us.hebi.matlab.mat.types.MatlabType;
import us.hebi.matlab.mat.types.Matrix;

class MatReaderTest {
    @TempDir
    Path dir;

    /** A Frey-like file: ff is uint8 560 × n, pixel k of face i = (i + k) % 256. */
    private Path freyFixture(int n) throws IOException {
        Matrix ff = Mat5.newMatrix(560, n, MatlabType.UInt8);
        for (int i = 0; i < n; i++) {
            for (int k = 0; k < 560; k++) {
                ff.setByte(k, i, (byte) ((i + k) % 256));
            }
        }
        MatFile mat = Mat5.newMatFile().addArray("ff", ff);
        Path file = dir.resolve("frey_rawface.mat");
        Mat5.writeToFile(mat, file.toFile());
        return file;
    }

    @Test
    void freyFacesAreColumnsOf28By20Pixels() throws IOException {
        Path file = freyFixture(4);
        Dataset d = MatReader.readFreyFaces("frey", file);
        assertThat(d.size()).isEqualTo(4);
        assertThat(d.shape()).isEqualTo(ImageShape.grey(28, 20));
        assertThat(d.values()[2 * 560 + 21]).isEqualTo(23 / 255f); // face 2, row 1, column 1
        assertThat(DatasetFiles.detect(file)).isEqualTo(DatasetFiles.Format.MAT);
        assertThat(MatReader.read("any", file, null).size()).isEqualTo(4);
    }

    @Test
    void otherMatricesAreRowsAndSquareRowsAreImages() throws IOException {
        Matrix x = Mat5.newMatrix(3, 16);
        x.setDouble(1, 5, 0.25);
        Mat5.writeToFile(Mat5.newMatFile().addArray("X", x), dir.resolve("x.mat").toFile());
        Dataset d = MatReader.read("x", dir.resolve("x.mat"), null);
        assertThat(d.size()).isEqualTo(3);
        assertThat(d.shape()).isEqualTo(ImageShape.grey(4, 4));
        assertThat(d.values()[16 + 5]).isEqualTo(0.25f);
    }

    @Test
    void foreignFileWithMatExtensionIsRejected() throws IOException {
        Path f = Files.writeString(dir.resolve("faces.mat"), "this is a text file, not MATLAB data");
        assertThatThrownBy(() -> MatReader.readFreyFaces("f", f))
                .isInstanceOf(InputException.class).hasMessageContaining(f + ": not a MATLAB .mat file");
    }

    @Test
    void corruptMatFileIsRejected() throws IOException {
        byte[] good = Files.readAllBytes(freyFixture(3));
        Path bad = Files.write(dir.resolve("bad.mat"), Arrays.copyOf(good, 200));
        assertThatThrownBy(() -> MatReader.readFreyFaces("f", bad))
                .isInstanceOf(InputException.class).hasMessageContaining(bad.toString());
    }

    @Test
    void matlab73FilesAreExplained() throws IOException {
        byte[] head = Arrays.copyOf("MATLAB 7.3 MAT-file, Platform: GLNXA64".getBytes(StandardCharsets.US_ASCII), 512);
        Path f = Files.write(dir.resolve("new.mat"), head);
        assertThatThrownBy(() -> MatReader.read("f", f, null))
                .isInstanceOf(InputException.class).hasMessageContaining("MATLAB 7.3").hasMessageContaining("-v7");
    }

    @Test
    void missingVariableListsWhatIsThere() throws IOException {
        Mat5.writeToFile(Mat5.newMatFile().addArray("other", Mat5.newMatrix(2, 2)), dir.resolve("o.mat").toFile());
        assertThatThrownBy(() -> MatReader.readFreyFaces("f", dir.resolve("o.mat")))
                .isInstanceOf(InputException.class).hasMessageContaining("no variable 'ff'").hasMessageContaining("other");
    }
}
