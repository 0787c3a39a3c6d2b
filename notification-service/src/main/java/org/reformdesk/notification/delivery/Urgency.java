package org.reformdesk.notification.delivery;

/** How urgent a push message is (RFC 8030 §5.3): a phone on battery saving may hold back the less urgent ones. */
enum Urgency {
    VERY_LOW("very-low"), LOW("low"), NORMAL("normal"), HIGH("high");

    private final String header;

    Urgency(String header) {
        this.header = header;
    }

    /** The value of the {@code Urgency} header. */
    public String header() {
        return header;
    }
}
