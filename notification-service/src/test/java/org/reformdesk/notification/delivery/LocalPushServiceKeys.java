package org.reformdesk.notification.delivery;

import java.security.interfaces.ECPrivateKey;

/** A P-256 private key as the 32-byte scalar that VAPID configuration takes. */
final class LocalPushServiceKeys {

    private LocalPushServiceKeys() {
    }

    static byte[] scalar(ECPrivateKey key) {
        byte[] bytes = key.getS().toByteArray();
        byte[] scalar = new byte[32];
        int from = Math.max(0, bytes.length - 32);
        System.arraycopy(bytes, from, scalar, 32 - (bytes.length - from), bytes.length - from);
        return scalar;
    }
}
