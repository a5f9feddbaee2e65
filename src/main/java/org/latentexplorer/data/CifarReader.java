package org.latentexplorer.data;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.latentexplorer.common.CancelToken;
import org.latentexplorer.common.InputException;

/**
 * Reads the CIFAR-10 binary version (<a href="https://www.cs.toronto.edu/~kriz/cifar.html">Krizhevsky
 * 2009</a>): each record is 1 label byte then 3072 pixel bytes, the 1024 red values row by row, then
 * green, then blue, which is already our channel-major layout. Batches {@code data_batch_1..5.bin}
 * make the training split (50,000 images), {@code test_batch.bin} the test split (10,000). Accepts one
 * batch file, the extracted folder, or the archive {@code cifar-10-binary.tar.gz} read as a stream.
 */
public final class CifarReader {
    /** Class names in label order, as in batches.meta.txt. */
    public static final List<String> LABELS = List.of("airplane", "automobile", "bird", "cat", "deer", "dog",
            "frog", "horse", "ship", "truck");
    static final ImageShape SHAPE = new ImageShape(3, 32, 32);
    private static final int RECORD = 1 + 3072;

    private CifarReader() {
    }

    /** Reads a batch file, a folder holding the batches (or a cifar-10-batches-bin sub-folder) or the .tar.gz. */
    public static Dataset read(String id, Path path, Split split, CancelToken cancel) {
        if (Files.isDirectory(path)) {
            return readFolder(id, path, split, cancel);
        }
        DataStreams.requireFile(path);
        String name = path.getFileName().toString();
        if (name.endsWith(".tar.gz") || name.endsWith(".tgz") || name.endsWith(".tar")) {
            return readArchive(id, path, split, cancel);
        }
        try (InputStream in = DataStreams.open(path)) {
            Parts parts = new Parts();
            parts.add(in, path.toString(), -1, null, cancel);
            return parts.toDataset(id, LABELS);
        } catch (IOException e) {
            throw new InputException(path + ": cannot be read (" + e.getMessage() + ")", e);
        }
    }

    /** True when the folder holds CIFAR batches, directly or in cifar-10-batches-bin. */
    static boolean isCifarFolder(Path dir) {
        Path d = batchesDir(dir);
        return Files.isRegularFile(d.resolve("test_batch.bin")) || Files.isRegularFile(d.resolve("data_batch_1.bin"));
    }

    private static Path batchesDir(Path dir) {
        Path sub = dir.resolve("cifar-10-batches-bin");
        return Files.isDirectory(sub) ? sub : dir;
    }

    private static Dataset readFolder(String id, Path dir, Split split, CancelToken cancel) {
        Path d = batchesDir(dir);
        List<Path> files = new ArrayList<>();
        try (Stream<Path> s = Files.list(d)) {
            s.filter(p -> wanted(p.getFileName().toString(), split))
                    .sorted(Comparator.comparing(p -> p.getFileName().toString(), NaturalOrder.INSTANCE))
                    .forEach(files::add);
        } catch (IOException e) {
            throw new InputException(d + ": cannot list folder (" + e.getMessage() + ")", e);
        }
        if (files.isEmpty()) {
            throw new InputException(d + ": no CIFAR-10 batches for split '" + split
                    + "' (expected data_batch_1..5.bin and/or test_batch.bin)");
        }
        Parts parts = new Parts();
        for (Path f : files) {
            try (InputStream in = DataStreams.open(f)) {
                parts.add(in, f.toString(), -1, null, cancel);
            } catch (IOException e) {
                throw new InputException(f + ": cannot be read (" + e.getMessage() + ")", e);
            }
        }
        List<String> names = LABELS;
        Path meta = d.resolve("batches.meta.txt");
        if (Files.isRegularFile(meta)) {
            try {
                names = parseMeta(Files.readString(meta, StandardCharsets.US_ASCII), meta.toString());
            } catch (IOException e) {
                throw new InputException(meta + ": cannot be read (" + e.getMessage() + ")", e);
            }
        }
        return parts.toDataset(id, names);
    }

    private static Dataset readArchive(String id, Path archive, Split split, CancelToken cancel) {
        // Batches may come in any order in the archive; keep them by name and join them sorted.
        Map<String, Parts> byName = new LinkedHashMap<>();
        List<List<String>> names = new ArrayList<>(List.of(LABELS));
        TarEntries.forEachFile(archive, (entry, size, data) -> {
            String base = entry.substring(entry.lastIndexOf('/') + 1);
            String where = archive + "!" + entry;
            if (base.equals("batches.meta.txt")) {
                if (size > 1 << 20) {
                    throw new InputException(where + ": implausibly large (" + size + " bytes) for a list of class names");
                }
                names.set(0, parseMeta(new String(data.readAllBytes(), StandardCharsets.US_ASCII), where));
            } else if (wanted(base, split)) {
                Parts p = new Parts();
                p.add(data, where, size, archive.toString(), cancel);
                byName.put(base, p);
            }
        });
        if (byName.isEmpty()) {
            throw new InputException(archive + ": holds no CIFAR-10 batches for split '" + split + "'");
        }
        Parts all = new Parts();
        byName.entrySet().stream().sorted(Map.Entry.comparingByKey(NaturalOrder.INSTANCE))
                .forEach(en -> all.addAll(en.getValue()));
        return all.toDataset(id, names.get(0));
    }

    private static boolean wanted(String fileName, Split split) {
        boolean train = fileName.matches("data_batch_\\d+\\.bin");
        boolean test = fileName.equals("test_batch.bin");
        return switch (split) {
            case TRAIN -> train;
            case TEST -> test;
            case ALL -> train || test;
        };
    }

    static List<String> parseMeta(String text, String name) {
        List<String> names = text.lines().map(String::trim).filter(s -> !s.isEmpty()).toList();
        if (names.isEmpty()) {
            throw new InputException(name + ": no label names");
        }
        return names;
    }

    /** Records read so far, as bytes to keep memory at one byte per pixel until the end. */
    private static final class Parts {
        private final List<byte[]> chunks = new ArrayList<>();
        private final List<String> sources = new ArrayList<>();
        private int count;

        /**
         * Reads whole records until the data ends. {@code expected} is the size an archive entry
         * declares (or -1): an entry that ends before it is a truncated archive, not a short batch.
         */
        void add(InputStream in, String name, long expected, String archive, CancelToken cancel) {
            byte[] rec = new byte[RECORD];
            long offset = 0;
            List<byte[]> recs = new ArrayList<>();
            while (true) {
                cancel.check();
                int r = DataStreams.readUpTo(in, rec, RECORD, name);
                if (expected >= 0 && r < RECORD && offset + r < expected) {
                    throw new InputException(archive + ": truncated: the archive ends inside " + name.substring(archive.length() + 1)
                            + " after " + (offset + r) + " of its " + expected + " bytes");
                }
                if (r == 0) {
                    break;
                }
                if (r < RECORD) {
                    throw new InputException(name + ": truncated CIFAR record " + recs.size() + " at byte offset "
                            + offset + " (" + r + " of " + RECORD + " bytes)");
                }
                recs.add(rec.clone());
                offset += RECORD;
                if (recs.size() % 1024 == 0) {
                    // Bytes as read plus the floats they become: a gzip of zeros can hold millions of records.
                    HeapBudget.require(name, (count + recs.size()) * (long) (RECORD + 3072 * Float.BYTES),
                            (count + recs.size()) + "+ CIFAR records");
                }
            }
            if (recs.isEmpty()) {
                throw new InputException(name + ": holds no CIFAR records (empty file)");
            }
            chunks.addAll(recs);
            sources.add(name);
            count += recs.size();
        }

        void addAll(Parts other) {
            chunks.addAll(other.chunks);
            sources.addAll(other.sources);
            count += other.count;
        }

        Dataset toDataset(String id, List<String> labelNames) {
            HeapBudget.require(String.join(", ", sources), (long) count * 3072 * Float.BYTES, count + " CIFAR images");
            float[] values = new float[Math.multiplyExact(count, 3072)];
            int[] labels = new int[count];
            for (int i = 0; i < count; i++) {
                byte[] rec = chunks.get(i);
                labels[i] = rec[0] & 0xff;
                if (labels[i] >= labelNames.size()) {
                    throw new InputException("CIFAR record " + i + " of " + String.join(", ", sources) + " has label "
                            + labels[i] + "; there are only " + labelNames.size() + " classes");
                }
                for (int k = 0; k < 3072; k++) {
                    values[i * 3072 + k] = (rec[k + 1] & 0xff) / 255f;
                }
            }
            return new Dataset(id, SHAPE, count, values, labels, labelNames);
        }
    }
}
