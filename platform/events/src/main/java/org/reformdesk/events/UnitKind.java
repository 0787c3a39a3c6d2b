package org.reformdesk.events;

/** What kind of body a unit is. */
public enum UnitKind {
    /** 市级部门 */
    DEPARTMENT,
    /** 县/市/区 */
    DISTRICT,
    /** 开发区/度假区 */
    DEVELOPMENT_ZONE
}
