package org.latentexplorer.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import org.latentexplorer.common.CancelToken;
import org.latentexplorer.common.InputException;
import org.latentexplorer.data.DatasetFiles;
import org.latentexplorer.data.ReadOptions;
import org.latentexplorer.data.Split;

/**
 * Coverage-guided fuzz targets (Jazzer) for every data reader, through {@link DatasetFiles#read}, the
 * path every command and the window take. The only acceptable answer to a bad file is an
 * {@link InputException}; anything else (another exception, an OutOfMemoryError under the 1 GiB heap
 * that {@code bin/fuzz} gives the fuzzing JVM, a hang) is a finding. In the normal test run each target
 * replays its seeds and past findings from {@code src/test/resources/.../ReaderFuzzTestInputs/METHOD/};
 * {@code bin/fuzz} fuzzes each for a bounded time.
 */
class ReaderFuzzTest {
    private static final Path DIR;

    static {
        try {
            DIR = Files.createTempDirectory("reader-fuzz");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @FuzzTest(maxDuration = "10s")
    void idx(byte[] data) {
        read("images-idx3-ubyte", data);
    }

    @FuzzTest(maxDuration = "10s")
    void csv(byte[] data) {
        read("data.csv", data);
    }

    @FuzzTest(maxDuration = "10s")
    void mat(byte[] data) {
        read("faces.mat", data);
    }

    @FuzzTest(maxDuration = "10s")
    void pgm(byte[] data) {
        read("digits/3/a.pgm", data);
    }

    @FuzzTest(maxDuration = "10s")
    void imageFile(byte[] data) {
        read("digits/7/a.png", data);
    }

    @FuzzTest(maxDuration = "10s")
    void cifarBatch(byte[] data) {
        read("data_batch_1.bin", data);
    }

    @FuzzTest(maxDuration = "10s")
    void cifarArchive(byte[] data) {
        read("cifar-10-binary.tar.gz", data);
    }

    @FuzzTest(maxDuration = "10s")
    void movieLens(byte[] data) {
        read("u.data", data);
    }

    /** Writes {@code data} as {@code name} in a clean folder and reads the file (or its top folder). */
    private static void read(String name, byte[] data) {
        try {
            clean();
            Path file = DIR.resolve(name);
            Files.createDirectories(file.getParent());
            Files.write(file, data);
            Path given = DIR.resolve(Path.of(name).getName(0));
            DatasetFiles.read("fuzz", given, Split.ALL, ReadOptions.DEFAULT, CancelToken.NONE);
        } catch (InputException refused) {
            // A clear refusal is the expected answer to a bad file.
        } catch (IOException e) {
            throw new UncheckedIOException("the fuzz target's own file handling failed", e);
        }
    }

    private static void clean() throws IOException {
        try (Stream<Path> all = Files.walk(DIR)) {
            for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
                if (!p.equals(DIR)) {
                    Files.delete(p);
                }
            }
        }
    }
}
