package org.reformdesk.assessment.bulletin;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The letterhead of the monthly bulletin (一月一通报): who issues it and how its issuing number reads. */
@ConfigMapping(prefix = "reform.bulletin")
interface BulletinConfig {

    /** The issuing office, printed in red at the top and in the sign-off. */
    @WithDefault("市全面深化改革委员会办公室")
    String officeName();

    /** The issuing number's prefix: the number reads {@code <prefix>〔<year>〕<month>号}. */
    @WithDefault("改革办通报")
    String numberPrefix();
}
