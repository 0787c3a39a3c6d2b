package org.reformdesk.inspection.calendar;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.reformdesk.platform.inbox.OncePerBatch;
import org.reformdesk.platform.paging.Page;
import org.reformdesk.platform.paging.PageRequest;
import org.reformdesk.platform.time.ServiceClock;

import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;
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
}
