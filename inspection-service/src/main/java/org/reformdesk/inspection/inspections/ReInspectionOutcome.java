package org.reformdesk.inspection.inspections;

/** What a re-inspection (复查) found: the rectification holds, or it is reopened with a new deadline. */
enum ReInspectionOutcome {
    VERIFIED,
    REOPENED
}
