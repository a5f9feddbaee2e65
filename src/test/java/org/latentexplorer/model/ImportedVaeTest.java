package org.latentexplorer.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.latentexplorer.common.InputException;
import org.latentexplorer.data.Dataset;
import org.latentexplorer.data.ImageShape;

/** VAEs exported from PyTorch to ONNX, imported and run through ONNX Runtime, against PyTorch's own figures. */
class ImportedVaeTest {
    @TempDir
    Path dir;

    private static float[][] testImages(JsonNode indices) {
        Dataset test = OnnxFixtures.mnistTest();
        float[][] x = new float[indices.size()][];
        for (int i = 0; i < x.length; i++) {
            x[i] = test.row(indices.get(i).asInt() - 9000);
        }
        return x;
    }

    /** float32 kernels differ in summation order: 1e-5, relative for values above 1 in size (logits). */
    private static void close(float[][] actual, float[][] expected, String what) {
        assertThat(actual.length).as(what).isEqualTo(expected.length);
        for (int i = 0; i < expected.length; i++) {
            assertThat(actual[i].length).as(what + " row " + i).isEqualTo(expected[i].length);
            for (int j = 0; j < expected[i].length; j++) {
                double tol = 1e-5 * Math.max(1, Math.abs(expected[i][j]));
                assertThat((double) actual[i][j]).as("%s [%d][%d]", what, i, j)
                        .isCloseTo(expected[i][j], org.assertj.core.data.Offset.offset(tol));
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"dense", "conv", "nhwc"})
    void posteriorAndDecodesMatchPyTorch(String pair) throws Exception {
        JsonNode ref = OnnxFixtures.reference().get(pair);
        float[][] x = testImages(ref.get("test_indices"));
        ModelImporter.Result r = ModelImporter.importPair(OnnxFixtures.request(pair), x);
        try (ImportedVae m = r.model()) {
            assertThat(m.latentDim()).isEqualTo(ref.get("latent_dim").asInt());
            Posterior q = m.encode(x);
            close(q.mean(), OnnxFixtures.matrix(ref.get("mu")), pair + " mu");
            close(q.logVar(), OnnxFixtures.matrix(ref.get("logvar")), pair + " logvar");
            close(m.decodeRaw(OnnxFixtures.matrix(ref.get("codes"))), OnnxFixtures.matrix(ref.get("decoded")),
                    pair + " decoded");
            // The means the screens show are in [0, 1] whatever the decoder returns.
            for (float[] row : m.decode(OnnxFixtures.matrix(ref.get("codes")))) {
                for (float v : row) {
                    assertThat(v).isBetween(0f, 1f);
                }
            }
        }
    }

    @Test
    void bundleKeepsTheGraphsAndReopensWiredTheSameWay() throws Exception {
        JsonNode ref = OnnxFixtures.reference().get("nhwc");
        float[][] x = testImages(ref.get("test_indices"));
        Path file = dir.resolve("nhwc.lexb");
        float[][] before;
        try (ModelBundle b = new ModelBundle(ModelImporter.importPair(OnnxFixtures.request("nhwc"), x).model(), null,
                null, null)) {
            before = b.model().encode(x).mean();
            b.save(file);
        }
        try (ZipFile zip = new ZipFile(file.toFile())) {
            assertThat(zip.getEntry("encoder.onnx").getSize()).isEqualTo(Files.size(OnnxFixtures.file("nhwc-encoder.onnx")));
            assertThat(zip.getEntry("decoder.onnx")).isNotNull();
            assertThat(new String(zip.getInputStream(zip.getEntry("manifest.json")).readAllBytes())).containsPattern("\"version\"\\s*:\\s*3");
        }
        try (ModelBundle b = ModelBundle.load(file)) {
            assertThat(b.config().arch()).isEqualTo("onnx");
            assertThat(b.config().extra()).containsEntry("onnxMeanOutput", "z_mean").containsEntry("name", "nhwc");
            assertThat(b.model().encode(x).mean()).isDeepEqualTo(before);
            assertThat(b.model().logLikelihood(new float[][]{x[0]}, new float[][]{before[0]})[0]).isFinite();
        }
    }

    /** Copies {@code from} to {@code to}, replacing (or, with null, dropping) entries by name. */
    private static void rewrite(Path from, Path to, java.util.Map<String, byte[]> replace) throws Exception {
        try (ZipFile in = new ZipFile(from.toFile());
             var out = new java.util.zip.ZipOutputStream(Files.newOutputStream(to))) {
            for (var e : java.util.Collections.list(in.entries())) {
                byte[] bytes = replace.containsKey(e.getName()) ? replace.get(e.getName())
                        : in.getInputStream(e).readAllBytes();
                if (bytes != null) {
                    out.putNextEntry(new java.util.zip.ZipEntry(e.getName()));
                    out.write(bytes);
                    out.closeEntry();
                }
            }
        }
    }

    @Test
    void damagedImportedBundlesAreRefusedWithTheirFileAndEntry() throws Exception {
        JsonNode ref = OnnxFixtures.reference().get("dense");
        Path good = dir.resolve("dense.lexb");
        try (ModelBundle b = new ModelBundle(ModelImporter.importPair(OnnxFixtures.request("dense"),
                testImages(ref.get("test_indices"))).model(), null, null, null)) {
            b.save(good);
        }
        byte[] encoder = Files.readAllBytes(OnnxFixtures.file("dense-encoder.onnx"));
        byte[] decoder = Files.readAllBytes(OnnxFixtures.file("dense-decoder.onnx"));
        Path bad = dir.resolve("bad.lexb");
        rewrite(good, bad, java.util.Collections.singletonMap("encoder.onnx", null));
        assertThatThrownBy(() -> ModelBundle.load(bad)).isInstanceOf(InputException.class)
                .hasMessageContaining(bad.toString()).hasMessageContaining("no encoder.onnx inside");
        rewrite(good, bad, java.util.Map.of("encoder.onnx", java.util.Arrays.copyOf(encoder, encoder.length / 2)));
        assertThatThrownBy(() -> ModelBundle.load(bad)).isInstanceOf(InputException.class)
                .hasMessageContaining(bad + " (encoder.onnx): ONNX Runtime cannot open it");
        rewrite(good, bad, java.util.Map.of("encoder.onnx", decoder, "decoder.onnx", encoder));
        assertThatThrownBy(() -> ModelBundle.load(bad)).isInstanceOf(InputException.class)
                .hasMessageContaining(bad.toString());
        String config = new String(new ZipFile(good.toFile()).getInputStream(new ZipFile(good.toFile())
                .getEntry("config.json")).readAllBytes());
        rewrite(good, bad, java.util.Map.of("config.json", config.replace("\"latentDim\" : 8", "\"latentDim\" : 9")
                .getBytes()));
        assertThatThrownBy(() -> ModelBundle.load(bad)).isInstanceOf(InputException.class)
                .hasMessageContaining(bad.toString()).hasMessageContaining("codes of 8 dimensions but the config says 9");
    }

    @Test
    void lossTermsAndTemperatureBehaveAsForOwnModels() throws Exception {
        JsonNode ref = OnnxFixtures.reference().get("dense");
        float[][] x = testImages(ref.get("test_indices"));
        try (ImportedVae m = ModelImporter.importPair(OnnxFixtures.request("dense"), x).model()) {
            LossTerms t = m.loss(x, new SplittableRandom(3));
            assertThat(t.term("recon")).isPositive();
            assertThat(t.term("kl")).isPositive();
            assertThat(t.loss()).isCloseTo(t.term("recon") + t.term("kl"), org.assertj.core.data.Offset.offset(1e-9));
            float[][] cold = m.samplePrior(200, 0.0, new SplittableRandom(1));
            for (float v : cold[0]) {
                assertThat(Math.abs(v)).isZero();
            }
            assertThatThrownBy(() -> Models.create(m.config(), 1)).isInstanceOf(InputException.class)
                    .hasMessageContaining("cannot be trained here");
        }
    }

    @Test
    void tensorLayoutsRoundTripColourImages() {
        ImageShape rgb = new ImageShape(3, 2, 2);
        float[] chw = {0, 1, 2, 3, 10, 11, 12, 13, 20, 21, 22, 23};
        float[] hwc = TensorLayout.NHWC.pack(new float[][]{chw}, rgb);
        assertThat(hwc).containsExactly(0, 10, 20, 1, 11, 21, 2, 12, 22, 3, 13, 23);
        assertThat(TensorLayout.NHWC.unpack(hwc, 1, rgb)[0]).containsExactly(chw);
        assertThat(TensorLayout.detect(new long[]{-1, 2, 2, 3}, rgb)).isEqualTo(TensorLayout.NHWC);
        assertThat(TensorLayout.detect(new long[]{-1, 3, 2, 2}, rgb)).isEqualTo(TensorLayout.NCHW);
        assertThat(TensorLayout.detect(new long[]{-1, 12}, rgb)).isEqualTo(TensorLayout.FLAT);
        assertThat(TensorLayout.detect(new long[]{-1, 2, 2}, rgb)).isNull();
        assertThat(TensorLayout.detect(new long[]{-1, 28, 28}, ImageShape.grey(28, 28))).isEqualTo(TensorLayout.NHW);
    }

    /**
     * Burda et al.'s estimate with K = 5000 on the 500 test images PyTorch binarised, against PyTorch's
     * own estimate from the same images and the same graphs: different random draws, so within 0.2 nat.
     */
    @Test
    @Tag("slow")
    void importanceWeightedLogLikelihoodAgreesWithPyTorch() throws Exception {
        JsonNode ref = OnnxFixtures.reference().get("dense");
        int n = ref.get("iwll_images").asInt(), k = ref.get("iwll_k").asInt();
        byte[] bits = Files.readAllBytes(OnnxFixtures.file("iwll-images.bin"));
        assertThat(bits).hasSize(n * 784);
        float[][] x = new float[n][784];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < 784; j++) {
                x[i][j] = bits[i * 784 + j];
            }
        }
        try (ImportedVae m = ModelImporter.importPair(OnnxFixtures.request("dense"), java.util.Arrays.copyOf(x, 16)).model()) {
            SplittableRandom rng = new SplittableRandom(11);
            double sum = 0;
            for (float[] xi : x) {
                double[] w = m.logImportanceWeights(xi, k, rng);
                double max = java.util.Arrays.stream(w).max().orElseThrow();
                double s = 0;
                for (double v : w) {
                    s += Math.exp(v - max);
                }
                sum += max + Math.log(s / k); // log (1/K) Σ w_k (Burda et al. 2016, eq. 8)
            }
            assertThat(sum / n).isCloseTo(ref.get("iwll").asDouble(), org.assertj.core.data.Offset.offset(0.2));
        }
    }
}
