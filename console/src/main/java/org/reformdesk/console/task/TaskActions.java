package org.reformdesk.console.task;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Which moves to offer on a task page (task-service/README.md, "Lifecycle", "Extension requests", "Corrections",
 * "Reassignment"): the reform office assigns, verifies, rejects, suspends, resumes and cancels, decides extension
 * requests, edits and reassigns; the lead unit's officer starts, requests close-out and asks for a later deadline.
 * Offering is a courtesy: task-service decides, and a refusal comes back as its problem.
 */
final class TaskActions {

    /** A move and whether the service requires a reason for it. */
    public record Offer(String action, boolean needsReason) {
    }

    /**
     * What a page offers beside the lifecycle. {@code extensionTooLate}: the person could have asked, but the
     * deadline has passed (the service answers 422), so the page says so instead of offering a form.
     */
    public record Changes(boolean requestExtension, boolean extensionTooLate, boolean decideExtension, boolean edit,
            boolean reassign) {
    }

    private static final Set<String> OPEN = Set.of("ASSIGNED", "IN_PROGRESS");

    /** While the deadline runs: the statuses in which an extension may be asked for. */
    private static final Set<String> RUNNING = Set.of("ASSIGNED", "IN_PROGRESS", "CLOSE_REQUESTED");

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

    /**
     * The extension, edit and reassignment forms to offer.
     *
     * @param deadline the task's deadline
     * @param today the service's business day
     * @param pending one of the task's extension requests waits for the office (a second is refused)
     */
    public static Changes changes(String status, boolean office, boolean leadUnitOfficer, LocalDate deadline,
            LocalDate today, boolean pending) {
        boolean mayAsk = (office || leadUnitOfficer) && RUNNING.contains(status) && !pending && deadline != null;
        boolean tooLate = mayAsk && today.isAfter(deadline);
        boolean correctable = office && !"CLOSED".equals(status) && !"CANCELLED".equals(status);
        return new Changes(mayAsk && !tooLate, tooLate, office && pending, correctable, correctable);
    }
}
