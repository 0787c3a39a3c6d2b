package org.reformdesk.inspection.orders;

/** How an order's days to reply are counted. */
enum DayCount {
    /** Every day counts. */
    CALENDAR,
    /** Only working days of the working calendar count: weekends and holidays do not, make-up days do. */
    WORKING
}
