package org.reformdesk.events;

/** The assessment categories units are ranked within (Kunming). */
public enum AssessmentCategory {
    /** Departments carrying rigid reform tasks (承担刚性改革任务的部门). */
    A,
    /** Departments without rigid tasks. */
    B,
    /** Districts, counties and development zones (县市区、开发区). */
    C
}
