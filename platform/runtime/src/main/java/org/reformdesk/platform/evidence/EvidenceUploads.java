package org.reformdesk.platform.evidence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.multipart.FileUpload;
import org.reformdesk.platform.download.Attachment;
import org.reformdesk.platform.problem.ProblemException;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;

/**
 * Evidence over HTTP, the same in every service: a multipart upload read and checked ({@link EvidenceFile}) before
 * any of it is stored, and a stored file served with its own media type and its name (Chinese kept) for download.
 */
@ApplicationScoped
public class EvidenceUploads {

    /** The multipart form field that carries the file. */
    public static final String FIELD = "file";

    @Inject
    EvidenceConfig config;

    /** The uploaded file, checked; its size is checked before its bytes are read. */
    public EvidenceFile accepted(FileUpload upload) {
        if (upload == null || upload.uploadedFile() == null) {
            throw ProblemException.invalid(FIELD, "is missing; send the file as the multipart/form-data field \""
                    + FIELD + "\"");
        }
        EvidenceFile.tooLarge(upload.size(), config.maxBytes());
        try {
            return EvidenceFile.checked(upload.fileName(), Files.readAllBytes(upload.uploadedFile()),
                    config.maxBytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The file as a download. */
    public static Response served(EvidenceStore.Content content) {
        StoredEvidence evidence = content.evidence();
        return Response.ok(content.bytes(), evidence.mediaType())
                .header("Content-Disposition", Attachment.disposition(evidence.filename()))
                .header("X-Content-Type-Options", "nosniff")
                .build();
    }
}
