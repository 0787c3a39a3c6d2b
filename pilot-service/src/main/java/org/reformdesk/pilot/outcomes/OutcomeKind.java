package org.reformdesk.pilot.outcomes;

/** What a pilot produced. */
enum OutcomeKind {
    /** 制度性成果 */
    INSTITUTIONAL_RESULT,
    /** 可复制可推广经验 */
    REPLICABLE_EXPERIENCE
}
