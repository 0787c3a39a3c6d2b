package org.reformdesk.assessment.live;

/** How a bulletin and a rankings sheet word a unit's move since the month before. */
public final class RankChange {

    /** The mark of a unit flagged for a diagnosis visit (一月一会诊). */
    public static final String DIAGNOSIS_MARK = "列入会诊";

    private RankChange() {
    }

    /**
     * {@code places} up (negative: down) since the month before; null where there is nothing to compare with (the
     * month before is not closed, or the unit was not ranked in it).
     */
    public static String words(Integer places) {
        if (places == null) {
            return "—";
        }
        if (places == 0) {
            return "持平";
        }
        return places > 0 ? "上升" + places + "位" : "下降" + -places + "位";
    }

    /** The places a unit moved up from {@code before} (null if unranked then) to {@code now}. */
    public static Integer between(Integer before, int now) {
        return before == null ? null : before - now;
    }
}
