package org.reformdesk.inspection.inspections;

/** How serious a finding is: 一般, 较重, 严重. */
enum Severity {
    MINOR,
    MAJOR,
    SERIOUS
}
