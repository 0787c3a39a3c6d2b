package org.reformdesk.console.supervision;

import java.util.ArrayList;
import java.util.List;

/**
 * Which moves to offer on a supervision order (inspection-service/README.md): its target unit acknowledges and
 * answers; the reform office or an inspector accepts or rejects the answer and closes. The service decides.
 */
final class OrderActions {

    /** A move and whether it needs a note: the answer, or the reason for a rejection or a closing. */
    public record Offer(String action, boolean needsNote) {

        Offer(String action) {
            this(action, List.of("ANSWER", "REJECT", "CLOSE").contains(action));
        }
    }

    private OrderActions() {
    }

    public static List<Offer> offered(String state, boolean targetUnitOfficer, boolean supervisor) {
        List<Offer> offers = new ArrayList<>();
        if (targetUnitOfficer) {
            if ("ISSUED".equals(state)) {
                offers.add(new Offer("ACKNOWLEDGE"));
            }
            if ("ISSUED".equals(state) || "ACKNOWLEDGED".equals(state)) {
                offers.add(new Offer("ANSWER"));
            }
        }
        if (supervisor) {
            if ("ANSWERED".equals(state)) {
                offers.add(new Offer("ACCEPT"));
                offers.add(new Offer("REJECT"));
            }
            if (!"CLOSED".equals(state) && !"SUPERSEDED".equals(state)) {
                offers.add(new Offer("CLOSE"));
            }
        }
        return offers;
    }
}
