package org.reformdesk.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.util.Base64;
import java.util.Map;

/**
 * The local run's VAPID key pair for Web Push, made once under {@code .local/vapid/} and kept: browsers subscribe
 * with the public key, so a new pair would orphan every subscription. In Kubernetes the pair comes from a Secret.
 */
final class WebPushKeys {

    private WebPushKeys() {
    }

    /** notification-service's Web Push settings with the pair in {@code dir}, made there first if missing. */
    static Map<String, String> config(Path dir) {
        Path publicKey = dir.resolve("public-key");
        Path privateKey = dir.resolve("private-key");
        try {
            if (!Files.exists(publicKey) || !Files.exists(privateKey)) {
                generate(dir, publicKey, privateKey);
            }
            return Map.of("reform.channels.web-push.enabled", "true",
                    "reform.channels.web-push.subject", "mailto:reform-office@localhost",
                    "reform.channels.web-push.public-key", Files.readString(publicKey).strip(),
                    "reform.channels.web-push.private-key", Files.readString(privateKey).strip());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void generate(Path dir, Path publicKey, Path privateKey) throws IOException {
        KeyPair pair;
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp256r1"));
            pair = generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
        ECPublicKey ecPublic = (ECPublicKey) pair.getPublic();
        byte[] point = new byte[65];
        point[0] = 4;
        copy32(ecPublic.getW().getAffineX(), point, 1);
        copy32(ecPublic.getW().getAffineY(), point, 33);
        byte[] scalar = new byte[32];
        copy32(((ECPrivateKey) pair.getPrivate()).getS(), scalar, 0);
        Files.createDirectories(dir);
        Base64.Encoder base64url = Base64.getUrlEncoder().withoutPadding();
        Files.writeString(publicKey, base64url.encodeToString(point) + "\n");
        Files.writeString(privateKey, base64url.encodeToString(scalar) + "\n");
        try {
            Files.setPosixFilePermissions(privateKey, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException notPosix) {
            // a file system without POSIX permissions keeps the default
        }
    }

    /** A number as exactly 32 big-endian bytes, as the uncompressed point and the scalar want it. */
    private static void copy32(BigInteger value, byte[] into, int at) {
        byte[] bytes = value.toByteArray();
        int from = Math.max(0, bytes.length - 32);
        int length = bytes.length - from;
        System.arraycopy(bytes, from, into, at + 32 - length, length);
    }
}
