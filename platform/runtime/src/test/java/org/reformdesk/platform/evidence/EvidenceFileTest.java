package org.reformdesk.platform.evidence;

import org.junit.jupiter.api.Test;
import org.reformdesk.platform.download.Attachment;
import org.reformdesk.platform.problem.ProblemException;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class EvidenceFileTest {

    private static final long LIMIT = 1024;

    @Test
    void theKindComesFromTheBytes() throws IOException {
        assertThat(kind("整改报告.pdf", "%PDF-1.4\n%%EOF".getBytes(StandardCharsets.US_ASCII))).isEqualTo(EvidenceKind.PDF);
        assertThat(kind("现场照片.JPG", new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 0}))
                .isEqualTo(EvidenceKind.JPEG);
        assertThat(kind("方案.docx", zip("[Content_Types].xml", "word/document.xml"))).isEqualTo(EvidenceKind.DOCX);
        assertThat(kind("台账.xlsx", zip("[Content_Types].xml", "xl/workbook.xml"))).isEqualTo(EvidenceKind.XLSX);
        assertThat(kind("旧台账.xls", ole("Workbook"))).isEqualTo(EvidenceKind.XLS);
        assertThat(kind("旧方案.doc", ole("WordDocument"))).isEqualTo(EvidenceKind.DOC);
    }

    @Test
    void aFileNamedAsOneKindButAnotherByItsBytesIsRefused() throws IOException {
        assertThat(refused("报告.pdf", zip("payload.exe")).status()).isEqualTo(415);
        assertThat(refused("报告.pdf", "MZ\u0090\u0000program".getBytes(StandardCharsets.ISO_8859_1)).status())
                .isEqualTo(415);
        assertThat(refused("报告.pdf", zip("[Content_Types].xml", "word/document.xml")).getMessage())
                .contains("Word document by its content, but its name ends in .pdf");
        assertThat(refused("方案.docx", zip("[Content_Types].xml", "ppt/presentation.xml")).status()).isEqualTo(415);
    }

    @Test
    void emptyNamelessAndOversizedFilesAreRefused() {
        assertThat(refused("C:\\fakepath\\", "%PDF-1.4".getBytes(StandardCharsets.US_ASCII)).status()).isEqualTo(400);
        assertThat(refused("空.pdf", new byte[0]).status()).isEqualTo(400);
        assertThat(refused("大.pdf", new byte[(int) LIMIT + 1]).status()).isEqualTo(413);
    }

    @Test
    void aBrowsersFolderIsDroppedFromTheName() {
        EvidenceFile file = EvidenceFile.checked("C:\\fakepath\\整改报告.pdf",
                "%PDF-1.4".getBytes(StandardCharsets.US_ASCII), LIMIT);

        assertThat(file.filename()).isEqualTo("整改报告.pdf");
    }

    @Test
    void theDownloadNameIsKeptInUtf8WithAnAsciiStandIn() {
        assertThat(Attachment.disposition("整改 \"报告\".pdf")).isEqualTo("attachment; "
                + "filename=\"__ ____.pdf\"; filename*=UTF-8''%E6%95%B4%E6%94%B9%20%22%E6%8A%A5%E5%91%8A%22.pdf");
    }

    private static EvidenceKind kind(String name, byte[] bytes) {
        return EvidenceFile.checked(name, bytes, LIMIT).kind();
    }

    private static ProblemException refused(String name, byte[] bytes) {
        return catchThrowableOfType(ProblemException.class, () -> EvidenceFile.checked(name, bytes, LIMIT));
    }

    private static byte[] zip(String... entries) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            for (String entry : entries) {
                zip.putNextEntry(new ZipEntry(entry));
                zip.write("<x/>".getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
            }
        }
        return bytes.toByteArray();
    }

    /** The start of an OLE compound file and a directory entry naming {@code stream}, as Office writes it. */
    private static byte[] ole(String stream) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        bytes.writeBytes(new byte[] {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1, 0x1A,
                (byte) 0xE1});
        bytes.writeBytes(new byte[504]);
        bytes.writeBytes(stream.getBytes(StandardCharsets.UTF_16LE));
        return bytes.toByteArray();
    }
}
