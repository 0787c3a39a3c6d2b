package org.reformdesk.platform.evidence;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * What kind of file some bytes are, read from the bytes alone (their magic numbers), never from a name or a declared
 * type a client chose. Office Open XML files are ZIP archives: only one whose directory lists
 * {@code [Content_Types].xml} and a Word or Excel part is taken for a document; the older Office files share one
 * container (OLE), told apart by the stream a Word document or a workbook must have.
 */
final class ContentSniffer {

    private static final byte[] PDF = "%PDF-".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};
    private static final byte[] JPEG = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF};
    private static final byte[] ZIP = {'P', 'K', 3, 4};
    private static final byte[] OLE = {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1, 0x1A,
            (byte) 0xE1};
    private static final byte[] WORD_STREAM = utf16("WordDocument");
    private static final byte[][] WORKBOOK_STREAMS = {utf16("Workbook"), utf16("Book")};
    private static final int END_OF_DIRECTORY = 0x06054b50;
    private static final int DIRECTORY_ENTRY = 0x02014b50;
    /** More entries than any document has; a directory claiming more is not read further. */
    private static final int MAX_ENTRIES = 10_000;

    private ContentSniffer() {
    }

    static Optional<EvidenceKind> kindOf(byte[] bytes) {
        if (startsWith(bytes, PDF)) {
            return Optional.of(EvidenceKind.PDF);
        }
        if (startsWith(bytes, PNG)) {
            return Optional.of(EvidenceKind.PNG);
        }
        if (startsWith(bytes, JPEG)) {
            return Optional.of(EvidenceKind.JPEG);
        }
        if (startsWith(bytes, ZIP)) {
            List<String> entries = zipEntries(bytes);
            if (!entries.contains("[Content_Types].xml")) {
                return Optional.empty();
            }
            if (entries.stream().anyMatch(e -> e.startsWith("word/"))) {
                return Optional.of(EvidenceKind.DOCX);
            }
            if (entries.stream().anyMatch(e -> e.startsWith("xl/"))) {
                return Optional.of(EvidenceKind.XLSX);
            }
            return Optional.empty();
        }
        if (startsWith(bytes, OLE)) {
            if (indexOf(bytes, WORD_STREAM) >= 0) {
                return Optional.of(EvidenceKind.DOC);
            }
            if (Arrays.stream(WORKBOOK_STREAMS).anyMatch(name -> indexOf(bytes, name) >= 0)) {
                return Optional.of(EvidenceKind.XLS);
            }
        }
        return Optional.empty();
    }

    /**
     * The names in a ZIP archive's central directory (at its end), read without inflating anything, so an archive
     * built to explode when unpacked costs nothing here. Empty when the directory is missing or broken.
     */
    static List<String> zipEntries(byte[] zip) {
        List<String> names = new ArrayList<>();
        int lowest = Math.max(0, zip.length - 22 - 0xFFFF);
        for (int end = zip.length - 22; end >= lowest; end--) {
            if (int32(zip, end) != END_OF_DIRECTORY) {
                continue;
            }
            int count = Math.min(int16(zip, end + 10), MAX_ENTRIES);
            long at = int32(zip, end + 16) & 0xFFFFFFFFL;
            for (int i = 0; i < count && at + 46 <= zip.length; i++) {
                int entry = (int) at;
                if (int32(zip, entry) != DIRECTORY_ENTRY) {
                    break;
                }
                int nameLength = int16(zip, entry + 28);
                int following = nameLength + int16(zip, entry + 30) + int16(zip, entry + 32);
                if (entry + 46L + nameLength > zip.length) {
                    break;
                }
                names.add(new String(zip, entry + 46, nameLength, StandardCharsets.UTF_8));
                at = entry + 46L + following;
            }
            return names;
        }
        return names;
    }

    private static boolean startsWith(byte[] bytes, byte[] prefix) {
        return bytes.length >= prefix.length && Arrays.equals(bytes, 0, prefix.length, prefix, 0, prefix.length);
    }

    private static int indexOf(byte[] bytes, byte[] wanted) {
        outer:
        for (int i = 0; i <= bytes.length - wanted.length; i++) {
            for (int j = 0; j < wanted.length; j++) {
                if (bytes[i + j] != wanted[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    private static int int16(byte[] b, int at) {
        return at + 2 <= b.length ? (b[at] & 0xFF) | (b[at + 1] & 0xFF) << 8 : 0;
    }

    private static int int32(byte[] b, int at) {
        return at + 4 <= b.length && at >= 0
                ? (b[at] & 0xFF) | (b[at + 1] & 0xFF) << 8 | (b[at + 2] & 0xFF) << 16 | (b[at + 3] & 0xFF) << 24 : 0;
    }

    private static byte[] utf16(String name) {
        return name.getBytes(StandardCharsets.UTF_16LE);
    }
}
