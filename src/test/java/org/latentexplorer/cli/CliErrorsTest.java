package org.latentexplorer.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CliErrorsTest {
    @Test
    void outOfMemoryIsOneLineWithTheRemedy() {
        String line = CliSupport.describe(new OutOfMemoryError("Java heap space"));
        assertThat(line).startsWith("out of memory (Java heap space;").contains("LATENT_EXPLORER_JAVA_OPTS=-Xmx")
                .doesNotContain("\n");
    }

    @Test
    void otherErrorsAreOneLineNamingTheError() {
        assertThat(CliSupport.describe(new StackOverflowError())).isEqualTo(
                "internal error: java.lang.StackOverflowError (LATENT_EXPLORER_DEBUG=1 shows where)");
    }
}
