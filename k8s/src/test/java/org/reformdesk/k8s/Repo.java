package org.reformdesk.k8s;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

import javax.xml.parsers.DocumentBuilderFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/** The repository as the tests see it: where the manifests and the services are, and YAML read as trees. */
final class Repo {

    static final ObjectMapper YAML = new YAMLMapper(new YAMLFactory());

    /** The k8s module's folder; Surefire runs with it as the working directory. */
    static final Path K8S = locateK8s();
    static final Path ROOT = K8S.getParent();
    static final Path BASE = K8S.resolve("base");
    static final Path INFRA = K8S.resolve("infra");
    static final Path OVERLAYS = K8S.resolve("overlays");
    static final String NAMESPACE = "reform-desk";

    private Repo() {
    }

    private static Path locateK8s() {
        Path here = Path.of("").toAbsolutePath();
        if (Files.isDirectory(here.resolve("base")) && Files.isDirectory(here.resolve("overlays"))) {
            return here;
        }
        if (Files.isDirectory(here.resolve("k8s/base"))) {
            return here.resolve("k8s");
        }
        throw new IllegalStateException("Run the tests from the k8s module or the repository root, not " + here);
    }

    /** Every manifest file under k8s/ (Kustomize bases, infra, overlays), not the module's own build files. */
    static List<Path> manifestFiles() {
        List<Path> files = new ArrayList<>();
        for (Path dir : List.of(BASE, INFRA, OVERLAYS)) {
            try (Stream<Path> walk = Files.walk(dir)) {
                walk.filter(p -> p.toString().endsWith(".yaml") || p.toString().endsWith(".yml")).sorted().forEach(files::add);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return files;
    }

    /** The documents of a YAML stream, skipping empty ones (a file may start with comments and "---"). */
    static List<ObjectNode> readDocuments(Path file) {
        try {
            return readDocuments(Files.readString(file));
        } catch (IOException e) {
            throw new UncheckedIOException(file + ": " + e.getMessage(), e);
        }
    }

    static List<ObjectNode> readDocuments(String yaml) {
        List<ObjectNode> documents = new ArrayList<>();
        try (var parser = YAML.getFactory().createParser(yaml)) {
            var values = YAML.readValues(parser, JsonNode.class);
            while (values.hasNext()) {
                JsonNode node = values.next();
                if (node == null || node.isNull() || node.isMissingNode()) {
                    continue;
                }
                if (!node.isObject()) {
                    throw new IllegalArgumentException("A document is not a mapping: " + node);
                }
                documents.add((ObjectNode) node);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return documents;
    }

    static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The root POM, parsed. */
    static Document rootPom() {
        try {
            return DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(ROOT.resolve("pom.xml").toFile());
        } catch (Exception e) {
            throw new IllegalStateException("Cannot read the root pom.xml", e);
        }
    }

    static String projectVersion() {
        return childText(rootPom().getDocumentElement(), "version").orElseThrow();
    }

    /** The root POM's modules, in order. */
    static List<String> modules() {
        List<String> modules = new ArrayList<>();
        Element project = rootPom().getDocumentElement();
        for (Element m : children(child(project, "modules").orElseThrow(), "module")) {
            modules.add(m.getTextContent().trim());
        }
        return modules;
    }

    /** A profile of the root POM by id. */
    static Optional<Element> profile(String id) {
        Element project = rootPom().getDocumentElement();
        return child(project, "profiles").flatMap(profiles -> children(profiles, "profile").stream()
                .filter(p -> childText(p, "id").map(id::equals).orElse(false)).findFirst());
    }

    static Optional<Element> child(Element parent, String name) {
        return children(parent, name).stream().findFirst();
    }

    static Optional<String> childText(Element parent, String name) {
        return child(parent, name).map(e -> e.getTextContent().trim());
    }

    static List<Element> children(Element parent, String name) {
        List<Element> found = new ArrayList<>();
        NodeList nodes = parent.getChildNodes();
        for (int i = 0; i < nodes.getLength(); i++) {
            Node n = nodes.item(i);
            if (n instanceof Element e && e.getTagName().equals(name)) {
                found.add(e);
            }
        }
        return found;
    }
}
