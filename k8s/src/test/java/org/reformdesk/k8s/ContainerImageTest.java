package org.reformdesk.k8s;

import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The services' images are built by Quarkus' Jib extension, with the names the manifests run. */
class ContainerImageTest {

    private static Element serviceProfile() {
        return Repo.profile("quarkus-service").orElseThrow(() -> new AssertionError("the root pom lost its quarkus-service profile"));
    }

    /** The image group (the path before the service name) the quarkus-service profile sets. */
    static String group() {
        Element properties = Repo.child(serviceProfile(), "properties").orElseThrow();
        return Repo.childText(properties, "quarkus.container-image.group").orElseThrow();
    }

    @Test
    void everyServiceGetsTheJibExtension() {
        Element dependencies = Repo.child(serviceProfile(), "dependencies").orElseThrow();
        List<String> artifacts = Repo.children(dependencies, "dependency").stream()
                .map(d -> Repo.childText(d, "artifactId").orElse("")).toList();

        assertThat(artifacts).contains("quarkus-container-image-jib");
    }

    @Test
    void imagesAreNamedAfterTheGroupAndApplicationAndTaggedWithTheVersion() {
        Element properties = Repo.child(serviceProfile(), "properties").orElseThrow();

        assertThat(group()).isEqualTo("reform-desk");
        assertThat(Repo.childText(properties, "quarkus.container-image.name")).as("the default: quarkus.application.name").isEmpty();
        assertThat(Repo.childText(properties, "quarkus.container-image.tag")).as("the default: the project version").isEmpty();
        assertThat(Services.all()).allSatisfy(s -> assertThat(s.applicationName()).isEqualTo(s.name()));
    }

    @Test
    void theReadmeSaysHowToBuildAndPushThem() {
        assertThat(Repo.read(Repo.K8S.resolve("README.md")))
                .contains("-Dquarkus.container-image.build=true", "-Dquarkus.container-image.push=true");
    }
}
