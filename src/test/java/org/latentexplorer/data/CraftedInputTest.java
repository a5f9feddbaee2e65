package org.latentexplorer.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.CRC32;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.latentexplorer.common.CancelToken;
import org.latentexplorer.common.InputException;

/**
 * Files made to lie (issue 19): each must be refused with one message naming the file and the
 * problem, before anything of the size it claims is allocated.
 */
class CraftedInputTest {
    @TempDir
    Path dir;

    private static Dataset readPath(Path p) {
        return DatasetFiles.read(p.toString(), p, Split.ALL, ReadOptions.DEFAULT, CancelToken.NONE);
    }

    private static byte[] idxHeader(int n, int h, int w) {
        return ByteBuffer.allocate(16).putInt(0x803).putInt(n).putInt(h).putInt(w).array();
    }

    @Test
    void idxHeaderClaimingMillionsOfImagesOverSixteenBytesIsTruncation() throws IOException {
        Path f = Files.write(dir.resolve("huge-images-idx3-ubyte"), idxHeader(2_700_000, 28, 28));
        assertThatThrownBy(() -> readPath(f)).isInstanceOf(InputException.class)
                .hasMessageStartingWith(f + ": truncated at byte offset 16: header announces 2700000 images of 28x28");
    }

    @Test
    void gzipIdxClaimingMoreThanDeflateCanHoldIsRefusedBeforeReading() throws IOException {
        Path f = Files.write(dir.resolve("huge-images-idx3-ubyte.gz"), Fixtures.gzip(idxHeader(2_700_000, 28, 28)));
        assertThatThrownBy(() -> readPath(f)).isInstanceOf(InputException.class)
                .hasMessageContaining(f + ": header announces 2700000 images")
                .hasMessageContaining("this gzip file can hold at most");
    }

    @Test
    void emptyIdxFileIsCalledEmpty() throws IOException {
        Path f = Files.write(dir.resolve("empty-images-idx3-ubyte"), new byte[0]);
        assertThatThrownBy(() -> readPath(f)).isInstanceOf(InputException.class).hasMessage(f + ": empty file");
        assertThatThrownBy(() -> IdxReader.read("e", f, null, null)).isInstanceOf(InputException.class)
                .hasMessageStartingWith(f + ": empty file");
        Path gz = Files.write(dir.resolve("empty-images-idx3-ubyte.gz"), Fixtures.gzip(new byte[0]));
        assertThatThrownBy(() -> readPath(gz)).isInstanceOf(InputException.class).hasMessageStartingWith(gz + ": empty file");
    }

    @Test
    void idxWithZeroImagesIsRefused() throws IOException {
        Path f = Files.write(dir.resolve("zero-images-idx3-ubyte"), idxHeader(0, 28, 28));
        assertThatThrownBy(() -> readPath(f)).isInstanceOf(InputException.class)
                .hasMessage(f + ": holds no images (its header announces 0 images of 28x28)");
    }

    @Test
    void damagedGzipIsCorruptGzipDataNotACountMismatch() throws IOException {
        byte[] gz = Fixtures.gzip(Fixtures.idxImages(300, 28, 28));
        for (int i = gz.length / 2; i < gz.length / 2 + 64; i++) {
            gz[i] ^= 0x5a;
        }
        Path f = Files.write(dir.resolve("corrupt-images-idx3-ubyte.gz"), gz);
        assertThatThrownBy(() -> readPath(f)).isInstanceOf(InputException.class)
                .hasMessageStartingWith(f + ": corrupt gzip data after ")
                .hasMessageNotContaining("announces");
    }

    @Test
    void cutTarGzIsTruncatedWhereverTheCutFalls() throws IOException {
        byte[] tgz = Fixtures.gzip(Fixtures.tar("cifar-10-batches-bin/data_batch_1.bin", Fixtures.cifarRecords(20)));
        for (int cut : new int[] {40, tgz.length / 3, tgz.length - 4}) {
            Path f = Files.write(dir.resolve("cut" + cut + ".tar.gz"), Arrays.copyOf(tgz, cut));
            assertThatThrownBy(() -> readPath(f)).as("cut at %d", cut).isInstanceOf(InputException.class)
                    .hasMessageStartingWith(f.toString()).hasMessageContaining("truncated")
                    .hasMessageNotContaining("empty");
        }
    }

    @Test
    void damagedTarGzIsCorruptGzipData() throws IOException {
        byte[] tgz = Fixtures.gzip(Fixtures.tar("data_batch_1.bin", Fixtures.cifarRecords(20)));
        for (int i = tgz.length / 2; i < tgz.length / 2 + 64; i++) {
            tgz[i] ^= 0x5a;
        }
        Path f = Files.write(dir.resolve("corrupt.tar.gz"), tgz);
        assertThatThrownBy(() -> CifarReader.read("c", f, Split.ALL, CancelToken.NONE)).isInstanceOf(InputException.class)
                .hasMessageStartingWith(f + ": corrupt gzip data");
    }

    @Test
    void tarEntryClaimingMoreBytesThanPresentIsTruncated() throws IOException {
        byte[] tar = Fixtures.tar("data_batch_1.bin", Fixtures.cifarRecords(4));
        Path f = Files.write(dir.resolve("cut.tar"), Arrays.copyOf(tar, 512 + 3073 * 2 + 100));
        assertThatThrownBy(() -> CifarReader.read("c", f, Split.ALL, CancelToken.NONE)).isInstanceOf(InputException.class)
                .hasMessage(f + ": truncated: the archive ends inside data_batch_1.bin after 6246 of its 12292 bytes");
    }

    @Test
    void pngDeclaringFortyThousandSquaredIsRefusedFromItsHeader() throws IOException {
        Path folder = dir.resolve("png");
        Files.createDirectories(folder);
        Path f = Files.write(folder.resolve("huge.png"), pngHeader(40000, 40000));
        long t0 = System.nanoTime();
        assertThatThrownBy(() -> readPath(folder)).isInstanceOf(InputException.class)
                .hasMessageStartingWith(f + ": image is 40000x40000 pixels");
        assertThat((System.nanoTime() - t0) / 1e9).isLessThan(5); // decoding it would take minutes and gigabytes
    }

    @Test
    void jpegDeclaringHugeSizeIsRefusedFromItsHeader() throws IOException {
        Path folder = dir.resolve("jpg");
        Fixtures.rgbImage(folder.resolve("a.jpg"), "jpg", 8, 8, 0x336699);
        byte[] jpg = Files.readAllBytes(folder.resolve("a.jpg"));
        for (int i = 2; i + 8 < jpg.length; i++) {
            if ((jpg[i] & 0xff) == 0xff && (jpg[i + 1] & 0xff) == 0xc0) { // SOF0: length, precision, height, width
                jpg[i + 5] = (byte) 0xea;
                jpg[i + 6] = 0x60;
                jpg[i + 7] = (byte) 0xea;
                jpg[i + 8] = 0x60;
                break;
            }
        }
        Path f = Files.write(folder.resolve("a.jpg"), jpg);
        assertThatThrownBy(() -> readPath(folder)).isInstanceOf(InputException.class)
                .hasMessageStartingWith(f + ": image is 60000x60000 pixels");
    }

    @Test
    void movieLensItemIdBeyondTheNumberOfRatingsIsRefused() throws IOException {
        Path f = Files.writeString(dir.resolve("u.data"), "1\t1\t5\t881250949\n2\t2000000000\t3\t881250950\n3\t2\t4\t1\n");
        assertThatThrownBy(() -> readPath(f)).isInstanceOf(InputException.class)
                .hasMessageStartingWith(f + ": line 2: item id 2000000000 is larger than the number of ratings (3)");
    }

    @Test
    void csvValueOutsideUnitRangeNamesFileLineColumnAndValue() throws IOException {
        Path f = Files.writeString(dir.resolve("features.csv"), "x,y\n0.5,0.25\n0.1,7.5\n");
        assertThatThrownBy(() -> readPath(f)).isInstanceOf(InputException.class)
                .hasMessageStartingWith(f + ": line 3, column 2 (y): value 7.5 is outside [0, 1]");
    }

    @Test
    void csvOfWholeNumbersUpTo255IsReadAsEightBitPixels() throws IOException {
        Path f = Files.writeString(dir.resolve("pixels.csv"), "label,p0,p1\n3,0,255\n1,51,0\n");
        Dataset d = CsvReader.read("p", f, new CsvReader.Options((char) 0, CsvReader.Header.AUTO, "label", false));
        assertThat(d.values()).containsExactly(0f, 1f, 0.2f, 0f);
        Path mixed = Files.writeString(dir.resolve("mixed.csv"), "0.5,200\n");
        assertThatThrownBy(() -> readPath(mixed)).isInstanceOf(InputException.class)
                .hasMessageContaining("line 1, column 2: value 200 is outside [0, 1]")
                .hasMessageContaining("line 1, column 1 (0.5) is not one");
    }

    @Test
    void hdf5MatFileWithoutTextHeaderIsCalledMatlab73() throws IOException {
        byte[] hdf = Arrays.copyOf(new byte[] {(byte) 0x89, 'H', 'D', 'F', '\r', '\n', 0x1a, '\n'}, 600);
        Path f = Files.write(dir.resolve("pure.mat"), hdf);
        assertThatThrownBy(() -> readPath(f)).isInstanceOf(InputException.class)
                .hasMessageStartingWith(f + ": is a MATLAB 7.3 file").hasMessageContaining("'-v7'");
    }

    @Test
    void sizesBeyondTheHeapAreRefusedWithTheRemedy() {
        assertThatThrownBy(() -> HeapBudget.require("big.idx", 10L << 30, "1000 images", 4L << 30))
                .isInstanceOf(InputException.class)
                .hasMessageStartingWith("big.idx: 1000 images would need 10.0 GiB of memory")
                .hasMessageContaining("-Xmx15g");
    }

    @Test
    void fingerprintChangesWithPixelsOfTheSameCount() throws IOException {
        Path a = Files.write(dir.resolve("a-images-idx3-ubyte"), Fixtures.idxImages(5, 3, 3));
        byte[] other = Fixtures.idxImages(5, 3, 3);
        other[20] ^= 1;
        Path b = Files.write(dir.resolve("b-images-idx3-ubyte"), other);
        Dataset da = IdxReader.read("x", a, null, null);
        assertThat(da.fingerprint()).startsWith("sha256:").isEqualTo(IdxReader.read("y", a, null, null).fingerprint())
                .isNotEqualTo(IdxReader.read("x", b, null, null).fingerprint());
    }

    /** A PNG signature and IHDR chunk only: enough for a reader to learn the size. */
    private static byte[] pngHeader(int w, int h) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'});
        byte[] ihdr = ByteBuffer.allocate(17).put("IHDR".getBytes(StandardCharsets.US_ASCII)).putInt(w).putInt(h)
                .put((byte) 8).put((byte) 0).put((byte) 0).put((byte) 0).put((byte) 0).array();
        CRC32 crc = new CRC32();
        crc.update(ihdr);
        out.writeBytes(ByteBuffer.allocate(4).putInt(13).array());
        out.writeBytes(ihdr);
        out.writeBytes(ByteBuffer.allocate(4).putInt((int) crc.getValue()).array());
        return out.toByteArray();
    }
}
