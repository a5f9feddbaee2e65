package org.latentexplorer.inpaint.bench;

import java.io.BufferedReader;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import org.latentexplorer.common.InputException;
import org.latentexplorer.data.Dataset;
import org.latentexplorer.data.ImageShape;

/**
 * Stop-gap readers for the inpainting command and benchmark until {@code org.latentexplorer.data}'s
 * resolver reaches main: IDX image files (LeCun et al., "THE MNIST DATABASE", file format section),
 * gzip or plain, the embedded MNIST/Fashion-MNIST test images, and MovieLens {@code u.data}.
 */
public final class BenchData {
    /** Size of the embedded MNIST sample; its last {@link #MNIST_TEST} images are the test split. */
    public static final int MNIST_TEST = 1000;

    /** A test set and the training set K-NN draws its neighbours from (may be null). */
    public record Pair(Dataset test, Dataset train) {
    }

    private BenchData() {
    }

    /**
     * Resolves {@code mnist} (embedded 10k: train = first 9000, test = last 1000), {@code fashion-mnist}
     * (test = embedded t10k, train = the system copy of the training file when present), a MovieLens
     * {@code u.data} path (a ratings matrix; no separate training set), or an IDX image file path.
     */
    public static Pair resolve(String name, Path root) {
        String t = name.trim().toLowerCase(Locale.ROOT);
        if (t.equals("mnist")) {
            Dataset all = embedded("mnist", root, "assets/mnist/images-idx3-ubyte.gz");
            return new Pair(all.range(all.size() - MNIST_TEST, all.size()), all.range(0, all.size() - MNIST_TEST));
        }
        if (t.equals("fashion-mnist")) {
            Dataset test = embedded("fashion-mnist", root, "assets/fashion-mnist/t10k-images-idx3-ubyte.gz");
            Path train = Path.of("/usr/share/datasets/fashion-mnist/train-images-idx3-ubyte.gz");
            return new Pair(test, Files.exists(train) ? readIdx("fashion-mnist-train", train) : null);
        }
        Path p = Path.of(name);
        if (p.getFileName() != null && p.getFileName().toString().equals("u.data")) {
            return new Pair(readMovieLens(p), null);
        }
        return new Pair(readIdx(name, p), null);
    }

    /** The embedded file under {@code root}, else the copy on the class path. */
    private static Dataset embedded(String id, Path root, String resource) {
        Path file = root.resolve(resource);
        if (Files.exists(file)) {
            return readIdx(id, file);
        }
        try (InputStream in = BenchData.class.getResourceAsStream("/" + resource)) {
            if (in == null) {
                throw new InputException("the embedded data set " + id + " is missing (" + resource + ")");
            }
            return parseIdx(id, resource, new GZIPInputStream(in));
        } catch (IOException e) {
            throw new InputException(resource + ": could not be read (" + e.getMessage() + ")", e);
        }
    }

    /** Reads an IDX3 unsigned-byte image file (gzip when named .gz); pixels scaled to [0, 1]. */
    public static Dataset readIdx(String id, Path file) {
        if (!Files.exists(file)) {
            throw new InputException(file + ": no such data file");
        }
        try (InputStream raw = Files.newInputStream(file)) {
            return parseIdx(id, file.toString(), file.toString().endsWith(".gz") ? new GZIPInputStream(raw) : raw);
        } catch (IOException e) {
            throw new InputException(file + ": could not be read (" + e.getMessage() + ")", e);
        }
    }

    private static Dataset parseIdx(String id, String file, InputStream in) throws IOException {
        try (DataInputStream data = new DataInputStream(new java.io.BufferedInputStream(in))) {
            int magic = data.readInt();
            if (magic != 0x00000803) {
                throw new InputException(file + ": not an IDX image file (magic number " + Integer.toHexString(magic) + ")");
            }
            int n = data.readInt(), h = data.readInt(), w = data.readInt();
            if (n < 0 || h < 1 || w < 1 || (long) n * h * w > 500_000_000L) {
                throw new InputException(file + ": implausible IDX header " + n + "×" + h + "×" + w);
            }
            byte[] bytes = new byte[n * h * w];
            data.readFully(bytes);
            float[] v = new float[bytes.length];
            for (int i = 0; i < v.length; i++) {
                v[i] = (bytes[i] & 0xff) / 255f;
            }
            return new Dataset(id, ImageShape.grey(h, w), n, v, null, null);
        } catch (java.io.EOFException e) {
            throw new InputException(file + ": the IDX file is truncated", e);
        }
    }

    /** MovieLens {@code u.data}: user, item, rating 1..5, time, tab-separated; values (r − 1)/4, NaN if unrated. */
    public static Dataset readMovieLens(Path file) {
        Map<Integer, Integer> users = new LinkedHashMap<>(), items = new LinkedHashMap<>();
        List<int[]> rows = new ArrayList<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(Files.newInputStream(file),
                StandardCharsets.UTF_8))) {
            String line;
            int lineNo = 0;
            while ((line = r.readLine()) != null) {
                lineNo++;
                if (line.isBlank()) {
                    continue;
                }
                String[] f = line.trim().split("\\s+");
                try {
                    int u = Integer.parseInt(f[0]), i = Integer.parseInt(f[1]), rating = Integer.parseInt(f[2]);
                    if (rating < 1 || rating > 5) {
                        throw new NumberFormatException();
                    }
                    users.putIfAbsent(u, users.size());
                    items.putIfAbsent(i, items.size());
                    rows.add(new int[]{users.get(u), items.get(i), rating});
                } catch (RuntimeException e) {
                    throw new InputException(file + ": line " + lineNo + " is not 'user item rating(1-5) time'");
                }
            }
        } catch (IOException e) {
            throw new InputException(file + ": could not be read (" + e.getMessage() + ")", e);
        }
        float[] v = new float[users.size() * items.size()];
        java.util.Arrays.fill(v, Float.NaN);
        for (int[] row : rows) {
            v[row[0] * items.size() + row[1]] = (row[2] - 1) / 4f;
        }
        return new Dataset(file.toString(), ImageShape.vector(items.size()), users.size(), v, null, null);
    }
}
