package org.reformdesk.assessment.scheme;

/** What a point was given or taken for: the indicator kinds a scheme may weigh. */
public enum Indicator {
    /** Tasks that passed their deadline (逾期任务). */
    OVERDUE_TASKS(Source.EVENT),
    /** Supervision orders received, weighted by rung (督办). */
    SUPERVISION_ORDERS(Source.EVENT),
    /** Pilot summaries ("四个一") not in by their due date. */
    LATE_PILOT_SUMMARIES(Source.EVENT),
    /** Rectification items (限时整改) not rectified by their deadline. */
    LATE_RECTIFICATIONS(Source.EVENT),
    /** Accountability measures (问责) recorded against the unit. */
    ACCOUNTABILITY(Source.EVENT),
    /** Monthly progress reports (每月汇报) not in by the report day. */
    LATE_REPORTS(Source.EVENT),
    /**
     * Extension requests (延期申请) the reform office rejected. Recorded for every rejection; it costs what the scheme
     * says, nothing where the scheme does not weigh it (the default scheme does not).
     */
    REJECTED_EXTENSIONS(Source.EVENT),
    /** Share of the tasks closed in the month that were closed by their deadline (按时销号率). */
    ON_TIME_CLOSE_RATE(Source.EVENT),
    /** The assessment group's score (考核小组评分). */
    ASSESSOR_SCORE(Source.MANUAL),
    /** Evaluation by the lead units (牵头部门评议). */
    PEER_EVALUATION(Source.MANUAL),
    /** Democratic evaluation (民主评议). */
    DEMOCRATIC_EVALUATION(Source.MANUAL);

    /** Where an indicator's points come from. */
    public enum Source {
        /** Facts published by the other services. */
        EVENT,
        /** Scores entered by the assessment group, 0 to 100 per unit and period. */
        MANUAL
    }

    private final Source source;

    Indicator(Source source) {
        this.source = source;
    }

    public Source source() {
        return source;
    }

    public boolean isManual() {
        return source == Source.MANUAL;
    }
}
