package org.latentexplorer.ui.services;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.zip.GZIPInputStream;
import org.latentexplorer.common.InputException;
import org.latentexplorer.data.Dataset;
import org.latentexplorer.data.ImageShape;

/**
 * Reads the data sets embedded in the jar (MNIST 10k, Fashion-MNIST test split) until the data
 * package's resolver is on main; then {@link DefaultCoreServices} calls the resolver instead and
 * this class goes.
 */
final class EmbeddedData {
    static final List<String> DIGITS = List.of("0", "1", "2", "3", "4", "5", "6", "7", "8", "9");
    static final List<String> FASHION = List.of("T-shirt/top", "Trouser", "Pullover", "Dress", "Coat", "Sandal",
            "Shirt", "Sneaker", "Bag", "Ankle boot");

    private EmbeddedData() {
    }

    static Dataset load(String name) {
        return switch (name) {
            case "mnist" -> read("mnist", "/assets/mnist/images-idx3-ubyte.gz", "/assets/mnist/labels-idx1-ubyte.gz", DIGITS);
            case "fashion-mnist" -> read("fashion-mnist", "/assets/fashion-mnist/t10k-images-idx3-ubyte.gz",
                    "/assets/fashion-mnist/t10k-labels-idx1-ubyte.gz", FASHION);
            default -> throw new InputException(name + ": no such data set (embedded: mnist, fashion-mnist)");
        };
    }

    private static Dataset read(String id, String images, String labels, List<String> names) {
        try (DataInputStream in = open(images); DataInputStream lin = open(labels)) {
            if (in.readInt() != 0x803 || lin.readInt() != 0x801) {
                throw new InputException(images + ": not an IDX file");
            }
            int n = in.readInt();
            int h = in.readInt();
            int w = in.readInt();
            if (lin.readInt() != n) {
                throw new InputException(labels + ": label count does not match " + images);
            }
            byte[] raw = in.readNBytes(n * h * w);
            byte[] lab = lin.readNBytes(n);
            if (raw.length != n * h * w || lab.length != n) {
                throw new InputException(images + ": truncated");
            }
            float[] v = new float[raw.length];
            for (int i = 0; i < raw.length; i++) {
                v[i] = (raw[i] & 0xFF) / 255f;
            }
            int[] l = new int[n];
            for (int i = 0; i < n; i++) {
                l[i] = lab[i];
            }
            return new Dataset(id, ImageShape.grey(h, w), n, v, l, names);
        } catch (IOException e) {
            throw new InputException(images + ": cannot read (" + e.getMessage() + ")", e);
        }
    }

    private static DataInputStream open(String resource) throws IOException {
        InputStream s = EmbeddedData.class.getResourceAsStream(resource);
        if (s == null) {
            throw new InputException(resource + ": not found in the program's resources");
        }
        return new DataInputStream(new java.io.BufferedInputStream(new GZIPInputStream(s)));
    }
}
