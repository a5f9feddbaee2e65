package org.latentexplorer.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.nd4j.linalg.factory.Nd4j;

class Nd4jBuildTest {
    private static final String X86 = "linux-x86_64";
    private static final Set<String> ALL = Set.of(Nd4jBuild.GENERIC.resource(X86), Nd4jBuild.AVX2.resource(X86),
            Nd4jBuild.AVX512.resource(X86));

    @Test
    void theCpusAvxLevelPicksTheBuild() {
        assertThat(Nd4jBuild.choose(X86, 3, ALL::contains)).isEqualTo(Nd4jBuild.AVX512);
        assertThat(Nd4jBuild.choose(X86, 2, ALL::contains)).isEqualTo(Nd4jBuild.AVX2);
        assertThat(Nd4jBuild.choose(X86, 1, ALL::contains)).isEqualTo(Nd4jBuild.GENERIC);
        assertThat(Nd4jBuild.choose(X86, 0, ALL::contains)).isEqualTo(Nd4jBuild.GENERIC);
        assertThat(Nd4jBuild.choose(X86, -1, ALL::contains)).isEqualTo(Nd4jBuild.GENERIC);
    }

    @Test
    void aBuildTheClassPathLacksFallsBackToTheNextOneDown() {
        Set<String> genericOnly = Set.of(Nd4jBuild.GENERIC.resource(X86));
        assertThat(Nd4jBuild.choose(X86, 3, genericOnly::contains)).isEqualTo(Nd4jBuild.GENERIC);
        Set<String> arm = Set.of(Nd4jBuild.GENERIC.resource("linux-arm64"));
        assertThat(Nd4jBuild.choose("linux-arm64", 3, arm::contains)).isEqualTo(Nd4jBuild.GENERIC);
        assertThat(Nd4jBuild.choose("linux-ppc64le", 0, ALL::contains)).isNull();
    }

    @Test
    void resourcesNameTheJniLibraryOfEachPlatform() {
        assertThat(Nd4jBuild.AVX512.resource(X86))
                .isEqualTo("org/nd4j/linalg/cpu/nativecpu/bindings/linux-x86_64-onednn-avx512/libjnind4jcpu.so");
        assertThat(Nd4jBuild.GENERIC.resource("windows-x86_64")).endsWith("/windows-x86_64/jnind4jcpu.dll");
        assertThat(Nd4jBuild.GENERIC.resource("macosx-arm64")).endsWith("/macosx-arm64/libjnind4jcpu.dylib");
    }

    @Test
    void everyLinuxX86BuildTravelsWithTheProgram() {
        ClassLoader loader = getClass().getClassLoader();
        if (Platforms.current().equals(X86)) {
            assertThat(ALL).allMatch(r -> loader.getResource(r) != null);
        }
    }

    @Test
    @EnabledOnOs(OS.LINUX)
    void ndFourJLoadsTheChosenBuild() throws IOException {
        Natives.Report report = Natives.init();
        assertThat(Nd4j.create(new float[] {1, 2, 3}).sumNumber().floatValue()).isEqualTo(6f);
        String folder = "/" + report.platform() + report.nd4j().extension() + "/libnd4jcpu.so";
        assertThat(Files.readAllLines(Path.of("/proc/self/maps")))
                .filteredOn(l -> l.contains("libnd4jcpu.so")).isNotEmpty().allMatch(l -> l.endsWith(folder));
    }

    @Test
    void aPlatformWithoutNativesGetsOneMessageNamingItAndWhatIsCarried() {
        ClassLoader loader = getClass().getClassLoader();
        assertThatThrownBy(() -> Natives.buildFor("linux-ppc64le", 0, loader))
                .isInstanceOf(Natives.UnsupportedPlatformException.class)
                .hasMessageStartingWith("Latent Explorer has no native libraries for linux-ppc64le")
                .hasMessageContaining("This copy carries " + Platforms.current())
                .hasMessageContaining("linux-arm64, macosx-x86_64, macosx-arm64, windows-x86_64");
    }
}
