package org.reformdesk.task.directory;

/** A person's post in their unit, which decides which reminders and copies reach them. */
public enum Post {
    /** 一把手: head of the unit, the default responsible person (责任人) of its tasks. */
    HEAD,
    /** 分管领导 */
    DEPUTY,
    /** 联络员 */
    LIAISON,
    /** 信息员 */
    INFORMATION_OFFICER,
    /** 市领导/县级领导: a city or district leader, e.g. a special group's head (组长). */
    LEADER
}
