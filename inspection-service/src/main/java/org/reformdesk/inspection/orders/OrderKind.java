package org.reformdesk.inspection.orders;

/**
 * Whether an order is a routine one or a key order. Key orders (重点督办单) and special supervision letters
 * (专项督办函) are high priority and copy the responsible leader from the first rung.
 */
enum OrderKind {
    ROUTINE("督办单"),
    KEY_ORDER("重点督办单"),
    SPECIAL_LETTER("专项督办函");

    private final String label;

    OrderKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public boolean isKey() {
        return this != ROUTINE;
    }

    public Priority priority() {
        return isKey() ? Priority.HIGH : Priority.NORMAL;
    }

    /** How urgently the target unit must deal with an order. */
    public enum Priority {
        NORMAL,
        HIGH
    }
}
