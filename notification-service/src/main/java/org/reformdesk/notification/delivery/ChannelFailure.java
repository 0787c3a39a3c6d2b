package org.reformdesk.notification.delivery;

/** A channel could not send a message this time; the message says why, and the delivery is retried. */
public class ChannelFailure extends Exception {

    public ChannelFailure(String reason) {
        super(reason);
    }

    public ChannelFailure(String reason, Throwable cause) {
        super(reason, cause);
    }
}
