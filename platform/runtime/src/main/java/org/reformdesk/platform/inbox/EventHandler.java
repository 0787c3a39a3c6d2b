package org.reformdesk.platform.inbox;

/** What a consumer does with one event; runs inside the transaction that records the event as processed. */
@FunctionalInterface
public interface EventHandler {

    void handle(IncomingEvent event);
}
