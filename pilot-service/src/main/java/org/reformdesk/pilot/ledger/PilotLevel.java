package org.reformdesk.pilot.ledger;

/** Who granted the pilot (试点层级). */
enum PilotLevel {
    /** 国家级 (granted by a ministry) */
    NATIONAL,
    /** 省级 */
    PROVINCIAL,
    /** 市级 */
    MUNICIPAL,
    /** 自选 */
    SELF_SELECTED,
    /** 微改革 */
    MICRO_REFORM
}
