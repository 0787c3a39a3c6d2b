package org.reformdesk.task.spreadsheet;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.reformdesk.platform.paging.Page;
import org.reformdesk.platform.paging.PageRequest;
import org.reformdesk.task.directory.Person;
import org.reformdesk.task.directory.SpecialGroup;
import org.reformdesk.task.directory.Unit;
import org.reformdesk.task.ledger.LedgerFilter;
import org.reformdesk.task.ledger.Task;
import org.reformdesk.task.ledger.TaskLedger;
import org.reformdesk.task.ledger.TaskStatus;
import org.reformdesk.task.ledger.TaskView;
import org.reformdesk.task.ledger.Timeliness;
import org.reformdesk.task.reporting.ProgressReport;
import org.reformdesk.task.reporting.ReportService;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/** Writes the filtered ledger (台账) as an .xlsx sheet with the Chinese headers an import reads back. */
@ApplicationScoped
class ExportService {

    private static final List<SheetColumn> COLUMNS = List.of(SheetColumn.CODE, SheetColumn.TITLE,
            SheetColumn.DESCRIPTION, SheetColumn.AREAS, SheetColumn.ORIGIN, SheetColumn.RIGID, SheetColumn.PLAN_YEAR,
            SheetColumn.GROUP, SheetColumn.LEAD_UNIT, SheetColumn.CO_LEADS, SheetColumn.PARTICIPANTS,
            SheetColumn.LEADER, SheetColumn.PERSON, SheetColumn.DEADLINE, SheetColumn.MILESTONES, SheetColumn.OUTCOME,
            SheetColumn.TAGS, SheetColumn.STATUS, SheetColumn.CLOSED_ON, SheetColumn.SUSPENDED_ON,
            SheetColumn.REMAINING_DAYS, SheetColumn.TIMELINESS, SheetColumn.PERCENT, SheetColumn.PROGRESS,
            SheetColumn.PERIOD);

    static final List<String> HEADERS = COLUMNS.stream().map(SheetColumn::header).toList();

    private static final Map<Timeliness, String> LIGHTS = Map.of(Timeliness.ON_TRACK, "绿灯", Timeliness.DUE_SOON, "黄灯",
            Timeliness.OVERDUE, "红灯");

    /** The most tasks one sheet carries; a whole city's plan is a few thousand. */
    static final int EXPORT_LIMIT = 100_000;
    private static final int CHUNK = 1_000;

    @Inject
    TaskLedger ledger;

    @Inject
    ReportService reports;

    /**
     * The ledger's rows as cells (text, the percent a number), read in one transaction so the sheet is one consistent
     * picture; the latest reports and close dates come a page of tasks at a time, not a query per task.
     */
    @Transactional
    public List<Object[]> rows(LedgerFilter filter, String sort) {
        Map<UUID, String> units = Unit.<Unit>listAll().stream().collect(Collectors.toMap(u -> u.id, u -> u.name));
        Map<UUID, String> groups = SpecialGroup.<SpecialGroup>listAll().stream()
                .collect(Collectors.toMap(g -> g.id, g -> g.name));
        Map<UUID, String> people = new HashMap<>();
        List<Object[]> rows = new ArrayList<>();
        for (int page = 0; page * CHUNK < EXPORT_LIMIT; page++) {
            Page<Task> chunk = ledger.list(filter, sort, PageRequest.of(page, CHUNK));
            List<UUID> named = chunk.items().stream()
                    .flatMap(t -> java.util.stream.Stream.of(t.responsibleLeaderId, t.responsiblePersonId))
                    .filter(id -> id != null && !people.containsKey(id)).distinct().toList();
            if (!named.isEmpty()) {
                Person.<Person>list("id in ?1", named).forEach(p -> people.put(p.id, p.name));
            }
            List<UUID> ids = chunk.items().stream().map(t -> t.id).toList();
            Map<UUID, ProgressReport> latest = reports.latest(ids);
            Map<UUID, LocalDate> closed = ledger.closedOn(ids);
            for (TaskView task : ledger.views(chunk.items())) {
                ProgressReport report = latest.get(task.id());
                LocalDate closedOn = task.status() == TaskStatus.CLOSED ? closed.get(task.id()) : null;
                rows.add(new Object[] {task.code(), task.title(), task.description(), String.join("、", task.policyAreas()),
                        CellText.ORIGINS.get(task.origin()), task.rigid() ? "是" : "否", String.valueOf(task.planYear()),
                        groups.get(task.groupId()), units.getOrDefault(task.leadUnitId(), String.valueOf(task.leadUnitId())),
                        names(task.coLeadUnitIds(), units), names(task.participatingUnitIds(), units),
                        name(task.responsibleLeaderId(), people), name(task.responsiblePersonId(), people),
                        task.deadline().toString(), task.milestones().stream().map(m -> m.name() + "：" + m.dueOn())
                        .collect(Collectors.joining("；")), task.expectedOutcome(), String.join("、", task.tags()),
                        CellText.STATUSES.get(task.status()), closedOn == null ? null : closedOn.toString(),
                        task.suspendedOn() == null ? null : task.suspendedOn().toString(), task.remainingDays(),
                        LIGHTS.get(task.timeliness()), report == null ? null : report.percent,
                        report == null ? null : report.narrative, report == null ? null : report.period});
            }
            if (chunk.items().size() < CHUNK) {
                break;
            }
        }
        return rows;
    }

    private static String names(List<UUID> ids, Map<UUID, String> names) {
        return ids.stream().map(id -> names.getOrDefault(id, id.toString())).collect(Collectors.joining("、"));
    }

    private static String name(UUID id, Map<UUID, String> names) {
        return id == null ? null : names.getOrDefault(id, id.toString());
    }
}
