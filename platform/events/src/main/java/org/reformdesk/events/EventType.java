package org.reformdesk.events;

import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** The catalogue of event types: CloudEvents type name, topic and payload record of each. */
public enum EventType {

    UNIT_CHANGED("reform.directory.unit-changed.v1", Topics.DIRECTORY, UnitChanged.class),
    PERSON_CHANGED("reform.directory.person-changed.v1", Topics.DIRECTORY, PersonChanged.class),
    GROUP_CHANGED("reform.directory.group-changed.v1", Topics.DIRECTORY, GroupChanged.class),
    PERSON_REMOVED("reform.directory.person-removed.v1", Topics.DIRECTORY, PersonRemoved.class),
    TASK_CREATED("reform.task.created.v1", Topics.TASKS, TaskCreated.class),
    TASK_DUE_SOON("reform.task.due-soon.v1", Topics.TASKS, TaskDueSoon.class),
    TASK_OVERDUE("reform.task.overdue.v1", Topics.TASKS, TaskOverdue.class),
    TASK_CLOSED("reform.task.closed.v1", Topics.TASKS, TaskClosed.class),
    REPORT_OVERDUE("reform.task.report-overdue.v1", Topics.TASKS, ReportOverdue.class),
    TASK_STATUS_CHANGED("reform.task.status-changed.v1", Topics.TASKS, TaskStatusChanged.class),
    TASK_DEADLINE_CHANGED("reform.task.deadline-changed.v1", Topics.TASKS, TaskDeadlineChanged.class),
    MILESTONE_OVERDUE("reform.task.milestone-overdue.v1", Topics.TASKS, MilestoneOverdue.class),
    PROGRESS_REPORTED("reform.task.progress-reported.v1", Topics.TASKS, ProgressReported.class),
    REPORT_DUE_SOON("reform.task.report-due-soon.v1", Topics.TASKS, ReportDueSoon.class),
    EXTENSION_REQUESTED("reform.task.extension-requested.v1", Topics.TASKS, ExtensionRequested.class),
    EXTENSION_DECIDED("reform.task.extension-decided.v1", Topics.TASKS, ExtensionDecided.class),
    TASK_REASSIGNED("reform.task.reassigned.v1", Topics.TASKS, TaskReassigned.class),
    PILOT_REGISTERED("reform.pilot.registered.v1", Topics.PILOTS, PilotRegistered.class),
    PILOT_SUMMARY_OVERDUE("reform.pilot.summary-overdue.v1", Topics.PILOTS, PilotSummaryOverdue.class),
    PILOT_SUMMARY_DUE_SOON("reform.pilot.summary-due-soon.v1", Topics.PILOTS, PilotSummaryDueSoon.class),
    PILOT_STATUS_CHANGED("reform.pilot.status-changed.v1", Topics.PILOTS, PilotStatusChanged.class),
    EXPERIENCE_PROMOTED("reform.pilot.experience-promoted.v1", Topics.PILOTS, ExperiencePromoted.class),
    ORDER_ISSUED("reform.supervision.order-issued.v1", Topics.SUPERVISION, OrderIssued.class),
    ORDER_ESCALATED("reform.supervision.order-escalated.v1", Topics.SUPERVISION, OrderEscalated.class),
    ORDER_CLOSED("reform.supervision.order-closed.v1", Topics.SUPERVISION, OrderClosed.class),
    RECTIFICATION_OVERDUE("reform.supervision.rectification-overdue.v1", Topics.SUPERVISION,
            RectificationOverdue.class),
    RECTIFICATION_DUE_SOON("reform.supervision.rectification-due-soon.v1", Topics.SUPERVISION,
            RectificationDueSoon.class),
    ACCOUNTABILITY_RECORDED("reform.supervision.accountability-recorded.v1", Topics.SUPERVISION,
            AccountabilityRecorded.class),
    RANKING_UPDATED("reform.assessment.ranking-updated.v1", Topics.ASSESSMENT, RankingUpdated.class),
    MONTH_PUBLISHED("reform.assessment.month-published.v1", Topics.ASSESSMENT, MonthPublished.class),
    REMINDER_DELIVERED("reform.notification.delivered.v1", Topics.NOTIFICATIONS, ReminderDelivered.class),
    REMINDER_FAILED("reform.notification.failed.v1", Topics.NOTIFICATIONS, ReminderFailed.class);

    /**
     * What every type name looks like. A well-formed name we do not know comes from a newer producer and
     * is ignored; anything else is garbage and goes to the dead-letter topic.
     */
    private static final Pattern WELL_FORMED = Pattern.compile("reform\\.[a-z]+(\\.[a-z][a-z-]*)+\\.v[1-9][0-9]*");

    private static final Map<String, EventType> BY_NAME = Arrays.stream(values())
            .collect(Collectors.toUnmodifiableMap(EventType::typeName, Function.identity()));

    private final String typeName;
    private final String topic;
    private final Class<? extends ReformEvent> payload;

    EventType(String typeName, String topic, Class<? extends ReformEvent> payload) {
        this.typeName = typeName;
        this.topic = topic;
        this.payload = payload;
    }

    public String typeName() {
        return typeName;
    }

    public String topic() {
        return topic;
    }

    public Class<? extends ReformEvent> payload() {
        return payload;
    }

    /** Where this type's JSON Schema lives on the classpath. */
    public String schemaResource() {
        return "/schemas/" + typeName + ".json";
    }

    public static Optional<EventType> byName(String typeName) {
        return Optional.ofNullable(BY_NAME.get(typeName));
    }

    public static boolean isWellFormed(String typeName) {
        return typeName != null && WELL_FORMED.matcher(typeName).matches();
    }
}
