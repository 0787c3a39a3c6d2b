package org.reformdesk.events;

/**
 * A fact that one service publishes for the others. Implemented by every payload record; the record's
 * components are the CloudEvents {@code data}, {@link #type()} and {@link #subject()} fill the envelope.
 */
public interface ReformEvent {

    EventType type();

    /** The id of the entity the event is about: the CloudEvents subject and the Kafka key. */
    String subject();
}
