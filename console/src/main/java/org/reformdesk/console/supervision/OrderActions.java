package org.reformdesk.console.supervision;

import java.util.ArrayList;
import java.util.List;

/**
 * Which moves to offer on a supervision order (inspection-service/README.md): its target unit acknowledges and
 * answers; the reform office or an inspector accepts or rejects the answer and closes. The service decides.
 */
public final class OrderActions {

    private OrderActions() {
    }

    public static List<String> offered(String state, boolean targetUnitOfficer, boolean supervisor) {
        List<String> offers = new ArrayList<>();
        if (targetUnitOfficer) {
            if ("ISSUED".equals(state)) {
                offers.add("ACKNOWLEDGE");
            }
            if ("ISSUED".equals(state) || "ACKNOWLEDGED".equals(state)) {
                offers.add("ANSWER");
            }
        }
        if (supervisor) {
            if ("ANSWERED".equals(state)) {
                offers.add("ACCEPT");
                offers.add("REJECT");
            }
            if (!"CLOSED".equals(state) && !"SUPERSEDED".equals(state)) {
                offers.add("CLOSE");
            }
        }
        return offers;
    }

    /** ANSWER, REJECT and CLOSE need a note (the answer or the reason). */
    public static boolean needsNote(String action) {
        return List.of("ANSWER", "REJECT", "CLOSE").contains(action);
    }
}
