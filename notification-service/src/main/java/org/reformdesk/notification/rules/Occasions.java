package org.reformdesk.notification.rules;

import org.reformdesk.events.ExtensionDecided;
import org.reformdesk.events.ExtensionRequested;
import org.reformdesk.events.MilestoneOverdue;
import org.reformdesk.events.MonthPublished;
import org.reformdesk.events.OrderClosed;
import org.reformdesk.events.OrderEscalated;
import org.reformdesk.events.OrderIssued;
import org.reformdesk.events.PilotSummaryDueSoon;
import org.reformdesk.events.PilotSummaryOverdue;
import org.reformdesk.events.RectificationDueSoon;
import org.reformdesk.events.RectificationOverdue;
import org.reformdesk.events.ReformEvent;
import org.reformdesk.events.ReportDueSoon;
import org.reformdesk.events.ReportOverdue;
import org.reformdesk.events.TaskClosed;
import org.reformdesk.events.TaskDeadlineChanged;
import org.reformdesk.events.TaskDueSoon;
import org.reformdesk.events.TaskOverdue;
import org.reformdesk.events.TaskReassigned;

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
        if (event instanceof ReportDueSoon due) {
            return List.of(new Occasion(ReminderKind.REPORT_DUE_SOON, due.taskId(), due.period() + "/" + due.daysLeft(),
                    due.leadUnitId(), due.responsiblePersonId(), due.responsibleLeaderId(), facts("code", due.code(),
                    "title", due.title(), "period", due.period(), "dueOn", due.dueOn(), "daysLeft", due.daysLeft())));
        }
        if (event instanceof PilotSummaryDueSoon due) {
            return List.of(new Occasion(ReminderKind.PILOT_SUMMARY_DUE_SOON, due.pilotId(),
                    due.kind() + "/" + due.period() + "/" + due.daysLeft(), due.leadUnitId(), null, due.leadLeaderId(),
                    facts("name", due.name(), "summaryKind", due.kind(), "period", due.period(), "dueOn", due.dueOn(),
                    "daysLeft", due.daysLeft())));
        }
        if (event instanceof RectificationDueSoon due) {
            return List.of(new Occasion(ReminderKind.RECTIFICATION_DUE_SOON, due.itemId(),
                    due.dueOn() + "/" + due.daysLeft(), due.unitId(), due.responsiblePersonId(), null,
                    facts("description", due.description(), "dueOn", due.dueOn(), "daysLeft", due.daysLeft())));
        }
        if (event instanceof ExtensionRequested requested) {
            // the request is the subject, so the office's repeats stop when it is decided
            return List.of(new Occasion(ReminderKind.EXTENSION_REQUESTED, requested.requestId(), "requested",
                    requested.leadUnitId(), null, null, facts("code", requested.code(), "title", requested.title(),
                    "deadline", requested.deadline(), "requestedDeadline", requested.requestedDeadline(),
                    "reason", requested.reason(), "requestedBy", requested.requestedBy())));
        }
        if (event instanceof ExtensionDecided decided) {
            // the decision is for whoever asked; a request from a login that is nobody's goes to the task's 责任人
            UUID requester = decided.requesterPersonId() != null ? decided.requesterPersonId()
                    : decided.responsiblePersonId();
            return List.of(new Occasion(ReminderKind.EXTENSION_DECIDED, decided.requestId(), decided.decision(),
                    decided.leadUnitId(), requester, null, facts("code", decided.code(), "title", decided.title(),
                    "decision", decided.decision(), "previousDeadline", decided.previousDeadline(),
                    "requestedDeadline", decided.requestedDeadline(), "deadline", decided.deadline(),
                    "comment", decided.comment())));
        }
        if (event instanceof TaskReassigned reassigned) {
            boolean personChanged = !reassigned.responsiblePersonId().equals(reassigned.previousResponsiblePersonId());
            return List.of(new Occasion(ReminderKind.TASK_REASSIGNED, reassigned.taskId(),
                    reassigned.leadUnitId() + "/" + reassigned.responsiblePersonId(), reassigned.leadUnitId(),
                    reassigned.responsiblePersonId(), reassigned.responsibleLeaderId(), facts("code", reassigned.code(),
                    "title", reassigned.title(), "deadline", reassigned.deadline(), "reason", reassigned.reason(),
                    "personChanged", personChanged)));
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
     * The subjects an event closes, whose repeating reminders stop: a closed task (销号), a task whose deadline moved
     * (the old deadline's reminders are done with; a new deadline is a new occasion), a closed order, an order
     * superseded by the next rung, and a decided extension request.
     */
    public static List<UUID> closedBy(ReformEvent event) {
        if (event instanceof TaskClosed closed) {
            return List.of(closed.taskId());
        }
        if (event instanceof TaskDeadlineChanged changed) {
            return List.of(changed.taskId());
        }
        if (event instanceof ExtensionDecided decided) {
            return List.of(decided.requestId());
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
