package org.reformdesk.console.web;

import io.quarkus.qute.TemplateGlobal;

import java.util.List;

/** The values the services' enumerations take, in the order filters and forms offer them. */
@TemplateGlobal
class Choices {

    public static final List<String> lights = List.of("OVERDUE", "DUE_SOON", "ON_TRACK");
    public static final List<String> taskStatuses = List.of("DRAFT", "ASSIGNED", "IN_PROGRESS", "CLOSE_REQUESTED",
            "CLOSED", "SUSPENDED", "CANCELLED");
    public static final List<String> categories = List.of("A", "B", "C");
    public static final List<String> unitKinds = List.of("DEPARTMENT", "DISTRICT", "DEVELOPMENT_ZONE");
    public static final List<String> orderStates = List.of("ISSUED", "ACKNOWLEDGED", "ANSWERED", "CLOSED",
            "SUPERSEDED");
    public static final List<String> pilotLevels = List.of("NATIONAL", "PROVINCIAL", "MUNICIPAL", "SELF_SELECTED",
            "MICRO_REFORM");
    public static final List<String> pilotStatuses = List.of("CANDIDATE", "APPROVED", "IN_PROGRESS", "ACCEPTANCE",
            "COMPLETED", "EXITED");

    private Choices() {
    }
}
