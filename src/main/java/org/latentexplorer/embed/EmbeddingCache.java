package org.latentexplorer.embed;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Objects;
import java.util.Optional;
import org.latentexplorer.common.AtomicFiles;
import org.latentexplorer.common.FileDigest;
import org.latentexplorer.common.CancelToken;

/**
 * Maps kept on disk, one file per (model, data set, method, parameters, seed), so that reopening a map
 * is instant. Files are written atomically ({@link AtomicFiles}).
 *
 * <p>A stored map is used only for the very codes it was made from: besides the key, the file holds
 * a SHA-256 of the codes, so a data file rewritten with other images of the same count, or a retrained
 * model under the same name, is a miss. Nothing in a file is trusted before it is checked: the counts
 * must add up to the file's length before any array is allocated, and a file that fails a check
 * (foreign, damaged, poisoned, or made for other codes) is deleted and recomputed, never an error.
 */
public final class EmbeddingCache {
    private static final int MAGIC = 0x4C454D42; // "LEMB"
    private static final int VERSION = 2; // 2: a digest of the codes follows the key

    private final Path dir;

    /** A cache in {@code dir} (created on first store). */
    public EmbeddingCache(Path dir) {
        this.dir = Objects.requireNonNull(dir, "dir");
    }

    /**
     * What a map depends on.
     *
     * @param modelId   identifies the model's weights by content (e.g. a SHA-256 of the bundle file, see
     *                  {@link #sha256(Path)}), not by path or date
     * @param datasetId identifies the data by content (e.g. {@code Dataset.fingerprint()}) and any limit
     * @param options   method, parameters and seed
     */
    public record Key(String modelId, String datasetId, EmbedOptions options) {
        public Key {
            Objects.requireNonNull(modelId, "modelId");
            Objects.requireNonNull(datasetId, "datasetId");
            Objects.requireNonNull(options, "options");
        }

        /** The full key as text: stored in the file and compared on load. */
        public String text() {
            return modelId + "\n" + datasetId + "\n" + options.canonical();
        }

        /** File name: SHA-256 of the key text. */
        String fileName() {
            try {
                byte[] h = MessageDigest.getInstance("SHA-256").digest(text().getBytes(StandardCharsets.UTF_8));
                return options.method().cliName() + "-" + HexFormat.of().formatHex(h, 0, 16) + ".emb";
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    /** Where the map for {@code key} is (or would be) stored. */
    public Path path(Key key) {
        return dir.resolve(key.fileName());
    }

    /**
     * The stored map for {@code key}, attached to {@code codes} (needed to place new points), or empty
     * when there is none usable; an unusable file is deleted (the next store writes a good one).
     */
    public Optional<Embedding> load(Key key, float[][] codes) {
        Path file = path(key);
        Optional<Embedding> hit;
        try {
            hit = read(file, key, codes);
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException | RuntimeException e) {
            hit = Optional.empty(); // damaged or foreign: a miss, like a stale one
        }
        if (hit.isEmpty()) {
            try {
                Files.deleteIfExists(file);
            } catch (IOException e) {
                // it is replaced atomically on the next store anyway
            }
        }
        return hit;
    }

    private static Optional<Embedding> read(Path file, Key key, float[][] codes) throws IOException {
        long length = Files.size(file);
        try (InputStream raw = Files.newInputStream(file);
             DataInputStream in = new DataInputStream(new BufferedInputStream(raw, 1 << 16))) {
            if (length < 8 || in.readInt() != MAGIC || in.readInt() != VERSION || !in.readUTF().equals(key.text())) {
                return Optional.empty();
            }
            byte[] digest = new byte[32];
            in.readFully(digest);
            int n = in.readInt();
            double cost = in.readDouble();
            int m = in.readInt();
            long header = 8 + 2 + key.text().getBytes(StandardCharsets.UTF_8).length + 32 + 4 + 8 + 4;
            // Sizes against the file's length before allocating: a poisoned count costs nothing.
            if (n < 0 || m < 0 || length != header + 8L * m + 8L * n
                    || (codes != null && (codes.length != n || !MessageDigest.isEqual(digest, digest(codes))))) {
                return Optional.empty();
            }
            double[] model = new double[m];
            for (int i = 0; i < m; i++) {
                model[i] = in.readDouble();
            }
            float[][] xy = new float[n][2];
            for (int i = 0; i < n; i++) {
                xy[i][0] = in.readFloat();
                xy[i][1] = in.readFloat();
            }
            return Optional.of(new Embedding(key.options(), xy, cost, model, codes));
        }
    }

    /** {@link #digest} in hex: the content identity of codes for {@link Key#modelId()} when no file stands for them. */
    public static String codesId(float[][] codes) {
        return "codes:" + HexFormat.of().formatHex(digest(codes));
    }

    /** SHA-256 of the codes' shape and float bits: what a stored map was made from. */
    static byte[] digest(float[][] codes) {
        MessageDigest md = sha256();
        float[][] rows = codes == null ? new float[0][] : codes;
        md.update(java.nio.ByteBuffer.allocate(4).putInt(rows.length).array());
        for (float[] row : rows) {
            java.nio.ByteBuffer b = java.nio.ByteBuffer.allocate(4 + 4 * row.length).putInt(row.length);
            b.asFloatBuffer().put(row); // the view starts after the length
            md.update(b.array());
        }
        return md.digest();
    }

    /** Hex SHA-256 of a file's bytes: the content identity of a model bundle for {@link Key#modelId()}. */
    public static String sha256(Path file) throws IOException {
        return "sha256:" + FileDigest.hex(file, "SHA-256");
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Stores the map for {@code key}, replacing any earlier one atomically. */
    public void store(Key key, Embedding e) throws IOException {
        AtomicFiles.write(path(key), raw -> {
            DataOutputStream out = new DataOutputStream(new BufferedOutputStream(raw, 1 << 16));
            out.writeInt(MAGIC);
            out.writeInt(VERSION);
            out.writeUTF(key.text());
            out.write(digest(e.codes()));
            out.writeInt(e.size());
            out.writeDouble(e.cost());
            out.writeInt(e.model().length);
            for (double v : e.model()) {
                out.writeDouble(v);
            }
            for (float[] p : e.xy()) {
                out.writeFloat(p[0]);
                out.writeFloat(p[1]);
            }
            out.flush();
        });
    }

    /**
     * The stored map if there is one, else {@link Embeddings#fit} then store. Progress and cancel apply
     * to the computation; a hit reports one final progress with the whole layout.
     */
    public Embedding getOrCompute(Key key, float[][] codes, EmbedListener listener, CancelToken cancel)
            throws IOException {
        Optional<Embedding> hit = load(key, codes);
        if (hit.isPresent()) {
            if (listener != null) {
                listener.onProgress(new EmbedProgress("cached", 1, 1, hit.get().cost(), hit.get().flat()));
            }
            return hit.get();
        }
        Embedding e = Embeddings.fit(codes, key.options(), listener, cancel);
        store(key, e);
        return e;
    }
}
