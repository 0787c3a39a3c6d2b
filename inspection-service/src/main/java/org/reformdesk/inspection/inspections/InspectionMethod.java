package org.reformdesk.inspection.inspections;

/** How an inspection is carried out. */
enum InspectionMethod {
    /** 实地督察 */
    ON_SITE,
    /** 随机抽查 */
    RANDOM_SPOT_CHECK,
    /** 书面审查 */
    DOCUMENT_REVIEW
}
