package org.reformdesk.local;

import java.nio.file.Path;

/** The five services: where each is built, the port it listens on locally and the database it owns. */
public enum Service {

    TASK("task-service", 8081, "reform_task"),
    PILOT("pilot-service", 8082, "reform_pilot"),
    INSPECTION("inspection-service", 8083, "reform_inspection"),
    ASSESSMENT("assessment-service", 8084, "reform_assessment"),
    NOTIFICATION("notification-service", 8085, "reform_notification");

    private final String module;
    private final int port;
    private final String database;

    Service(String module, int port, String database) {
        this.module = module;
        this.port = port;
        this.database = database;
    }

    public String module() {
        return module;
    }

    public int defaultPort() {
        return port;
    }

    public String database() {
        return database;
    }

    /** The packaged service, as {@code ./mvnw package} leaves it. */
    public Path jar(Path root) {
        return root.resolve(module).resolve("target/quarkus-app/quarkus-run.jar");
    }
}
