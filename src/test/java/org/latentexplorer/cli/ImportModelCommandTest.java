package org.latentexplorer.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.latentexplorer.model.OnnxFixtures;

/**
 * {@code import-model} as other tools call it: a good pair becomes a bundle every command opens; each
 * bad pair gets one message naming the file and the problem, exit code 2, and no file.
 */
class ImportModelCommandTest {
    @TempDir
    static Path dir;
    static Path conv;

    private static CliTest.Run importPair(Path out, String encoder, String decoder, String... more) {
        List<String> args = new ArrayList<>(List.of("import-model", "--encoder", OnnxFixtures.file(encoder).toString(),
                "--decoder", OnnxFixtures.file(decoder).toString(), "--input-shape", "28x28x1", "--out", out.toString()));
        args.addAll(List.of(more));
        return CliTest.run(args.toArray(String[]::new));
    }

    @BeforeAll
    static void importConvPair() {
        System.setProperty("latentexplorer.cache", dir.resolve("cache").toString());
        conv = dir.resolve("conv.lexb");
        CliTest.Run r = importPair(conv, "conv-encoder.onnx", "conv-decoder.onnx", "--likelihood", "bernoulli",
                "--decoder-output", "probabilities", "--labels", "mnist", "--name", "tiny conv");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("codes of 4 dimensions").contains("wrote " + conv);
    }

    @Test
    void everyCommandOpensAnImportedModel() throws Exception {
        CliTest.Run eval = CliTest.run("eval", "--model", conv.toString(), "--limit", "40", "--iw", "20", "--json");
        assertThat(eval.code()).as(eval.err()).isZero();
        assertThat(eval.out()).contains("iwLogLikelihood");
        Path grid = dir.resolve("grid.png");
        assertThat(CliTest.run("grid", "--model", conv.toString(), "--out", grid.toString()).code()).isZero();
        assertThat(ImageIO.read(grid.toFile()).getWidth()).isGreaterThan(100);
        Path samples = dir.resolve("s.png");
        assertThat(CliTest.run("sample", "--model", conv.toString(), "--n", "4", "--out", samples.toString()).code()).isZero();
        Path codes = dir.resolve("codes.csv");
        CliTest.Run c = CliTest.run("codes", "--model", conv.toString(), "--dataset", "mnist", "--limit", "30", "--out",
                codes.toString());
        assertThat(c.code()).as(c.err()).isZero();
        assertThat(Files.readAllLines(codes)).hasSize(31);
        CliTest.Run e = CliTest.run("embed", "--model", conv.toString(), "--dataset", "mnist", "--limit", "200",
                "--method", "pca", "--out", dir.resolve("e.csv").toString());
        assertThat(e.code()).as(e.err()).isZero();
        CliTest.Run in = CliTest.run("inpaint", "--model", conv.toString(), "--dataset", "mnist", "--limit", "3",
                "--method", "optimize", "--iterations", "20", "--mask", "top-half");
        assertThat(in.code()).as(in.err()).isZero();
        assertThat(in.out()).contains("RMSE missing");
        CliTest.Run train = CliTest.run("train", "--from", conv.toString(), "--dataset", "mnist", "--limit", "50",
                "--epochs", "1", "--out", dir.resolve("further.lexb").toString());
        assertThat(train.code()).isEqualTo(2);
        assertThat(train.err()).contains("conv.lexb").contains("cannot be trained here").doesNotContain("Exception");
        assertThat(dir.resolve("further.lexb")).doesNotExist();
    }

    @ParameterizedTest(name = "{0} + {1}")
    @CsvSource(delimiter = '|', value = {
        "one-output-encoder.onnx | dense-decoder.onnx | logits | has 1 output [mu]",
        "pair4-encoder.onnx | nan-decoder.onnx | logits | hold NaN values",
        "pair4-encoder.onnx | unbounded-decoder.onnx | probabilities | declared to return probabilities in [0, 1]",
        "pair4-encoder.onnx | short-decoder.onnx | logits | has shape [N, 100], which does not hold 28x28x1 images",
        "not-a-model.onnx | dense-decoder.onnx | logits | ONNX Runtime cannot open it as an ONNX model",
        "dense-encoder.onnx | conv-decoder.onnx | logits | takes codes of 4 dimensions",
        "nhwc-encoder.onnx | nhwc-decoder.onnx | mean | by their names the log-variance comes first",
        "missing.onnx | dense-decoder.onnx | logits | no such encoder file",
    })
    void badPairsAreRefusedWithOneMessageAndNothingWritten(String encoder, String decoder, String output, String message) {
        Path out = dir.resolve("bad-" + encoder + "-" + decoder + ".lexb");
        CliTest.Run r = importPair(out, encoder, decoder, "--likelihood",
                decoder.startsWith("nhwc") ? "gaussian:0.01" : "bernoulli", "--decoder-output", output);
        assertThat(r.code()).isEqualTo(LatentExplorerCommand.INPUT_ERROR);
        String firstNamed = encoder.equals("dense-encoder.onnx") ? decoder : encoder.equals("pair4-encoder.onnx") ? decoder : encoder;
        assertThat(r.err()).contains(firstNamed).contains(message).doesNotContain("Exception").doesNotContain("\tat ");
        assertThat(r.err().strip().lines().count()).isEqualTo(1);
        assertThat(out).doesNotExist();
        assertThat(dir).isDirectoryNotContaining("glob:**.tmp");
    }

    @Test
    void badOptionsAreRefusedBeforeAnyGraphRuns() {
        Path out = dir.resolve("x.lexb");
        assertThat(importPair(out, "dense-encoder.onnx", "dense-decoder.onnx", "--likelihood", "poisson",
                "--decoder-output", "logits").err()).contains("likelihood must be 'bernoulli' or 'gaussian:S2'");
        assertThat(importPair(out, "dense-encoder.onnx", "dense-decoder.onnx", "--likelihood", "bernoulli",
                "--decoder-output", "softmax").err()).contains("decoder output must be logits, probabilities or mean");
        assertThat(CliTest.run("import-model", "--encoder", OnnxFixtures.file("dense-encoder.onnx").toString(), "--decoder",
                OnnxFixtures.file("dense-decoder.onnx").toString(), "--input-shape", "28 by 28", "--likelihood",
                "bernoulli", "--decoder-output", "logits", "--out", out.toString()).err()).contains("must be HxWxC");
        assertThat(importPair(out, "dense-encoder.onnx", "dense-decoder.onnx", "--likelihood", "bernoulli",
                "--decoder-output", "logits", "--labels", "no-such-set").err()).contains("neither a known data set");
        assertThat(importPair(out, "dense-encoder.onnx", "dense-decoder.onnx", "--likelihood", "bernoulli",
                "--decoder-output", "logits", "--mean-output", "mu").err()).contains("name both");
        assertThat(out).doesNotExist();
    }
}
