package org.reformdesk.task.spreadsheet;

import org.reformdesk.platform.sheets.SheetRows;
import org.reformdesk.task.directory.Person;
import org.reformdesk.task.directory.Post;
import org.reformdesk.task.directory.SpecialGroup;
import org.reformdesk.task.directory.Unit;
import org.reformdesk.task.ledger.TaskLifecycle;
import org.reformdesk.task.ledger.TaskOrigin;
import org.reformdesk.task.ledger.TaskRequests;
import org.reformdesk.task.ledger.TaskStatus;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** Turns one sheet row into a task request, naming every cell it cannot use. */
final class RowReader {

    /** A milestone cell item: 名称：日期 (or name: date). */
    private static final Pattern MILESTONE = Pattern.compile("(.+?)\\s*[:：]\\s*([^:：]+)");
    private static final Pattern MILESTONE_ITEMS = Pattern.compile("[;；\\n]+");

    /** The cells of a row's latest report. */
    private static final List<SheetColumn> PROGRESS = List.of(SheetColumn.PERCENT, SheetColumn.PROGRESS,
            SheetColumn.PERIOD);

    /** As long as a report filed through the API may be. */
    private static final int MAX_NARRATIVE = 10_000;

    private RowReader() {
    }

    /** The request, or null when a required cell is unusable; every problem goes to {@code errors}. */
    static TaskRequests.NewTask read(SheetRows.Row<SheetColumn> row, TaskStatus status, ImportService.Directory directory,
            List<String> errors) {
        String title = row.get(SheetColumn.TITLE);
        if (title == null) {
            errors.add(SheetColumn.TITLE.header() + " is empty");
        }
        List<UUID> leads = units(row, SheetColumn.LEAD_UNIT, directory, errors);
        if (row.get(SheetColumn.LEAD_UNIT) == null) {
            errors.add(SheetColumn.LEAD_UNIT.header() + " is empty");
        }
        LocalDate deadline = date(row, SheetColumn.DEADLINE, errors);
        if (row.get(SheetColumn.DEADLINE) == null) {
            errors.add(SheetColumn.DEADLINE.header() + " is empty");
        }
        List<UUID> coLeads = new ArrayList<>(leads.size() > 1 ? leads.subList(1, leads.size()) : List.of());
        coLeads.addAll(units(row, SheetColumn.CO_LEADS, directory, errors));
        List<UUID> participants = units(row, SheetColumn.PARTICIPANTS, directory, errors);

        TaskOrigin origin = null;
        if (row.get(SheetColumn.ORIGIN) != null) {
            origin = CellText.origin(row.get(SheetColumn.ORIGIN)).orElse(null);
            if (origin == null) {
                errors.add(SheetColumn.ORIGIN.header() + " '" + row.get(SheetColumn.ORIGIN) + "' is not one of "
                        + String.join("、", CellText.ORIGINS.values()));
            }
        }
        Boolean rigid = null;
        if (row.get(SheetColumn.RIGID) != null) {
            rigid = CellText.rigid(row.get(SheetColumn.RIGID)).orElse(null);
            if (rigid == null) {
                errors.add(SheetColumn.RIGID.header() + " '" + row.get(SheetColumn.RIGID) + "' is neither 是 nor 否");
            }
        }
        Integer planYear = null;
        if (row.get(SheetColumn.PLAN_YEAR) != null) {
            try {
                planYear = Integer.parseInt(row.get(SheetColumn.PLAN_YEAR).replace("年", "").strip());
            } catch (NumberFormatException e) {
                errors.add(SheetColumn.PLAN_YEAR.header() + " '" + row.get(SheetColumn.PLAN_YEAR) + "' is not a year");
            }
        }
        UUID group = null;
        if (row.get(SheetColumn.GROUP) != null) {
            SpecialGroup found = directory.groups().get(ImportService.Directory.key(row.get(SheetColumn.GROUP)));
            if (found == null) {
                errors.add(SheetColumn.GROUP.header() + " '" + row.get(SheetColumn.GROUP) + "' is not a special group");
            } else {
                group = found.id;
            }
        }
        UUID lead = leads.isEmpty() ? null : leads.get(0);
        UUID leader = row.get(SheetColumn.LEADER) == null ? null
                : person(row.get(SheetColumn.LEADER), SheetColumn.LEADER, null, directory, errors);
        UUID responsible = null;
        if (row.get(SheetColumn.PERSON) != null) {
            responsible = person(row.get(SheetColumn.PERSON), SheetColumn.PERSON, lead, directory, errors);
        } else if (lead != null) {
            Person head = directory.headOf(lead);
            if (head == null) {
                errors.add(SheetColumn.PERSON.header() + " is empty and the lead unit has no head (一把手) in the directory");
            } else {
                responsible = head.id;
            }
        }
        List<TaskRequests.NewMilestone> milestones = milestones(row, errors);
        if (title == null || lead == null || deadline == null || !errors.isEmpty()) {
            return null;
        }
        return new TaskRequests.NewTask(row.get(SheetColumn.CODE), title, row.get(SheetColumn.DESCRIPTION),
                CellText.list(row.get(SheetColumn.AREAS)), origin, rigid, planYear, group, lead, coLeads, participants,
                leader, responsible, deadline, milestones, row.get(SheetColumn.OUTCOME),
                CellText.list(row.get(SheetColumn.TAGS)), status);
    }

    /**
     * Where the row's task stands in the ledger it comes from: its 状态 (else {@code status}, the import's), 销号日期,
     * 暂停日期 and latest report (进展百分比, 最新进展, 报告期); null when a cell is unusable, every problem in
     * {@code errors}.
     */
    static Standing standing(SheetRows.Row<SheetColumn> row, TaskStatus status, LocalDate today, List<String> errors) {
        int before = errors.size();
        TaskStatus stands = status;
        String statusText = row.get(SheetColumn.STATUS);
        if (statusText != null) {
            stands = CellText.status(statusText).orElse(null);
            if (stands == null) {
                errors.add(SheetColumn.STATUS.header() + " '" + statusText + "' is not one of "
                        + String.join("、", CellText.STATUSES.values()));
            }
        }
        LocalDate closedOn = date(row, SheetColumn.CLOSED_ON, errors);
        if (stands == TaskStatus.CLOSED && row.get(SheetColumn.CLOSED_ON) == null) {
            errors.add(CellText.STATUSES.get(TaskStatus.CLOSED) + " needs its " + SheetColumn.CLOSED_ON.header());
        } else if (stands != null && stands != TaskStatus.CLOSED && row.get(SheetColumn.CLOSED_ON) != null) {
            errors.add(SheetColumn.CLOSED_ON.header() + " is for " + CellText.STATUSES.get(TaskStatus.CLOSED)
                    + " tasks only");
        }
        if (closedOn != null && closedOn.isAfter(today)) {
            errors.add(SheetColumn.CLOSED_ON.header() + " " + closedOn + " has not come yet");
        }
        LocalDate suspendedOn = suspendedOn(row, stands, today, errors);
        Standing.Progress progress = progress(row, today, errors);
        if (progress != null && stands == TaskStatus.DRAFT) {
            errors.add("a " + CellText.STATUSES.get(TaskStatus.DRAFT) + " task has no progress reports");
        }
        return errors.size() > before ? null : new Standing(stands, closedOn, suspendedOn, progress);
    }

    /**
     * The day a suspended task's deadline clock stopped (暂停日期), which it needs: resuming it gives back the days
     * its deadline then had left. A row's 剩余天数, where given, is those days and must agree with 完成时限 and
     * 暂停日期 (a suspended task's deadline does not move); the ledger counts them from the two dates.
     */
    private static LocalDate suspendedOn(SheetRows.Row<SheetColumn> row, TaskStatus stands, LocalDate today,
            List<String> errors) {
        String suspended = CellText.STATUSES.get(TaskStatus.SUSPENDED);
        if (stands != TaskStatus.SUSPENDED) {
            if (stands != null) {
                for (SheetColumn column : List.of(SheetColumn.SUSPENDED_ON, SheetColumn.REMAINING_DAYS)) {
                    if (row.get(column) != null) {
                        errors.add(column.header() + " is for " + suspended + " tasks only");
                    }
                }
            }
            return null;
        }
        if (row.get(SheetColumn.SUSPENDED_ON) == null) {
            errors.add(suspended + " needs its " + SheetColumn.SUSPENDED_ON.header()
                    + ", the day the deadline clock stopped");
            return null;
        }
        LocalDate suspendedOn = date(row, SheetColumn.SUSPENDED_ON, errors);
        if (suspendedOn == null) {
            return null;
        }
        if (suspendedOn.isAfter(today)) {
            errors.add(SheetColumn.SUSPENDED_ON.header() + " " + suspendedOn + " has not come yet");
        }
        String daysText = row.get(SheetColumn.REMAINING_DAYS);
        LocalDate deadline = row.get(SheetColumn.DEADLINE) == null ? null
                : CellText.date(row.get(SheetColumn.DEADLINE)).orElse(null);
        if (daysText != null && deadline != null) {
            Integer days;
            try {
                days = Integer.parseInt(daysText.replace("天", "").strip());
            } catch (NumberFormatException e) {
                days = null;
            }
            int left = TaskLifecycle.remainingDays(deadline, suspendedOn);
            if (days == null || days < 0) {
                errors.add(SheetColumn.REMAINING_DAYS.header() + " '" + daysText + "' is not a whole number of days");
            } else if (days != left) {
                errors.add(SheetColumn.REMAINING_DAYS.header() + " " + days + " does not agree with "
                        + SheetColumn.DEADLINE.header() + " " + deadline + " and " + SheetColumn.SUSPENDED_ON.header()
                        + " " + suspendedOn + ": the clock stopped with " + left + " days left");
            }
        }
        return suspendedOn;
    }

    /** The latest report, when the row gives one: all three cells or none. */
    private static Standing.Progress progress(SheetRows.Row<SheetColumn> row, LocalDate today, List<String> errors) {
        if (PROGRESS.stream().allMatch(c -> row.get(c) == null)) {
            return null;
        }
        int before = errors.size();
        PROGRESS.stream().filter(c -> row.get(c) == null).forEach(c -> errors.add(c.header() + " is empty; a report "
                + "needs " + PROGRESS.stream().map(SheetColumn::header).collect(Collectors.joining("、"))));
        Integer percent = null;
        String percentText = row.get(SheetColumn.PERCENT);
        if (percentText != null) {
            try {
                percent = Integer.parseInt(percentText.replace("%", "").replace("％", "").strip());
            } catch (NumberFormatException e) {
                percent = null;
            }
            if (percent == null || percent < 0 || percent > 100) {
                errors.add(SheetColumn.PERCENT.header() + " '" + percentText + "' is not a whole number from 0 to 100");
            }
        }
        String narrative = row.get(SheetColumn.PROGRESS);
        if (narrative != null && narrative.length() > MAX_NARRATIVE) {
            errors.add(SheetColumn.PROGRESS.header() + " is longer than " + MAX_NARRATIVE + " characters");
        }
        YearMonth period = null;
        String periodText = row.get(SheetColumn.PERIOD);
        if (periodText != null) {
            period = CellText.month(periodText).orElse(null);
            if (period == null) {
                errors.add(SheetColumn.PERIOD.header() + " '" + periodText + "' is not a month such as 2027-03 or 2027年3月");
            } else if (period.isAfter(YearMonth.from(today))) {
                errors.add(SheetColumn.PERIOD.header() + " " + period + " is a month that has not begun");
            }
        }
        return errors.size() > before ? null : new Standing.Progress(period, percent, narrative);
    }

    private static List<UUID> units(SheetRows.Row<SheetColumn> row, SheetColumn column, ImportService.Directory directory,
            List<String> errors) {
        List<UUID> units = new ArrayList<>();
        for (String name : CellText.list(row.get(column))) {
            Unit unit = directory.unit(name);
            if (unit == null) {
                errors.add(column.header() + " '" + name + "' is not a unit in the directory");
            } else {
                units.add(unit.id);
            }
        }
        return units;
    }

    /** A person by name: in {@code unit} first where given, then a leader, then anyone uniquely so named. */
    private static UUID person(String name, SheetColumn column, UUID unit, ImportService.Directory directory,
            List<String> errors) {
        List<Person> named = directory.people().getOrDefault(ImportService.Directory.key(name), List.of());
        List<Person> preferred = named.stream().filter(p -> unit != null ? p.unitId.equals(unit) : p.post == Post.LEADER)
                .toList();
        List<Person> candidates = preferred.isEmpty() ? named : preferred;
        if (candidates.size() == 1) {
            return candidates.get(0).id;
        }
        errors.add(column.header() + " '" + name + "' " + (candidates.isEmpty() ? "is not a person in the directory"
                : "names " + candidates.size() + " people; keep one of them in the directory or rename"));
        return null;
    }

    private static LocalDate date(SheetRows.Row<SheetColumn> row, SheetColumn column, List<String> errors) {
        String text = row.get(column);
        if (text == null) {
            return null;
        }
        LocalDate date = CellText.date(text).orElse(null);
        if (date == null) {
            errors.add(column.header() + " '" + text + "' is not a date such as 2026-06-30 or 2026年6月底");
        }
        return date;
    }

    private static List<TaskRequests.NewMilestone> milestones(SheetRows.Row<SheetColumn> row, List<String> errors) {
        List<TaskRequests.NewMilestone> milestones = new ArrayList<>();
        String cell = row.get(SheetColumn.MILESTONES);
        if (cell == null) {
            return milestones;
        }
        for (String item : MILESTONE_ITEMS.split(cell)) {
            if (item.isBlank()) {
                continue;
            }
            Matcher matcher = MILESTONE.matcher(item.strip());
            LocalDate due = matcher.matches() ? CellText.date(matcher.group(2)).orElse(null) : null;
            if (due == null) {
                errors.add(SheetColumn.MILESTONES.header() + " '" + item.strip() + "' is not 名称：日期");
            } else {
                milestones.add(new TaskRequests.NewMilestone(matcher.group(1).strip(), due));
            }
        }
        return milestones;
    }
}
