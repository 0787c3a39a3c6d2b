package org.reformdesk.events;

/** What kind of body a unit is. */
public enum UnitKind {
    /** 市级部门 */
    DEPARTMENT,
    /** 县/市/区 */
    DISTRICT,
    /** 开发区/度假区 */
    DEVELOPMENT_ZONE,
    /**
     * 改革办: a reform office (the city's 市委改革办), which runs the plan rather than carries it: it is not assessed
     * or ranked, and its people hear of what waits for the office's decision.
     */
    REFORM_OFFICE
}
