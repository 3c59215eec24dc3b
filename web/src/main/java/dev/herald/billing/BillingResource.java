package dev.herald.billing;

import dev.herald.auth.Caller;
import dev.herald.auth.Groups;
import jakarta.annotation.security.RolesAllowed;
import static dev.herald.web.Requests.body;
import static dev.herald.web.Requests.created;

import dev.herald.changes.ChangeResult;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** Invoices and payments; every answer lists the events the operation published, in order. */
@Path("/")
@RolesAllowed({Groups.SIMULATOR, Groups.ADMIN})
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class BillingResource {

    @Inject
    Caller caller;

    public record NewInvoice(String clientId, String currency, String dueDate, String actorUserId) {
    }

    public record InvoiceAction(String deliveryMethod, String actorUserId) {
    }

    public record NewPayment(Long amountCents, String method, String actorUserId) {
    }

    public record NewRefund(Long amountCents, String reason, String actorUserId) {
    }

    @Inject
    BillingService billing;

    @POST
    @Path("invoices")
    @Operation(summary = "Invoice a client's approved billable time (INVOICE_GENERATED)")
    public Response generate(NewInvoice request) {
        NewInvoice body = body(request);
        return created(billing.generate(caller.tenant(), body.clientId(), body.currency(), body.dueDate(), body.actorUserId()));
    }

    @POST
    @Path("invoices/{id}/finalize")
    @Operation(summary = "Finalize a draft invoice (INVOICE_STATUS_CHANGED, INVOICE_FINALIZED)")
    public ChangeResult finalizeInvoice(@PathParam("id") String id, InvoiceAction action) {
        return billing.finalizeInvoice(caller.tenant(), id, action == null ? null : action.actorUserId());
    }

    @POST
    @Path("invoices/{id}/send")
    @Operation(summary = "Send a finalized invoice by email, portal or print (INVOICE_SENT, INVOICE_STATUS_CHANGED)")
    public ChangeResult send(@PathParam("id") String id, InvoiceAction action) {
        InvoiceAction body = body(action);
        return billing.send(caller.tenant(), id, body.deliveryMethod(), body.actorUserId());
    }

    @POST
    @Path("invoices/{id}/payments")
    @Operation(summary = "Record a payment for an invoice (PAYMENT_RECORDED, PAYMENT_APPLIED, INVOICE_STATUS_CHANGED)")
    public Response pay(@PathParam("id") String id, NewPayment request) {
        NewPayment body = body(request);
        return created(billing.recordPayment(caller.tenant(), id, body.amountCents(), body.method(), body.actorUserId()));
    }

    @POST
    @Path("payments/{id}/refunds")
    @Operation(summary = "Refund part or all of a payment (PAYMENT_REFUNDED, INVOICE_STATUS_CHANGED)")
    public Response refund(@PathParam("id") String id, NewRefund request) {
        NewRefund body = body(request);
        return created(billing.refund(caller.tenant(), id, body.amountCents(), body.reason(), body.actorUserId()));
    }

    @POST
    @Path("invoices/overdue-check")
    @Operation(summary = "Mark the tenant's sent invoices due before asOf overdue (INVOICE_STATUS_CHANGED, INVOICE_OVERDUE)")
    public List<ChangeResult> overdue(@QueryParam("asOf") String asOf) {
        return billing.markOverdue(caller.tenant(), asOf);
    }
}
