package org.reformdesk.task.spreadsheet;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.reformdesk.platform.idempotency.IdempotencyKeys;
import org.reformdesk.platform.problem.ProblemException;
import org.reformdesk.platform.security.Caller;
import org.reformdesk.platform.security.Roles;
import org.reformdesk.platform.sheets.SheetTable;
import org.reformdesk.task.ledger.LedgerParams;
import org.reformdesk.task.ledger.TaskStatus;

/** The ledger in and out of Excel, where offices keep it. */
@Path("/api/v1/tasks/sheet")
@Tag(name = "Ledger")
class SpreadsheetResource {

    @Inject
    ImportService imports;

    @Inject
    ExportService exports;

    @Inject
    Caller caller;

    @POST
    @RolesAllowed(Roles.REFORM_OFFICE)
    @Consumes({SheetTable.MEDIA_TYPE, MediaType.APPLICATION_OCTET_STREAM})
    @Operation(summary = "Import a task list (.xlsx, Chinese or English headers) as DRAFT (default) or ASSIGNED "
            + "tasks, or a running ledger whose rows give each task's 状态, 销号日期, 暂停日期 (剩余天数 follows from it) and "
            + "latest report (进展百分比, 最新进展, 报告期); every bad row is reported, nothing is stored unless all rows "
            + "are good; Idempotency-Key")
    public Response importSheet(byte[] workbook, @QueryParam("status") @DefaultValue("DRAFT") TaskStatus status,
            @HeaderParam(IdempotencyKeys.HEADER) String idempotencyKey) {
        if (workbook == null || workbook.length == 0) {
            throw ProblemException.invalid("body", "is empty; send the .xlsx file as the request body");
        }
        ImportService.Imported imported = imports.load(workbook, status, caller.name(), idempotencyKey);
        return Response.status(201).entity(imported).build();
    }

    @GET
    @Produces(SheetTable.MEDIA_TYPE)
    @Operation(summary = "The filtered ledger as an .xlsx sheet with Chinese headers that an import reads back: "
            + "each task's status, close date, suspension date and days left, traffic light and latest monthly report "
            + "(percent, narrative, period)")
    public Response export(@BeanParam LedgerParams filter) {
        return SheetTable.download("task-ledger.xlsx", "改革任务台账", ExportService.HEADERS,
                exports.rows(filter.toFilter(caller), filter.sort));
    }
}
