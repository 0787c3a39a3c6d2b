package org.reformdesk.platform.evidence;

import org.reformdesk.platform.input.Storable;
import org.reformdesk.platform.problem.ProblemException;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Optional;

/**
 * An evidence file (佐证材料) as a unit attached it, checked: a name a person can read back (Chinese kept), at most
 * the configured size, and content that is one of the {@link EvidenceKind kinds} by its own bytes and named as such —
 * a program or an archive renamed to 报告.pdf is refused.
 */
public record EvidenceFile(String filename, EvidenceKind kind, byte[] content) {

    /** Longer names are cut by some file systems and fill a download dialog; none of the offices' names come close. */
    public static final int MAX_NAME_LENGTH = 200;

    /**
     * The file, or a problem: 400 for a missing, empty or unreadable name or an empty file, 413 over
     * {@code maxBytes}, 415 for content that is no allowed kind or not the kind its name says.
     */
    public static EvidenceFile checked(String filename, byte[] content, long maxBytes) {
        String name = baseName(filename);
        if (name.isEmpty()) {
            throw ProblemException.invalid("file", "has no file name");
        }
        Optional<String> unreadable = Storable.text(name);
        if (unreadable.isPresent()) {
            throw ProblemException.invalid("file", "its name " + unreadable.get());
        }
        if (name.length() > MAX_NAME_LENGTH) {
            throw ProblemException.invalid("file", "its name is longer than " + MAX_NAME_LENGTH + " characters");
        }
        tooLarge(content.length, maxBytes);
        if (content.length == 0) {
            throw ProblemException.invalid("file", "is empty");
        }
        EvidenceKind kind = ContentSniffer.kindOf(content).orElseThrow(() -> new ProblemException(415,
                "Unsupported Media Type", name + " is not a PDF, PNG or JPEG image, or Word or Excel document, by its "
                + "content; only those are taken as evidence."));
        String extension = extension(name);
        if (!kind.extensions().contains(extension)) {
            throw new ProblemException(415, "Unsupported Media Type", name + " is a " + kind.label()
                    + " by its content, but its name ends in "
                    + (extension.isEmpty() ? "no extension" : "." + extension)
                    + "; name it ." + kind.extensions().get(0) + ".");
        }
        return new EvidenceFile(name, kind, content);
    }

    /** The content's SHA-256 in hex: what the store keeps beside it, and what tells two uploads of one file apart. */
    public String sha256() {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime has SHA-256", e);
        }
    }

    /** Refuses a file of {@code size} bytes over {@code maxBytes}, before anyone reads it. */
    public static void tooLarge(long size, long maxBytes) {
        if (size > maxBytes) {
            throw new ProblemException(413, "Payload Too Large", "The file has " + size + " bytes; evidence files "
                    + "may have at most " + maxBytes + " bytes (" + maxBytes / (1024 * 1024) + " MiB).");
        }
    }

    /** The name without any folder a browser sent with it (C:\fakepath\报告.pdf). */
    private static String baseName(String filename) {
        if (filename == null) {
            return "";
        }
        return filename.substring(Math.max(filename.lastIndexOf('/'), filename.lastIndexOf('\\')) + 1).strip();
    }

    private static String extension(String name) {
        int dot = name.lastIndexOf('.');
        return dot < 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
    }
}
