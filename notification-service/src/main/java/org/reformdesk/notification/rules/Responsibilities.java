package org.reformdesk.notification.rules;

import java.util.List;
import java.util.UUID;

/** Who holds which place in the responsibility chain (责任体系), as the directory knows it. */
public interface Responsibilities {

    /** 一把手 */
    String HEAD = "HEAD";
    /** 联络员 */
    String LIAISON = "LIAISON";

    /** The people holding {@code post} in the unit, none if the unit or post is unknown. */
    List<UUID> holdersOf(UUID unitId, String post);

    /** The heads (组长) of the special groups the unit belongs to: its tasks' responsible leaders by default. */
    List<UUID> groupHeadsOf(UUID unitId);

    /** The liaisons of the liaison units of the special groups the unit belongs to. */
    List<UUID> groupLiaisonsOf(UUID unitId);

    /** The heads and liaisons of the reform office's units (kind REFORM_OFFICE): whom office business goes to. */
    List<UUID> reformOffice();
}
