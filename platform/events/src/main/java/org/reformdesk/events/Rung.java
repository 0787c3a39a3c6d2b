package org.reformdesk.events;

/** The supervision order ladder (Zibo 三单一书), lowest rung first. */
public enum Rung {
    REMINDER_NOTICE("提示单"),
    ASSIGNMENT_NOTICE("交办单"),
    URGING_NOTICE("催办单"),
    RECTIFICATION_ORDER("责令书");

    private final String label;

    Rung(String label) {
        this.label = label;
    }

    /** The rung's name as the seeds write it, for orders, reasons and bulletins. */
    public String label() {
        return label;
    }
}
