package org.latentexplorer.data;

import java.util.List;

/**
 * What we know about a named data set before loading it: enough for {@code datasets list/info}
 * without reading or downloading anything.
 *
 * @param name       the name used on the command line ({@code mnist}, {@code cifar-10}, ...)
 * @param title      a one-line description
 * @param shape      the shape of one example
 * @param trainSize  examples in the {@code train} split
 * @param testSize   examples in the {@code test} split ({@code all} is both)
 * @param labelNames class names, empty when unlabelled
 * @param source     where it comes from (paper, page)
 * @param licence    its licence or terms of use
 * @param splits     how the splits are made
 * @param downloads  the files to download into the cache when not found locally (empty for embedded sets)
 */
public record KnownDataset(String name, String title, ImageShape shape, int trainSize, int testSize,
                           List<String> labelNames, String source, String licence, String splits,
                           List<RemoteFile> downloads) {
    public KnownDataset {
        labelNames = List.copyOf(labelNames);
        downloads = List.copyOf(downloads);
    }

    /** Examples in the given split. */
    public int size(Split split) {
        return switch (split) {
            case TRAIN -> trainSize;
            case TEST -> testSize;
            case ALL -> trainSize + testSize;
        };
    }

    /** Total bytes to download, or -1 when some size is unknown. */
    public long downloadBytes() {
        long sum = 0;
        for (RemoteFile f : downloads) {
            if (f.size() < 0) {
                return -1;
            }
            sum += f.size();
        }
        return sum;
    }

    /** The download named {@code fileName}. */
    public RemoteFile download(String fileName) {
        return downloads.stream().filter(f -> f.fileName().equals(fileName)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException(name + " has no download " + fileName));
    }
}
