package org.reformdesk.task.spreadsheet;

import org.reformdesk.task.directory.Person;
import org.reformdesk.task.directory.Post;
import org.reformdesk.task.directory.SpecialGroup;
import org.reformdesk.task.directory.Unit;
import org.reformdesk.task.ledger.TaskOrigin;
import org.reformdesk.task.ledger.TaskRequests;
import org.reformdesk.task.ledger.TaskStatus;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Turns one sheet row into a task request, naming every cell it cannot use. */
final class RowReader {

    /** A milestone cell item: 名称：日期 (or name: date). */
    private static final Pattern MILESTONE = Pattern.compile("(.+?)\\s*[:：]\\s*([^:：]+)");
    private static final Pattern MILESTONE_ITEMS = Pattern.compile("[;；\\n]+");

    private RowReader() {
    }

    /** The request, or null when a required cell is unusable; every problem goes to {@code errors}. */
    static TaskRequests.NewTask read(TaskSheet.SheetRow row, TaskStatus status, ImportService.Directory directory,
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

    private static List<UUID> units(TaskSheet.SheetRow row, SheetColumn column, ImportService.Directory directory,
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

    private static LocalDate date(TaskSheet.SheetRow row, SheetColumn column, List<String> errors) {
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

    private static List<TaskRequests.NewMilestone> milestones(TaskSheet.SheetRow row, List<String> errors) {
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
