package org.latentexplorer.data;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.latentexplorer.common.CancelToken;
import org.latentexplorer.common.InputException;

/**
 * Reads a data set from a path of any supported kind, telling the format from the content where it
 * can (gzip, IDX, tar, zip and MATLAB headers) and from the name only for text formats.
 */
public final class DatasetFiles {

    /** The formats a path can hold. */
    public enum Format { IDX, IMAGE_FOLDER, CIFAR, CSV, MAT, MOVIELENS }

    private DatasetFiles() {
    }

    /** The format of {@code path}; an {@link InputException} when it is missing or not recognised. */
    public static Format detect(Path path) {
        if (Files.isDirectory(path)) {
            if (CifarReader.isCifarFolder(path)) {
                return Format.CIFAR;
            }
            if (Files.isRegularFile(path.resolve("u.data")) || Files.isRegularFile(path.resolve("ml-100k/u.data"))) {
                return Format.MOVIELENS;
            }
            return Format.IMAGE_FOLDER;
        }
        DataStreams.requireFile(path);
        byte[] head;
        byte[] content;
        try (InputStream in = DataStreams.open(path)) {
            head = DataStreams.peek(in, 512);
            InputStream gz = DataStreams.maybeGunzip(in, path.toString());
            byte[] buf = new byte[512];
            content = java.util.Arrays.copyOf(buf, DataStreams.readUpTo(gz, buf, buf.length, path.toString()));
            if (content.length < buf.length && DataStreams.isGzip(head)) {
                // Little content: make sure it is all there is, not a cut-off gzip file (then "truncated").
                DataStreams.atEnd(gz, path.toString());
            }
        } catch (IOException e) {
            throw new InputException(path + ": cannot be read (" + e.getMessage() + ")", e);
        }
        if (head.length == 0) {
            throw new InputException(path + ": empty file");
        }
        if (content.length == 0) {
            throw new InputException(path + ": empty file (the gzip data holds no bytes)");
        }
        if (content.length >= 4) {
            int magic = DataStreams.u32(content, 0);
            if (magic == IdxReader.IMAGES_MAGIC) {
                return Format.IDX;
            }
            if (magic == IdxReader.LABELS_MAGIC) {
                throw new InputException(path + ": is an IDX labels file; give the images file (the labels file "
                        + "beside it is found by name)");
            }
        }
        if (content.length >= 262 && new String(content, 257, 5, StandardCharsets.US_ASCII).equals("ustar")) {
            return Format.CIFAR;
        }
        if (new String(head, 0, Math.min(head.length, 6), StandardCharsets.US_ASCII).equals("MATLAB")
                || MatReader.isHdf5(head)) {
            return Format.MAT;
        }
        if (head.length >= 4 && head[0] == 'P' && head[1] == 'K' && head[2] == 3 && head[3] == 4) {
            return Format.MOVIELENS;
        }
        String name = path.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".mat")) {
            return Format.MAT; // a .mat without the header: let the reader explain what is wrong
        }
        if (name.endsWith(".bin") || name.endsWith(".tar") || name.endsWith(".tar.gz") || name.endsWith(".tgz")) {
            return Format.CIFAR;
        }
        if (name.equals("u.data") || name.endsWith(".data")) {
            return Format.MOVIELENS;
        }
        if (name.endsWith(".csv") || name.endsWith(".tsv") || name.endsWith(".tab") || name.endsWith(".txt")) {
            return Format.CSV;
        }
        if (DataStreams.isGzip(head) || name.contains("idx")) {
            throw new InputException(path + (content.length < 4
                    ? ": truncated at byte offset " + content.length + " (an IDX images file starts with a 16-byte header)"
                    : ": not an IDX images file (magic number 0x" + String.format("%08x", DataStreams.u32(content, 0))
                    + ", expected 0x00000803)"));
        }
        throw new InputException(path + ": unknown data format; expected an IDX images file, an image or CIFAR "
                + "folder, a .csv/.tsv, a .mat, u.data or a CIFAR-10 .bin/.tar.gz");
    }

    /**
     * Reads {@code path}. CIFAR-10 folders and archives honour {@code split}; every other format is one
     * undivided set, returned for {@code train} and {@code all}, while {@code test} is refused.
     *
     * @param id the id to give the data set (usually the path or a library name)
     */
    public static Dataset read(String id, Path path, Split split, ReadOptions options, CancelToken cancel) {
        Format format = detect(path);
        if (format != Format.CIFAR && split == Split.TEST) {
            throw new InputException(path + ": a " + format.name().toLowerCase(Locale.ROOT).replace('_', ' ')
                    + " has no test split; use the whole set (split 'all') or give the test data as its own path");
        }
        return switch (format) {
            case IDX -> IdxReader.read(id, path, IdxReader.labelsBeside(path), null);
            case IMAGE_FOLDER -> ImageFolderReader.read(id, path, options.imageOptions(), cancel);
            case CIFAR -> CifarReader.read(id, path, split, cancel);
            case CSV -> CsvReader.read(id, path, options.csvOptions());
            case MAT -> MatReader.read(id, path, options.variable());
            case MOVIELENS -> MovieLensReader.read(id, path);
        };
    }
}
