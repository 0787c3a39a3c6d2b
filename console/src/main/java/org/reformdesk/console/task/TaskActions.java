package org.reformdesk.console.task;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Which lifecycle moves to offer on a task page (task-service/README.md, "Lifecycle"): the reform office assigns,
 * verifies, rejects, suspends, resumes and cancels; the lead unit's officer starts and requests close-out. Offering
 * is a courtesy: task-service decides, and a refusal comes back as its problem.
 */
public final class TaskActions {

    /** A move and whether the service requires a reason for it. */
    public record Offer(String action, boolean needsReason) {
    }

    private static final Set<String> OPEN = Set.of("ASSIGNED", "IN_PROGRESS");

    private TaskActions() {
    }

    /**
     * @param status the task's status
     * @param office the person holds the reform-office role
     * @param leadUnitOfficer the person is a unit officer of the task's lead unit
     */
    public static List<Offer> offered(String status, boolean office, boolean leadUnitOfficer) {
        List<Offer> offers = new ArrayList<>();
        if (leadUnitOfficer || office) {
            if ("ASSIGNED".equals(status)) {
                offers.add(new Offer("START", false));
            }
            if (OPEN.contains(status)) {
                offers.add(new Offer("REQUEST_CLOSE", false));
            }
        }
        if (office) {
            if ("DRAFT".equals(status)) {
                offers.add(new Offer("ASSIGN", false));
            }
            if ("CLOSE_REQUESTED".equals(status)) {
                offers.add(new Offer("CLOSE", false));
                offers.add(new Offer("REJECT", true));
            }
            if (OPEN.contains(status)) {
                offers.add(new Offer("SUSPEND", true));
            }
            if ("SUSPENDED".equals(status)) {
                offers.add(new Offer("RESUME", false));
            }
            if (!"CLOSED".equals(status) && !"CANCELLED".equals(status)) {
                offers.add(new Offer("CANCEL", true));
            }
        }
        return offers;
    }
}
