package org.latentexplorer.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.latentexplorer.cli.LatentExplorerCommand;
import picocli.CommandLine;

class AppVersionTest {

    @Test
    void versionIsTheMavenProjectVersion() throws Exception {
        // The project's own <version>, the first one after its artifactId.
        Matcher m = Pattern.compile("<artifactId>latent-explorer</artifactId>\\s*<version>([^<]+)</version>")
                .matcher(Files.readString(Path.of("pom.xml")));
        assertThat(m.find()).isTrue();
        assertThat(AppVersion.version()).isEqualTo(m.group(1));
    }

    @Test
    void theVersionOptionPrintsTheSameVersion() {
        CommandLine cl = LatentExplorerCommand.commandLine();
        StringWriter out = new StringWriter();
        cl.setOut(new PrintWriter(out, true));
        assertThat(cl.execute("--version")).isZero();
        assertThat(out.toString().trim()).isEqualTo("Latent Explorer " + AppVersion.version());
    }
}
