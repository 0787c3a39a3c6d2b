package org.reformdesk.platform.evidence;

import io.smallrye.config.ConfigMapping;

/** How large an evidence file may be. */
@ConfigMapping(prefix = "reform.evidence")
public interface EvidenceConfig {

    /** The most bytes one evidence file may have; more is 413. reform.http.max-upload-size must stay above it. */
    long maxBytes();
}
