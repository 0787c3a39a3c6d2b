package org.reformdesk.notification.delivery;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.reformdesk.notification.rules.Channel;
import org.reformdesk.notification.rules.ReminderKind;
import org.reformdesk.platform.time.ServiceClock;

import java.time.LocalTime;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/** Keeps each person's delivery preferences; someone who never chose gets the office's defaults. */
@ApplicationScoped
public class Preferences {

    @Inject
    EntityManager entityManager;

    @Inject
    DeliveryConfig config;

    @Inject
    ServiceClock clock;

    public DeliveryPreferences of(UUID person) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entityManager.createNativeQuery(
                        "SELECT quiet_from, quiet_until, digest_at FROM delivery_preference WHERE person_id = :person")
                .setParameter("person", person).getResultList();
        @SuppressWarnings("unchecked")
        List<Object[]> off = entityManager.createNativeQuery(
                        "SELECT kind, channel FROM channel_opt_out WHERE person_id = :person")
                .setParameter("person", person).getResultList();
        Set<DeliveryPreferences.OptOut> optOuts = new HashSet<>();
        for (Object[] row : off) {
            known((String) row[0]).ifPresent(kind -> optOuts.add(new DeliveryPreferences.OptOut(kind,
                    Channel.valueOf((String) row[1]))));
        }
        if (rows.isEmpty()) {
            return new DeliveryPreferences(config.quietHours(), false, Optional.empty(), optOuts);
        }
        Object[] row = rows.get(0);
        boolean own = row[0] != null;
        QuietHours quiet = own ? new QuietHours(time(row[0]), time(row[1])) : config.quietHours();
        return new DeliveryPreferences(quiet, own, Optional.ofNullable(row[2]).map(Preferences::time), optOuts);
    }

    /** Replaces a person's choices; {@code quietHours} empty means the office's. */
    @Transactional
    public DeliveryPreferences save(UUID person, Optional<QuietHours> quietHours, Optional<LocalTime> digestAt,
            Set<DeliveryPreferences.OptOut> optOuts, String actor) {
        entityManager.createNativeQuery("""
                        INSERT INTO delivery_preference (person_id, quiet_from, quiet_until, digest_at, updated_at, updated_by)
                        VALUES (:person, :from, :until, :digest, :now, :actor)
                        ON CONFLICT (person_id) DO UPDATE SET quiet_from = excluded.quiet_from,
                            quiet_until = excluded.quiet_until, digest_at = excluded.digest_at,
                            updated_at = excluded.updated_at, updated_by = excluded.updated_by""")
                .setParameter("person", person)
                .setParameter("from", quietHours.map(QuietHours::start).orElse(null))
                .setParameter("until", quietHours.map(QuietHours::end).orElse(null))
                .setParameter("digest", digestAt.orElse(null))
                .setParameter("now", clock.instant())
                .setParameter("actor", actor)
                .executeUpdate();
        entityManager.createNativeQuery("DELETE FROM channel_opt_out WHERE person_id = :person")
                .setParameter("person", person).executeUpdate();
        for (DeliveryPreferences.OptOut optOut : optOuts) {
            entityManager.createNativeQuery(
                            "INSERT INTO channel_opt_out (person_id, kind, channel) VALUES (:person, :kind, :channel)")
                    .setParameter("person", person)
                    .setParameter("kind", optOut.kind().name())
                    .setParameter("channel", optOut.channel().name())
                    .executeUpdate();
        }
        return of(person);
    }

    /** A kind this version no longer has is no choice any more. */
    private static Optional<ReminderKind> known(String kind) {
        try {
            return Optional.of(ReminderKind.valueOf(kind));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static LocalTime time(Object value) {
        return value instanceof java.sql.Time time ? time.toLocalTime() : (LocalTime) value;
    }
}
