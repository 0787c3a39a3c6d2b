package org.reformdesk.k8s;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * What the services actually expose, read from their sources: the config keys they know, their HTTP port, the
 * database they own, the topics they use and the top-level REST resources they serve. The manifests are held to
 * this, so a renamed key, a moved port or a new resource fails the build until k8s/ follows.
 */
final class Services {

    static final Path PLATFORM_CONFIG = Repo.ROOT.resolve("platform/runtime/src/main/resources/META-INF/microprofile-config.properties");
    static final Path TOPICS = Repo.ROOT.resolve("platform/events/src/main/java/org/reformdesk/events/Topics.java");

    private static final Pattern PATH = Pattern.compile("@(?:jakarta\\.ws\\.rs\\.)?Path\\s*\\(\\s*(?:value\\s*=\\s*)?(\"[^\"]*\"|[^)]*)\\)");
    private static final Pattern TYPE = Pattern.compile("\\b(class|interface|record|enum)\\s+\\w+");
    private static final Pattern JDBC_DATABASE = Pattern.compile("jdbc:postgresql://[^/]+/([A-Za-z0-9_]+)");

    private Services() {
    }

    /** One Quarkus module: a root-POM module with an application.properties (the quarkus-service profile's rule). */
    record Service(String name, Path dir, Properties properties) {

        int httpPort() {
            return Integer.parseInt(required("quarkus.http.port"));
        }

        String applicationName() {
            return required("quarkus.application.name");
        }

        String database() {
            Matcher m = JDBC_DATABASE.matcher(required("quarkus.datasource.jdbc.url"));
            if (!m.find()) {
                throw new IllegalStateException(name + ": no database in quarkus.datasource.jdbc.url");
            }
            return m.group(1);
        }

        /** Topics the service reads or dead-letters to, from its mp.messaging channels. */
        List<String> topics() {
            return properties.stringPropertyNames().stream().filter(k -> k.startsWith("mp.messaging.") && k.endsWith(".topic"))
                    .map(properties::getProperty).sorted().toList();
        }

        String required(String key) {
            String value = properties.getProperty(key);
            if (value == null) {
                throw new IllegalStateException(name + "'s application.properties has no " + key);
            }
            return value;
        }

        /** Every config key the service defines, its own and the platform's (profile-specific ones excluded). */
        List<String> configKeys() {
            List<String> keys = new ArrayList<>(properties.stringPropertyNames());
            keys.addAll(load(PLATFORM_CONFIG).stringPropertyNames());
            return keys.stream().filter(k -> !k.startsWith("%")).toList();
        }

        /** Top-level resources under /api/v1 (e.g. "tasks") -> the resource class that serves them. */
        Map<String, String> apiResources() {
            Map<String, String> resources = new TreeMap<>();
            try (Stream<Path> sources = Files.walk(dir.resolve("src/main/java"))) {
                sources.filter(p -> p.toString().endsWith(".java")).forEach(source -> collectResources(source, resources));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return resources;
        }
    }

    /** The services: Quarkus modules that own a database (the console, which owns none, is {@link #console()}). */
    static List<Service> all() {
        List<Service> services = new ArrayList<>();
        for (Service module : quarkusModules()) {
            if (module.properties().containsKey("quarkus.datasource.jdbc.url")) {
                services.add(module);
            }
        }
        if (services.isEmpty()) {
            throw new IllegalStateException("No service modules found in the root pom.xml");
        }
        return services;
    }

    /** The web console: a Quarkus module without a database or a topic, calling the services' /api/v1. */
    static Service console() {
        return quarkusModules().stream().filter(m -> m.name().equals("console")).findFirst()
                .orElseThrow(() -> new IllegalStateException("No console module in the root pom.xml"));
    }

    /** Every root-POM module with an application.properties (the quarkus-service profile's rule). */
    private static List<Service> quarkusModules() {
        List<Service> modules = new ArrayList<>();
        for (String module : Repo.modules()) {
            Path dir = Repo.ROOT.resolve(module);
            Path properties = dir.resolve("src/main/resources/application.properties");
            if (Files.exists(properties)) {
                modules.add(new Service(dir.getFileName().toString(), dir, load(properties)));
            }
        }
        return modules;
    }

    static Properties load(Path file) {
        Properties properties = new Properties();
        try {
            properties.load(new StringReader(Files.readString(file)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return properties;
    }

    /** MicroProfile Config's environment-variable form of a key: non-alphanumerics to '_', upper case. */
    static String envName(String key) {
        return key.replaceAll("[^A-Za-z0-9]", "_").toUpperCase();
    }

    /** The String constants of the platform's Topics class. */
    static List<String> declaredTopics() {
        Matcher m = Pattern.compile("static final String \\w+ = \"([^\"]+)\"").matcher(Repo.read(TOPICS));
        List<String> topics = new ArrayList<>();
        while (m.find()) {
            topics.add(m.group(1));
        }
        return topics;
    }

    /** String constants of a platform class, by constant name. */
    static Map<String, String> constants(Path javaSource) {
        Matcher m = Pattern.compile("static final String (\\w+) = \"([^\"]+)\"").matcher(Repo.read(javaSource));
        Map<String, String> constants = new TreeMap<>();
        while (m.find()) {
            constants.put(m.group(1), m.group(2));
        }
        return constants;
    }

    /**
     * Reads the JAX-RS @Path annotations of one source file: the one before the type declaration is the class's,
     * the later ones are its methods' (sub-paths). A class at "/api/v1" serves the first segment of each method path.
     */
    private static void collectResources(Path source, Map<String, String> resources) {
        String code = Repo.read(source);
        Matcher type = TYPE.matcher(code);
        if (!code.contains("Path(") || !type.find()) {
            return;
        }
        int declaration = type.start();
        String classPath = null;
        List<String> methodPaths = new ArrayList<>();
        Matcher path = PATH.matcher(code);
        while (path.find()) {
            String literal = path.group(1).trim();
            if (!literal.startsWith("\"")) {
                throw new IllegalStateException(source + ": @Path(" + literal + ") is not a string literal; this test reads"
                        + " paths from source, so write the literal or teach Services.collectResources the constant");
            }
            String value = trim(literal.substring(1, literal.length() - 1));
            if (path.start() < declaration) {
                classPath = value;
            } else {
                methodPaths.add(value);
            }
        }
        if (classPath == null || !(classPath + "/").startsWith("api/v1/")) {
            return;
        }
        String rest = trim(classPath.substring("api/v1".length()));
        String className = source.getFileName().toString().replace(".java", "");
        if (!rest.isEmpty()) {
            resources.put(firstSegment(rest, source), className);
        } else {
            for (String methodPath : methodPaths) {
                resources.put(firstSegment(methodPath, source), className);
            }
        }
    }

    private static String firstSegment(String path, Path source) {
        String segment = path.split("/")[0];
        if (segment.isEmpty() || segment.contains("{")) {
            throw new IllegalStateException(source + ": a resource directly under /api/v1 has no fixed name: " + path);
        }
        return segment;
    }

    private static String trim(String path) {
        String p = path;
        while (p.startsWith("/")) {
            p = p.substring(1);
        }
        while (p.endsWith("/")) {
            p = p.substring(0, p.length() - 1);
        }
        return p;
    }
}
