package org.reformdesk.platform.evidence;

import java.util.List;

/** The kinds of evidence file (佐证材料) a unit may attach: what offices scan, photograph and write. */
public enum EvidenceKind {
    PDF("application/pdf", "PDF document", "pdf"),
    PNG("image/png", "PNG image", "png"),
    JPEG("image/jpeg", "JPEG image", "jpg", "jpeg"),
    DOCX("application/vnd.openxmlformats-officedocument.wordprocessingml.document", "Word document", "docx"),
    XLSX("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "Excel workbook", "xlsx"),
    DOC("application/msword", "Word 97-2003 document", "doc"),
    XLS("application/vnd.ms-excel", "Excel 97-2003 workbook", "xls");

    private final String mediaType;
    private final String label;
    private final List<String> extensions;

    EvidenceKind(String mediaType, String label, String... extensions) {
        this.mediaType = mediaType;
        this.label = label;
        this.extensions = List.of(extensions);
    }

    public String mediaType() {
        return mediaType;
    }

    public String label() {
        return label;
    }

    /** The name endings (lower case, without the dot) a file of this kind may carry. */
    public List<String> extensions() {
        return extensions;
    }
}
