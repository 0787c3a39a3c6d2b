package org.reformdesk.pilot.outcomes;

/** How far an outcome was promoted (推广推介). */
enum PromotionLevel {
    CITY,
    PROVINCE,
    NATIONAL
}
