package org.reformdesk.k8s;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link KustomizeBuild} yields what the real kustomize yields, object for object. Runs wherever kubectl is
 * installed (the build machines have it at /usr/bin/kubectl); elsewhere this test alone is skipped and the other
 * tests still check the Java build.
 */
class KustomizeParityTest {

    static List<String> overlays() {
        return Overlays.names();
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void javaBuildMatchesKubectlKustomize(String overlay) throws Exception {
        Optional<Path> kubectl = kubectl();
        Assumptions.assumeTrue(kubectl.isPresent(), "kubectl is not installed; parity with kustomize not checked");

        Process process = new ProcessBuilder(kubectl.get().toString(), "kustomize", Repo.OVERLAYS.resolve(overlay).toString())
                .redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(output).isZero();

        Map<String, ObjectNode> expected = KustomizeBuild.byKindAndName(Repo.readDocuments(output));
        Map<String, ObjectNode> actual = Overlays.index(overlay);
        assertThat(actual.keySet()).containsExactlyInAnyOrderElementsOf(expected.keySet());
        expected.forEach((key, object) -> assertThat(actual.get(key)).as(key).isEqualTo(object));
    }

    private static Optional<Path> kubectl() {
        Stream<Path> candidates = Stream.concat(Stream.of(Path.of("/usr/bin/kubectl"), Path.of("/usr/local/bin/kubectl")),
                Stream.of(System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator))
                        .filter(dir -> !dir.isBlank()).map(dir -> Path.of(dir, "kubectl")));
        return candidates.filter(Files::isExecutable).filter(KustomizeParityTest::works).findFirst();
    }

    private static boolean works(Path kubectl) {
        try {
            Process p = new ProcessBuilder(kubectl.toString(), "version", "--client").redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            return p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
