package org.latentexplorer.inpaint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.latentexplorer.common.InputException;
import org.latentexplorer.data.ImageShape;

class MaskTest {
    private static final ImageShape S = ImageShape.grey(4, 4);

    @Test
    void halfPresetsHideTheNamedHalf() {
        assertThat(Mask.parse("top-half", S, 0).missingIndices()).containsExactly(0, 1, 2, 3, 4, 5, 6, 7);
        assertThat(Mask.parse("bottom-half", S, 0).missingIndices()).containsExactly(8, 9, 10, 11, 12, 13, 14, 15);
        assertThat(Mask.parse("left-half", S, 0).missingIndices()).containsExactly(0, 1, 4, 5, 8, 9, 12, 13);
        assertThat(Mask.parse("Right-Half", S, 0).missingIndices()).containsExactly(2, 3, 6, 7, 10, 11, 14, 15);
    }

    @Test
    void squareIsCentredAndRandomIsSeeded() {
        assertThat(Mask.parse("square:2", S, 0).missingIndices()).containsExactly(5, 6, 9, 10);
        Mask a = Mask.parse("random:50", ImageShape.grey(28, 28), 3);
        assertThat(a).isEqualTo(Mask.parse("random:50", ImageShape.grey(28, 28), 3));
        assertThat(a.missingCount()).isBetween(330, 454);
        assertThat(Mask.random(S, 0, 1).isEmpty()).isTrue();
        assertThat(Mask.random(S, 100, 1).isFull()).isTrue();
    }

    @Test
    void colourPresetsHideTheSamePixelsInEveryChannel() {
        Mask m = Mask.topHalf(new ImageShape(3, 2, 2));
        assertThat(m.missingIndices()).containsExactly(0, 1, 4, 5, 8, 9);
    }

    @Test
    void badTextAndSizesAreExplained() {
        assertThatThrownBy(() -> Mask.parse("middle", S, 0)).isInstanceOf(InputException.class)
                .hasMessageContaining("--mask").hasMessageContaining("'middle'");
        assertThatThrownBy(() -> Mask.parse("square:9", S, 0)).hasMessageContaining("between 1 and 4");
        assertThatThrownBy(() -> Mask.parse("random:abc", S, 0)).hasMessageContaining("random:P");
        assertThatThrownBy(() -> Mask.parse("random:150", S, 0)).hasMessageContaining("[0, 100]");
        assertThatThrownBy(() -> new Mask(S, new boolean[15])).hasMessageContaining("15 values")
                .hasMessageContaining("16");
        assertThatThrownBy(() -> Mask.topHalf(S).checkFits(new float[784])).hasMessageContaining("784")
                .hasMessageContaining("4x4");
    }

    @Test
    void isImmutable() {
        boolean[] flags = new boolean[16];
        Mask m = new Mask(S, flags);
        flags[0] = true;
        m.missing()[1] = true;
        assertThat(m.isEmpty()).isTrue();
    }

    @org.junit.jupiter.api.Test
    void aPaintedPngHidesItsLightPixelsAndMustMatchTheImageSize(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
            throws Exception {
        java.awt.image.BufferedImage img = new java.awt.image.BufferedImage(4, 3, java.awt.image.BufferedImage.TYPE_INT_ARGB);
        img.setRGB(1, 0, 0xFFFFFFFF); // white, opaque: hidden
        img.setRGB(2, 2, 0xFFC0C0C0); // light grey: hidden
        img.setRGB(3, 1, 0x00FFFFFF); // white but transparent: observed
        img.setRGB(0, 2, 0xFF202020); // dark: observed
        java.nio.file.Path png = dir.resolve("mask.png");
        javax.imageio.ImageIO.write(img, "png", png.toFile());
        ImageShape shape = ImageShape.grey(3, 4);
        Mask m = Mask.parse(png.toString(), shape, 1);
        assertThat(m.missingIndices()).containsExactly(1, 2 * 4 + 2);
        assertThatThrownBy(() -> Mask.fromPng(png, ImageShape.grey(4, 4)))
                .hasMessageContaining(png + ": the mask is 4x3 pixels but the images are 4x4");
        java.nio.file.Path bad = dir.resolve("bad.png");
        java.nio.file.Files.writeString(bad, "not a png");
        assertThatThrownBy(() -> Mask.fromPng(bad, shape))
                .isInstanceOf(InputException.class).hasMessageStartingWith(bad.toString());
    }
}
