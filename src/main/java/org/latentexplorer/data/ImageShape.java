package org.latentexplorer.data;

import org.latentexplorer.common.InputException;

/**
 * The shape of one example: channels × height × width. Pixels are stored channel-major
 * (all of channel 0 row by row, then channel 1, ...), as in CIFAR-10's binary format.
 * Non-image data (a CSV matrix, a ratings row) is 1 × 1 × columns.
 */
public record ImageShape(int channels, int height, int width) {
    public ImageShape {
        if (channels < 1 || height < 1 || width < 1) {
            throw new InputException("image shape must be positive, got " + channels + "x" + height + "x" + width);
        }
        if ((long) channels * height * width > 16_777_216L) {
            throw new InputException("image shape " + channels + "x" + height + "x" + width + " is too large");
        }
    }

    public static ImageShape grey(int height, int width) {
        return new ImageShape(1, height, width);
    }

    public static ImageShape vector(int columns) {
        return new ImageShape(1, 1, columns);
    }

    /** Number of values in one example. */
    public int size() {
        return channels * height * width;
    }

    @com.fasterxml.jackson.annotation.JsonIgnore
    public boolean isImage() {
        return height > 1 && width > 1;
    }

    @Override
    public String toString() {
        return channels == 1 ? height + "x" + width : channels + "x" + height + "x" + width;
    }
}
