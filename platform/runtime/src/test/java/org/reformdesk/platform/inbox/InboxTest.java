package org.reformdesk.platform.inbox;

import org.junit.jupiter.api.Test;

import java.sql.SQLException;

import static org.assertj.core.api.Assertions.assertThat;

class InboxTest {

    @Test
    void aLostConnectionOrAServerShuttingDownIsTheDatabasesFailureNotTheEvents() {
        assertThat(Inbox.databaseUnreachable(wrapped(new SQLException("I/O error", "08006")))).isTrue();
        assertThat(Inbox.databaseUnreachable(wrapped(new SQLException("terminating connection", "57P01")))).isTrue();
        assertThat(Inbox.databaseUnreachable(wrapped(new SQLException("too many clients", "53300")))).isTrue();
    }

    @Test
    void aRefusedStatementIsTheEventsFailure() {
        assertThat(Inbox.databaseUnreachable(wrapped(new SQLException("duplicate key", "23505")))).isFalse();
        assertThat(Inbox.databaseUnreachable(wrapped(new SQLException("no state")))).isFalse();
        assertThat(Inbox.databaseUnreachable(new IllegalStateException("a rule refused it"))).isFalse();
    }

    private static RuntimeException wrapped(SQLException cause) {
        return new IllegalStateException("the transaction failed", new RuntimeException("JDBC exception", cause));
    }
}
