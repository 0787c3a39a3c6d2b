package org.reformdesk.notification.rules;

import org.reformdesk.events.MilestoneOverdue;
import org.reformdesk.events.MonthPublished;
import org.reformdesk.events.OrderClosed;
import org.reformdesk.events.OrderEscalated;
import org.reformdesk.events.OrderIssued;
import org.reformdesk.events.PilotSummaryOverdue;
import org.reformdesk.events.RectificationOverdue;
import org.reformdesk.events.ReformEvent;
import org.reformdesk.events.ReportOverdue;
import org.reformdesk.events.TaskClosed;
import org.reformdesk.events.TaskDueSoon;
import org.reformdesk.events.TaskOverdue;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Reads the occasions to remind people of, and the subjects that closed, out of other services' events. */
public final class Occasions {

    private Occasions() {
    }

    /** The occasions an event brings; none for events nobody is reminded of. */
    public static List<Occasion> of(ReformEvent event) {
        if (event instanceof TaskDueSoon due) {
            // a milestone's card and the task's own card due the same day are different occasions
            String key = due.dueOn() + "/" + due.daysLeft() + (blank(due.milestone()) ? "" : "/" + due.milestone());
            return List.of(new Occasion(ReminderKind.TASK_DUE_SOON, due.taskId(), key, due.leadUnitId(),
                    due.responsiblePersonId(), due.responsibleLeaderId(), facts("code", due.code(), "title",
                    due.title(), "dueOn", due.dueOn(), "daysLeft", due.daysLeft(), "milestone", due.milestone())));
        }
        if (event instanceof TaskOverdue overdue) {
            return List.of(new Occasion(ReminderKind.TASK_OVERDUE, overdue.taskId(), overdue.deadline().toString(),
                    overdue.leadUnitId(), overdue.responsiblePersonId(), overdue.responsibleLeaderId(),
                    facts("code", overdue.code(), "title", overdue.title(), "deadline", overdue.deadline())));
        }
        if (event instanceof MilestoneOverdue overdue) {
            return List.of(new Occasion(ReminderKind.MILESTONE_OVERDUE, overdue.taskId(),
                    overdue.milestone() + "/" + overdue.dueOn(), overdue.leadUnitId(), overdue.responsiblePersonId(),
                    overdue.responsibleLeaderId(), facts("code", overdue.code(), "title", overdue.title(),
                    "milestone", overdue.milestone(), "dueOn", overdue.dueOn())));
        }
        if (event instanceof ReportOverdue overdue) {
            return List.of(new Occasion(ReminderKind.REPORT_OVERDUE, overdue.taskId(), overdue.period(),
                    overdue.leadUnitId(), overdue.responsiblePersonId(), overdue.responsibleLeaderId(),
                    facts("code", overdue.code(), "title", overdue.title(), "period", overdue.period(),
                    "dueOn", overdue.dueOn())));
        }
        if (event instanceof OrderIssued issued) {
            return List.of(new Occasion(ReminderKind.ORDER_ISSUED, issued.orderId(), issued.rung().name(),
                    issued.targetUnitId(), null, null, facts("rung", issued.rung(), "subjectTitle",
                    issued.subjectTitle(), "issuedOn", issued.issuedOn(), "replyBy", issued.replyBy(),
                    "reason", issued.reason())));
        }
        if (event instanceof OrderEscalated escalated) {
            return List.of(new Occasion(ReminderKind.ORDER_ESCALATED, escalated.orderId(), escalated.rung().name(),
                    escalated.targetUnitId(), null, escalated.responsibleLeaderId(), facts("rung", escalated.rung(),
                    "subjectTitle", escalated.subjectTitle(), "issuedOn", escalated.issuedOn(), "replyBy",
                    escalated.replyBy())));
        }
        if (event instanceof PilotSummaryOverdue overdue) {
            return List.of(new Occasion(ReminderKind.PILOT_SUMMARY_OVERDUE, overdue.pilotId(),
                    overdue.kind() + "/" + overdue.period(), overdue.leadUnitId(), null, overdue.leadLeaderId(),
                    facts("name", overdue.name(), "summaryKind", overdue.kind(), "period", overdue.period(),
                    "dueOn", overdue.dueOn())));
        }
        if (event instanceof RectificationOverdue overdue) {
            return List.of(new Occasion(ReminderKind.RECTIFICATION_OVERDUE, overdue.itemId(),
                    overdue.dueOn().toString(), overdue.unitId(), overdue.responsiblePersonId(), null,
                    facts("description", overdue.description(), "dueOn", overdue.dueOn())));
        }
        if (event instanceof MonthPublished published) {
            UUID bulletin = UUID.nameUUIDFromBytes(("month-published/" + published.subject())
                    .getBytes(StandardCharsets.UTF_8));
            return published.ranking().stream().map(entry -> new Occasion(ReminderKind.MONTH_PUBLISHED, bulletin,
                    published.month(), entry.unitId(), null, null, facts("month", published.month(), "category",
                    published.category(), "rank", entry.rank(), "score", entry.score().toPlainString(), "units",
                    published.ranking().size(), "diagnosis", published.diagnosisUnitIds().contains(entry.unitId()))))
                    .toList();
        }
        return List.of();
    }

    /**
     * The subjects an event closes, whose repeating reminders stop: a closed task (销号), a closed order, and
     * an order superseded by the next rung.
     */
    public static List<UUID> closedBy(ReformEvent event) {
        if (event instanceof TaskClosed closed) {
            return List.of(closed.taskId());
        }
        if (event instanceof OrderClosed closed) {
            return List.of(closed.orderId());
        }
        if (event instanceof OrderEscalated escalated && escalated.supersededOrderId() != null) {
            return List.of(escalated.supersededOrderId());
        }
        return List.of();
    }

    private static Map<String, String> facts(Object... pairs) {
        Map<String, String> facts = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            facts.put((String) pairs[i], pairs[i + 1] == null ? "" : pairs[i + 1].toString());
        }
        return facts;
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
