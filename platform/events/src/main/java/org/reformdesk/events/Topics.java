package org.reformdesk.events;

/** The Kafka topics, one per owning service, keyed by the subject's id so one subject's events stay in order. */
public final class Topics {

    public static final String TASKS = "reform.tasks.v1";
    public static final String PILOTS = "reform.pilots.v1";
    public static final String SUPERVISION = "reform.supervision.v1";
    public static final String ASSESSMENT = "reform.assessment.v1";
    public static final String NOTIFICATIONS = "reform.notifications.v1";
    /** Compacted: the latest record per key is the current state of a unit, person or group. */
    public static final String DIRECTORY = "reform.directory.v1";

    private Topics() {
    }

    /** Where a consumer parks a record it can never process, with the reason in the record's headers. */
    public static String deadLetter(String topic) {
        return topic + ".dlq";
    }
}
