package org.reformdesk.assessment.bulletin;

import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.reformdesk.assessment.live.RankingResource;
import org.reformdesk.platform.download.Attachment;
import org.reformdesk.platform.paging.Page;
import org.reformdesk.platform.paging.PageRequest;

/** The monthly bulletins (一月一通报), read by whoever reads the rankings they publish. */
@Path("/api/v1/bulletins")
@Tag(name = "Assessment")
class BulletinResource {

    public static final String DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

    @Inject
    Bulletins bulletins;

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "The months with a bulletin (一月一通报), latest first")
    public Page<Bulletins.BulletinView> list(@Valid @BeanParam PageRequest paging) {
        return bulletins.list(paging);
    }

    @GET
    @Path("{month}")
    @Produces(DOCX)
    @Operation(summary = "A closed month's bulletin as a Word document (.docx), as last issued; 404 until the month "
            + "is closed")
    public Response download(@PathParam("month") @Pattern(regexp = RankingResource.MONTH,
            message = "must be YYYY-MM") String month) {
        Bulletins.Download download = bulletins.download(month);
        return Response.ok(download.document(), DOCX)
                .header("Content-Disposition", Attachment.disposition("bulletin-" + month + ".docx",
                        download.title() + ".docx"))
                .build();
    }
}
