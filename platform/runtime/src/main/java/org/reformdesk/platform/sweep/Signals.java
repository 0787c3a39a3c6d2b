package org.reformdesk.platform.sweep;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.hibernate.Session;
import org.reformdesk.events.ReformEvent;
import org.reformdesk.platform.outbox.Outbox;
import org.reformdesk.platform.time.ServiceClock;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Emits an event once per occasion, however often sweeps find it and on however many replicas: the occasion's row
 * in its {@link SignalTable} and the event's row in the outbox are written in one transaction, and the signal's key
 * decides who emits. A second run, or a second replica sweeping at the same moment, inserts nothing and so emits
 * nothing; a transaction that dies before its commit (kill -9) leaves neither row, and the next sweep emits.
 */
@ApplicationScoped
public class Signals {

    @Inject
    EntityManager entityManager;

    @Inject
    Outbox outbox;

    @Inject
    ServiceClock clock;

    /**
     * Claims {@code occasions} in {@code table} and records in the outbox the event of each this transaction won, in
     * the order of {@code occasions}; returns how many it emitted.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public <O> int emit(SignalTable<O> table, List<O> occasions, Function<O, ? extends ReformEvent> event) {
        if (occasions.isEmpty()) {
            return 0;
        }
        List<O> won = claim(table, occasions);
        // one JDBC batch for the events of the page
        outbox.recordAll(won.stream().map(event).toList());
        return won.size();
    }

    private <O> List<O> claim(SignalTable<O> table, List<O> occasions) {
        List<O> won = new ArrayList<>();
        entityManager.unwrap(Session.class).doWork(connection -> {
            try (PreparedStatement claim = connection.prepareStatement(table.claimStatement())) {
                int parameter = 1;
                for (String[] values : table.parameters(occasions)) {
                    claim.setArray(parameter++, connection.createArrayOf("text", values));
                }
                claim.setObject(parameter, OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC));
                try (ResultSet positions = claim.executeQuery()) {
                    while (positions.next()) {
                        won.add(occasions.get((int) positions.getLong(1) - 1));
                    }
                }
            }
        });
        return won;
    }
}
