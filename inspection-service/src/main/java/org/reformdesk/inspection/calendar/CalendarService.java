package org.reformdesk.inspection.calendar;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.reformdesk.platform.inbox.OncePerBatch;
import org.reformdesk.platform.paging.Page;
import org.reformdesk.platform.paging.PageRequest;
import org.reformdesk.platform.time.ServiceClock;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Keeps the working calendar the office loads each year, and answers which days are working days. */
@ApplicationScoped
public class CalendarService {

    @Inject
    ServiceClock clock;

    @Inject
    OncePerBatch oncePerBatch;

    /**
     * The calendar as it stands now. Read from the database each time, so every replica counts with the
     * office's latest edit (the table holds a few dozen days a year) — but once per consumer batch, not once for
     * each of its orders.
     */
    public WorkingCalendar calendar() {
        return oncePerBatch.value("working calendar", () -> new WorkingCalendar(CalendarDay.<CalendarDay>listAll()
                .stream().collect(Collectors.toMap(d -> d.day, d -> d.working))));
    }

    public Page<CalendarDay> exceptions(int year, PageRequest paging) {
        var found = CalendarDay.<CalendarDay>find("day >= ?1 and day < ?2 order by day",
                LocalDate.of(year, 1, 1), LocalDate.of(year + 1, 1, 1));
        return new Page<>(found.page(paging.page, paging.size).list(), paging.page, paging.size, found.count());
    }

    /** Every holiday and make-up working day of the year, in date order: a few dozen at most. */
    public List<CalendarDay> year(int year) {
        return CalendarDay.list("day >= ?1 and day < ?2 order by day", LocalDate.of(year, 1, 1),
                LocalDate.of(year + 1, 1, 1));
    }

    public Optional<CalendarDay> exception(LocalDate day) {
        return CalendarDay.findByIdOptional(day);
    }

    @Transactional
    public CalendarDay set(LocalDate day, boolean working, String note, String actor) {
        CalendarDay entry = CalendarDay.<CalendarDay>findByIdOptional(day).orElseGet(() -> {
            CalendarDay created = new CalendarDay();
            created.day = day;
            return created;
        });
        entry.working = working;
        entry.note = note;
        entry.changedAt = clock.instant();
        entry.changedBy = actor;
        entry.persist();
        return entry;
    }

    @Transactional
    public boolean remove(LocalDate day) {
        return CalendarDay.deleteById(day);
    }

    /** What replacing a year did: whether anything changed, and the latest replacement of that year (if any). */
    public record Replaced(YearSchedule schedule, boolean changed, Optional<CalendarYearReplacement> latest) {
    }

    /**
     * Makes the year's exceptions exactly those of {@code schedule}, in one transaction, and records who did it. A
     * day that keeps its kind keeps its note and its last change unless the schedule names it anew (a sheet's 名称), so
     * repeating the same schedule changes nothing and records nothing. Orders already issued keep their reply-by dates: each order stores its own when issued.
     */
    @Transactional
    public Replaced replaceYear(YearSchedule schedule, String actor) {
        int year = schedule.year();
        // Two offices replacing the same year at once would each insert the same new days; the second waits here.
        CalendarDay.getEntityManager().createNativeQuery(
                "SELECT count(*) FROM (SELECT pg_advisory_xact_lock(hashtext('calendar_day'), ?1)) AS locked")
                .setParameter(1, year).getSingleResult();
        Map<LocalDate, CalendarDay> stored = CalendarDay.<CalendarDay>list("day >= ?1 and day < ?2",
                LocalDate.of(year, 1, 1), LocalDate.of(year + 1, 1, 1)).stream()
                .collect(Collectors.toMap(d -> d.day, Function.identity()));
        boolean changed = false;
        for (CalendarDay day : stored.values()) {
            if (!schedule.days().containsKey(day.day)) {
                day.delete();
                changed = true;
            }
        }
        for (Map.Entry<LocalDate, Boolean> day : schedule.days().entrySet()) {
            CalendarDay entry = stored.get(day.getKey());
            Optional<String> name = schedule.name(day.getKey());
            if (entry != null && entry.working == day.getValue() && name.map(entry.note::equals).orElse(true)) {
                continue;
            }
            if (entry == null) {
                entry = new CalendarDay();
                entry.day = day.getKey();
            }
            entry.working = day.getValue();
            entry.note = name.orElse(day.getValue() ? "调休上班" : "法定节假日");
            entry.changedAt = clock.instant();
            entry.changedBy = actor;
            entry.persist();
            changed = true;
        }
        if (changed) {
            CalendarYearReplacement replacement = new CalendarYearReplacement();
            replacement.id = UUID.randomUUID();
            replacement.year = year;
            replacement.replacedAt = clock.instant();
            replacement.replacedBy = actor;
            replacement.holidays = new ArrayList<>(schedule.holidays());
            replacement.workingDays = new ArrayList<>(schedule.workingDays());
            replacement.persist();
        }
        return new Replaced(schedule, changed, replacements(year).stream().findFirst());
    }

    /** Every replacement of the year, newest first. */
    public List<CalendarYearReplacement> replacements(int year) {
        return CalendarYearReplacement.list("year = ?1 order by replacedAt desc", year);
    }
}
