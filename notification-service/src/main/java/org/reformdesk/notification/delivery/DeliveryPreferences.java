package org.reformdesk.notification.delivery;

import org.reformdesk.notification.rules.Channel;
import org.reformdesk.notification.rules.ReminderKind;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Optional;
import java.util.Set;

/**
 * A person's choices about how reminders reach them, with the office's defaults where they chose nothing: the
 * channels they turned off per kind (a kind added later is on everywhere), their quiet hours, and the time of their
 * daily digest (none: each reminder goes out on its own). Reminders the office insists on ignore all three but the
 * office's quiet hours.
 */
public record DeliveryPreferences(QuietHours quietHours, boolean ownQuietHours, Optional<LocalTime> digestAt,
        Set<OptOut> optOuts) {

    /** A channel turned off for a kind. */
    public record OptOut(ReminderKind kind, Channel channel) {
    }

    public DeliveryPreferences {
        optOuts = Set.copyOf(optOuts);
    }

    /** The office's defaults: its quiet hours, no digest, every channel on. */
    public static DeliveryPreferences officeDefaults(QuietHours office) {
        return new DeliveryPreferences(office, false, Optional.empty(), Set.of());
    }

    public boolean wants(ReminderKind kind, Channel channel) {
        return !optOuts.contains(new OptOut(kind, channel));
    }

    /** The first digest after {@code after}: today's, if its time is still to come, else tomorrow's. */
    public Optional<Instant> nextDigest(Instant after, ZoneId zone) {
        return digestAt.map(at -> {
            ZonedDateTime local = after.atZone(zone);
            ZonedDateTime today = local.toLocalDate().atTime(at).atZone(zone);
            return (today.isAfter(local) ? today : today.plusDays(1)).toInstant();
        });
    }
}
