package org.reformdesk.notification.delivery;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What happened to one message on each of a person's devices (phones for FCM, browsers for Web Push), and so to the
 * delivery: sent when at least one device took it (a device that failed is named in the log, not retried, since the
 * others already show it); otherwise retried if any device may take it later (no sooner than the longest wait a
 * service asked for), and failed for good when every device is gone or refused it for good.
 */
final class DeviceOutcomes {

    private final String channel;
    private int delivered;
    private final List<String> gone = new ArrayList<>();
    private final List<String> refused = new ArrayList<>();
    private final List<String> later = new ArrayList<>();
    private Duration longestWait;

    DeviceOutcomes(String channel) {
        this.channel = channel;
    }

    /** The device's push service took the message. */
    void took() {
        delivered++;
    }

    /** The service says the device is no more (unregistered, expired): it is removed. */
    void gone(String device, String why) {
        gone.add(device + ": " + why);
    }

    /** The service refuses this message for this device for good. */
    void refused(String device, String why) {
        refused.add(device + ": " + why);
    }

    /** The service may take it later, after {@code wait} if it said. */
    void later(String device, String why, Optional<Duration> wait) {
        later.add(device + ": " + why);
        wait.filter(w -> longestWait == null || w.compareTo(longestWait) > 0).ifPresent(w -> longestWait = w);
    }

    /** The failures besides the devices that took it, for the log; empty when all took it. */
    List<String> failures() {
        List<String> all = new ArrayList<>(gone);
        all.addAll(refused);
        all.addAll(later);
        return all;
    }

    int taken() {
        return delivered;
    }

    /** Throws what the delivery comes to, unless some device took the message. */
    void conclude() throws ChannelFailure {
        if (delivered > 0) {
            return;
        }
        if (!later.isEmpty()) {
            String reason = channel + ": no device took the message yet; " + String.join("; ", failures());
            throw longestWait == null ? new ChannelFailure(reason) : ChannelFailure.retryAfter(reason, longestWait);
        }
        throw ChannelFailure.permanent(channel + ": " + (refused.isEmpty() && !gone.isEmpty()
                ? "every device of the recipient is gone; " : "no device took the message; ")
                + String.join("; ", failures()));
    }
}
