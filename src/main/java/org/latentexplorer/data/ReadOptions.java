package org.latentexplorer.data;

import org.latentexplorer.common.InputException;

/**
 * How to read a file or folder given by path; each field applies to some formats only and is ignored
 * by the others. Stored with imported data sets so they read the same way again.
 *
 * @param height       image folders: height to resize to, or 0 to keep (then all images must match)
 * @param width        image folders: width to resize to, or 0
 * @param channels     image folders: 1 grey, 3 RGB, 0 automatic
 * @param labelColumn  CSV/TSV: label column by header name or 0-based index, or null
 * @param allowMissing CSV/TSV: empty cells are missing entries (NaN) instead of errors
 * @param variable     .mat: the variable to read, or null for {@code ff} / the first matrix
 */
public record ReadOptions(int height, int width, int channels, String labelColumn, boolean allowMissing,
                          String variable) {
    public static final ReadOptions DEFAULT = new ReadOptions(0, 0, 0, null, false, null);

    public ReadOptions {
        imageOptions(height, width, channels); // validates
    }

    /** Parses an image size "HxW" (or "N" for N×N) into options with everything else default. */
    public static ReadOptions withSize(String size) {
        String[] p = size.trim().toLowerCase(java.util.Locale.ROOT).split("x");
        try {
            int h = Integer.parseInt(p[0].trim());
            int w = p.length == 1 ? h : Integer.parseInt(p[1].trim());
            if (p.length > 2 || h < 1 || w < 1) {
                throw new NumberFormatException();
            }
            return new ReadOptions(h, w, 0, null, false, null);
        } catch (NumberFormatException e) {
            throw new InputException("image size must look like 28x28 (height x width), got '" + size + "'");
        }
    }

    ImageFolderReader.Options imageOptions() {
        return imageOptions(height, width, channels);
    }

    CsvReader.Options csvOptions() {
        return new CsvReader.Options((char) 0, CsvReader.Header.AUTO, labelColumn, allowMissing);
    }

    private static ImageFolderReader.Options imageOptions(int height, int width, int channels) {
        return new ImageFolderReader.Options(height, width, channels);
    }
}
