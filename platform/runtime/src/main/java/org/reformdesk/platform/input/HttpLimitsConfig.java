package org.reformdesk.platform.input;

import io.smallrye.config.ConfigMapping;

/** How large a request may be; Vert.x's own limits (quarkus.http.limits.*) must stay above these. */
@ConfigMapping(prefix = "reform.http")
public interface HttpLimitsConfig {

    /** The longest request URI (path and query) answered; longer is 414. */
    int maxUriLength();

    /** The most bytes of header names and values together; more is 431. */
    int maxHeaderSize();

    /** The largest body a request may declare (Content-Length); larger is 413. */
    long maxBodySize();

    /** The largest multipart/form-data body (a file upload) a request may declare; larger is 413. */
    long maxUploadSize();
}
