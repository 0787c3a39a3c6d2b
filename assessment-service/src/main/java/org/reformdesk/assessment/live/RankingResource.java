package org.reformdesk.assessment.live;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.reformdesk.assessment.live.RankingViews.RankingPage;
import org.reformdesk.assessment.live.RankingViews.ScoreCard;
import org.reformdesk.assessment.scheme.Rescoring;
import org.reformdesk.events.AssessmentCategory;
import org.reformdesk.platform.download.Attachment;
import org.reformdesk.platform.paging.PageRequest;
import org.reformdesk.platform.security.Caller;
import org.reformdesk.platform.security.Roles;

import java.util.UUID;

/**
 * Rankings by category and month and each unit's score card, as {@link ScoreCards} reads them; and the rebuild of
 * every monthly score.
 */
@Path("/api/v1")
@Tag(name = "Assessment")
public class RankingResource {

    public static final String MONTH = "\\d{4}-(0[1-9]|1[0-2])";

    @Inject
    ScoreCards scoreCards;

    @Inject
    ScoreRebuild rebuild;

    @Inject
    RankingSheet sheet;

    @Inject
    Caller caller;

    @GET
    @Path("rankings")
    @Operation(summary = "A category's ranking for a month (default: this month, live), best first")
    public RankingPage ranking(@NotNull @QueryParam("category") AssessmentCategory category,
            @QueryParam("month") @Pattern(regexp = MONTH, message = "must be YYYY-MM") String month,
            @Valid @BeanParam PageRequest paging) {
        return scoreCards.ranking(category, month, paging);
    }

    @GET
    @Path("rankings/units/{unitId}")
    @Operation(summary = "A unit's score and rank for a month (default: this month), explained point by point, "
            + "with its trend over the months")
    public ScoreCard scoreCard(@PathParam("unitId") UUID unitId,
            @QueryParam("month") @Pattern(regexp = MONTH, message = "must be YYYY-MM") String month) {
        caller.requireRead(unitId);
        return scoreCards.of(unitId, month);
    }

    @GET
    @Path("rankings/{month}.xlsx")
    @Produces(RankingSheet.MEDIA_TYPE)
    @Operation(summary = "A month's rankings as an Excel workbook, one sheet per category (名次, 单位, 得分, 名次变化, "
            + "一月一会诊); frozen once the month is closed, live before")
    public Response sheet(@PathParam("month") @Pattern(regexp = MONTH, message = "must be YYYY-MM") String month) {
        RankingSheet.Download download = sheet.write(month);
        return Response.ok(download.workbook(), RankingSheet.MEDIA_TYPE)
                .header("Content-Disposition", Attachment.disposition("rankings-" + month + ".xlsx",
                        download.fileName()))
                .build();
    }

    @POST
    @Path("score-rebuilds")
    @RolesAllowed(Roles.REFORM_OFFICE)
    @Operation(summary = "Recompute every monthly score from the stored facts and re-rank (frozen months stay)")
    public Rescoring.Result rebuild() {
        return rebuild.rebuild();
    }
}
