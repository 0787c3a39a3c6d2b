package org.reformdesk.assessment.live;

import io.smallrye.config.ConfigMapping;

import java.math.BigDecimal;
import java.util.List;

/** Points per scored fact. */
@ConfigMapping(prefix = "reform.scoring")
public interface ScoringConfig {

    /** Every unit's score before any fact. */
    BigDecimal base();

    /** Points for each task of the unit that goes overdue (negative: a deduction). */
    BigDecimal overdueTask();

    /** Points for an order received, or escalated to, per rung, lowest first. */
    List<BigDecimal> orderByRung();

    /** Points for each pilot summary of the unit's pilots that is not in by its due date. */
    BigDecimal latePilotSummary();

    /** Points for each rectification item not rectified by its deadline. */
    BigDecimal lateRectification();

    /** Points for each accountability measure recorded against the unit. */
    BigDecimal accountability();

    /** Points for each monthly progress report not in by the report day. */
    BigDecimal lateReport();

    /** What the on-time close rate is worth: a month whose closes were all late loses all of it. */
    BigDecimal onTimeCloseWeight();
}
