package org.reformdesk.inspection.inspections;

/**
 * Where a rectification item (整改清单) is: the unit is rectifying, has reported its rectification, or a
 * re-inspection (复查) verified it. A re-inspection that finds it wanting reopens it with a new deadline.
 */
enum RectificationState {
    RECTIFYING,
    REPORTED,
    VERIFIED;

    /** The unit reports its rectification; allowed until the item is verified. */
    public RectificationState afterReport() {
        if (this == VERIFIED) {
            throw new IllegalStateException("A verified rectification item takes no more reports.");
        }
        return REPORTED;
    }

    /** A re-inspection verifies or reopens; only a reported rectification can be re-inspected. */
    public RectificationState afterReInspection(ReInspectionOutcome outcome) {
        if (this != REPORTED) {
            throw new IllegalStateException("Only a reported rectification can be re-inspected.");
        }
        return outcome == ReInspectionOutcome.VERIFIED ? VERIFIED : RECTIFYING;
    }

    /** The deadline still binds: a verified item can no longer be late. */
    public boolean isOpen() {
        return this != VERIFIED;
    }
}
