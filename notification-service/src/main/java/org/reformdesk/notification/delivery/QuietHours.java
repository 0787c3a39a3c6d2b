package org.reformdesk.notification.delivery;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Optional;

/**
 * The night during which SMS and push wait (DOMAIN.md: reminders are not sent at night, they are queued for the
 * recipient's morning). The window may cross midnight (22:00–08:00); equal ends mean no quiet hours.
 */
public record QuietHours(LocalTime start, LocalTime end) {

    /** When a message due now may go out: empty if now is outside the quiet hours, else the morning's end. */
    public Optional<Instant> heldUntil(Instant now, ZoneId zone) {
        if (start.equals(end)) {
            return Optional.empty();
        }
        ZonedDateTime local = now.atZone(zone);
        LocalTime time = local.toLocalTime();
        LocalDate day = local.toLocalDate();
        boolean crossesMidnight = start.isAfter(end);
        boolean quiet = crossesMidnight ? !time.isBefore(start) || time.isBefore(end)
                : !time.isBefore(start) && time.isBefore(end);
        if (!quiet) {
            return Optional.empty();
        }
        LocalDate endDay = crossesMidnight && !time.isBefore(start) ? day.plusDays(1) : day;
        return Optional.of(endDay.atTime(end).atZone(zone).toInstant());
    }
}
