package org.reformdesk.inspection.accountability;

/** Accountability measures (问责方式). */
enum Measure {
    ADMONISHMENT_TALK("约谈"),
    CIRCULATED_CRITICISM("通报批评"),
    WARNING_TALK("诫勉谈话"),
    SELF_CRITICISM("作检讨");

    private final String label;

    Measure(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
