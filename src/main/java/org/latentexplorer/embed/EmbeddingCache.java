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
import org.latentexplorer.common.CancelToken;

/**
 * Maps kept on disk, one file per (model, data set, method, parameters, seed), so that reopening a map
 * is instant. Files are written atomically ({@link AtomicFiles}); a file that is unreadable or was made
 * for another key or another number of codes counts as a miss and is replaced on the next store.
 */
public final class EmbeddingCache {
    private static final int MAGIC = 0x4C454D42; // "LEMB"
    private static final int VERSION = 1;

    private final Path dir;

    /** A cache in {@code dir} (created on first store). */
    public EmbeddingCache(Path dir) {
        this.dir = Objects.requireNonNull(dir, "dir");
    }

    /**
     * What a map depends on.
     *
     * @param modelId   identifies the model's weights (e.g. a hash of the bundle file)
     * @param datasetId identifies the codes' source, including any limit or subset (e.g. {@code mnist:test:limit=5000})
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
     * when there is none usable.
     */
    public Optional<Embedding> load(Key key, float[][] codes) {
        Path file = path(key);
        try (InputStream raw = Files.newInputStream(file);
             DataInputStream in = new DataInputStream(new BufferedInputStream(raw, 1 << 16))) {
            if (in.readInt() != MAGIC || in.readInt() != VERSION || !in.readUTF().equals(key.text())) {
                return Optional.empty();
            }
            int n = in.readInt();
            if (codes != null && codes.length != n) {
                return Optional.empty();
            }
            double cost = in.readDouble();
            double[] model = new double[in.readInt()];
            for (int i = 0; i < model.length; i++) {
                model[i] = in.readDouble();
            }
            float[][] xy = new float[n][2];
            for (int i = 0; i < n; i++) {
                xy[i][0] = in.readFloat();
                xy[i][1] = in.readFloat();
            }
            return Optional.of(new Embedding(key.options(), xy, cost, model, codes));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException | RuntimeException e) {
            return Optional.empty(); // a damaged or foreign file is a miss, rewritten by the next store
        }
    }

    /** Stores the map for {@code key}, replacing any earlier one atomically. */
    public void store(Key key, Embedding e) throws IOException {
        AtomicFiles.write(path(key), raw -> {
            DataOutputStream out = new DataOutputStream(new BufferedOutputStream(raw, 1 << 16));
            out.writeInt(MAGIC);
            out.writeInt(VERSION);
            out.writeUTF(key.text());
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
