package org.reformdesk.notification.reminders;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.hibernate.query.NativeQuery;
import org.jboss.logging.Logger;
import org.reformdesk.notification.rules.Occasion;
import org.reformdesk.notification.rules.ReminderKind;
import org.reformdesk.platform.time.ServiceClock;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Reminds again of overdue occasions whose subject is still open, every interval of the kind's rule, until a
 * TaskClosed or OrderClosed stops it. Rows are taken with SKIP LOCKED, so replicas never send one round twice;
 * each round is a new occasion ({@code 2015-12-31#2}) and so is de-duplicated like any other.
 */
@ApplicationScoped
class Repeats {

    private static final Logger LOG = Logger.getLogger(Repeats.class);
    private static final int BATCH = 100;
    private static final TypeReference<Map<String, String>> FACTS = new TypeReference<>() {
    };

    @Inject
    EntityManager entityManager;

    @Inject
    ObjectMapper json;

    @Inject
    ServiceClock clock;

    @Inject
    ReminderService reminders;

    /**
     * Schedules the next round. The statement names the one table it writes, so Hibernate need not flush what the
     * consumer batch has pending (its outbox rows, written 100 events at a time) before it.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    void schedule(Occasion occasion, Instant next) {
        entityManager.createNativeQuery("""
                        INSERT INTO reminder_repeat (kind, subject_id, occasion, unit_id, responsible_person_id,
                                                     responsible_leader_id, facts, round, next_at)
                        VALUES (:kind, :subject, :occasion, :unit, :person, :leader, CAST(:facts AS jsonb), 1, :next)
                        ON CONFLICT DO NOTHING""")
                .unwrap(NativeQuery.class)
                .addSynchronizedQuerySpace("reminder_repeat")
                .setParameter("kind", occasion.kind().name())
                .setParameter("subject", occasion.subjectId())
                .setParameter("occasion", occasion.key())
                .setParameter("unit", occasion.unitId())
                .setParameter("person", occasion.responsiblePersonId())
                .setParameter("leader", occasion.responsibleLeaderId())
                .setParameter("facts", write(occasion.facts()))
                .setParameter("next", next)
                .executeUpdate();
    }

    @Transactional(Transactional.TxType.MANDATORY)
    void close(UUID subjectId, Instant now) {
        entityManager.createNativeQuery(
                        "UPDATE reminder_repeat SET closed_at = :now WHERE subject_id = :subject AND closed_at IS NULL")
                .setParameter("now", now)
                .setParameter("subject", subjectId)
                .executeUpdate();
    }

    /** The subject's open repeats go to its new unit, responsible person and leader from their next round. */
    @Transactional(Transactional.TxType.MANDATORY)
    void reassign(UUID subjectId, UUID unitId, UUID personId, UUID leaderId) {
        entityManager.createNativeQuery("""
                        UPDATE reminder_repeat SET unit_id = :unit, responsible_person_id = :person,
                                                   responsible_leader_id = :leader
                        WHERE subject_id = :subject AND closed_at IS NULL""")
                .unwrap(NativeQuery.class)
                .addSynchronizedQuerySpace("reminder_repeat")
                .setParameter("unit", unitId)
                .setParameter("person", personId)
                .setParameter("leader", leaderId)
                .setParameter("subject", subjectId)
                .executeUpdate();
    }

    @Scheduled(every = "${reform.reminders.repeat-sweep-every}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void onSchedule() {
        int sent = sweep();
        if (sent > 0) {
            LOG.infof("Repeated %d overdue occasion(s)", sent);
        }
    }

    /** Sends every round that fell due by now; returns how many occasions were repeated. */
    public int sweep() {
        int total = 0;
        int batch;
        do {
            batch = QuarkusTransaction.requiringNew().call(this::repeatDue);
            total += batch;
        } while (batch == BATCH);
        return total;
    }

    private int repeatDue() {
        Instant now = clock.instant();
        @SuppressWarnings("unchecked")
        List<Object[]> due = entityManager.createNativeQuery("""
                        SELECT kind, subject_id, occasion, unit_id, responsible_person_id, responsible_leader_id,
                               CAST(facts AS text), round, next_at
                        FROM reminder_repeat WHERE closed_at IS NULL AND next_at <= :now
                        ORDER BY next_at LIMIT :batch FOR UPDATE SKIP LOCKED""")
                .setParameter("now", now)
                .setParameter("batch", BATCH)
                .getResultList();
        for (Object[] row : due) {
            ReminderKind kind = ReminderKind.valueOf((String) row[0]);
            Occasion occasion = new Occasion(kind, (UUID) row[1], (String) row[2], (UUID) row[3], (UUID) row[4],
                    (UUID) row[5], read((String) row[6]));
            int round = ((Number) row[7]).intValue() + 1;
            reminders.deliver(occasion.repeat(round));
            Duration every = reminders.rules().rule(kind).repeatEvery().orElse(Duration.ofDays(1));
            Instant scheduled = toInstant(row[8]).plus(every);
            // after a long pause, one catch-up round, not one per missed interval
            Instant next = scheduled.isAfter(now) ? scheduled : now.plus(every);
            entityManager.createNativeQuery("""
                            UPDATE reminder_repeat SET round = :round, next_at = :next
                            WHERE kind = :kind AND subject_id = :subject AND occasion = :occasion""")
                    .setParameter("round", round)
                    .setParameter("next", next)
                    .setParameter("kind", kind.name())
                    .setParameter("subject", occasion.subjectId())
                    .setParameter("occasion", occasion.key())
                    .executeUpdate();
        }
        return due.size();
    }

    private static Instant toInstant(Object value) {
        if (value instanceof Instant instant) {
            return instant;
        }
        if (value instanceof java.time.OffsetDateTime time) {
            return time.toInstant();
        }
        return ((java.sql.Timestamp) value).toInstant();
    }

    private String write(Map<String, String> facts) {
        try {
            return json.writeValueAsString(facts);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private Map<String, String> read(String facts) {
        try {
            return json.readValue(facts, FACTS);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
