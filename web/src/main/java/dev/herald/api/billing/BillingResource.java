package dev.herald.api.billing;

import dev.herald.reference.billing.BillingService;
import dev.herald.api.auth.Caller;
import dev.herald.auth.Groups;
import jakarta.annotation.security.RolesAllowed;
import static dev.herald.api.web.Requests.body;
import static dev.herald.api.web.Requests.created;

import dev.herald.reference.changes.ChangeResult;

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
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.enums.ParameterIn;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;

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
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(name = "request",
            value = "{\"clientId\":\"c0a4a000-0000-4000-8000-0000000000a1\",\"currency\":\"EUR\",\"dueDate\":\"2024-06-01\",\"actorUserId\":\"6b0f4a52-2222-4000-8000-000000000003\"}")))
    @APIResponse(responseCode = "201", description = "Created, with the events published",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(name = "example",
                    value = "{\"id\":\"1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d\",\"eventIds\":[\"0e6f1b7c-6a8d-4f7e-9b61-3c2f4d5e6a7b\"],\"eventTypes\":[\"INVOICE_GENERATED\"]}")))
    public Response generate(NewInvoice request) {
        NewInvoice body = body(request);
        return created(billing.generate(caller.tenant(), body.clientId(), body.currency(), body.dueDate(), body.actorUserId()));
    }

    @POST
    @Path("invoices/{id}/finalize")
    @Operation(summary = "Finalize a draft invoice (INVOICE_STATUS_CHANGED, INVOICE_FINALIZED)")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(name = "request",
            value = "{\"actorUserId\":\"6b0f4a52-2222-4000-8000-000000000003\"}")))
    @APIResponse(responseCode = "200", description = "The events published, in order",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(name = "example",
                    value = "{\"id\":\"1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d\",\"eventIds\":[\"0e6f1b7c-6a8d-4f7e-9b61-3c2f4d5e6a7b\",\"0e6f1b7c-6a8d-4f7e-9b61-3c2f4d5e6a7b\"],\"eventTypes\":[\"INVOICE_STATUS_CHANGED\",\"INVOICE_FINALIZED\"]}")))
    public ChangeResult finalizeInvoice(@PathParam("id") String id, InvoiceAction action) {
        return billing.finalizeInvoice(caller.tenant(), id, action == null ? null : action.actorUserId());
    }

    @POST
    @Path("invoices/{id}/send")
    @Operation(summary = "Send a finalized invoice by email, portal or print (INVOICE_SENT, INVOICE_STATUS_CHANGED)")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(name = "request",
            value = "{\"deliveryMethod\":\"email\",\"actorUserId\":\"6b0f4a52-2222-4000-8000-000000000003\"}")))
    @APIResponse(responseCode = "200", description = "The events published, in order",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(name = "example",
                    value = "{\"id\":\"1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d\",\"eventIds\":[\"0e6f1b7c-6a8d-4f7e-9b61-3c2f4d5e6a7b\",\"0e6f1b7c-6a8d-4f7e-9b61-3c2f4d5e6a7b\"],\"eventTypes\":[\"INVOICE_SENT\",\"INVOICE_STATUS_CHANGED\"]}")))
    public ChangeResult send(@PathParam("id") String id, InvoiceAction action) {
        InvoiceAction body = body(action);
        return billing.send(caller.tenant(), id, body.deliveryMethod(), body.actorUserId());
    }

    @POST
    @Path("invoices/{id}/payments")
    @Operation(summary = "Record a payment for an invoice (PAYMENT_RECORDED, PAYMENT_APPLIED, INVOICE_STATUS_CHANGED)")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(name = "request",
            value = "{\"amountCents\":54000,\"method\":\"bank_transfer\",\"actorUserId\":\"6b0f4a52-2222-4000-8000-000000000003\"}")))
    @APIResponse(responseCode = "201", description = "Created, with the events published",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(name = "example",
                    value = "{\"id\":\"2c3d4e5f-6a7b-4c8d-9e0f-1a2b3c4d5e6f\",\"eventIds\":[\"0e6f1b7c-6a8d-4f7e-9b61-3c2f4d5e6a7b\",\"0e6f1b7c-6a8d-4f7e-9b61-3c2f4d5e6a7b\",\"0e6f1b7c-6a8d-4f7e-9b61-3c2f4d5e6a7b\"],\"eventTypes\":[\"PAYMENT_RECORDED\",\"PAYMENT_APPLIED\",\"INVOICE_STATUS_CHANGED\"]}")))
    public Response pay(@PathParam("id") String id, NewPayment request) {
        NewPayment body = body(request);
        return created(billing.recordPayment(caller.tenant(), id, body.amountCents(), body.method(), body.actorUserId()));
    }

    @POST
    @Path("payments/{id}/refunds")
    @Operation(summary = "Refund part or all of a payment (PAYMENT_REFUNDED, INVOICE_STATUS_CHANGED)")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(name = "request",
            value = "{\"amountCents\":1000,\"reason\":\"goodwill\",\"actorUserId\":\"6b0f4a52-2222-4000-8000-000000000003\"}")))
    @APIResponse(responseCode = "201", description = "Created, with the events published",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(name = "example",
                    value = "{\"id\":\"2c3d4e5f-6a7b-4c8d-9e0f-1a2b3c4d5e6f\",\"eventIds\":[\"0e6f1b7c-6a8d-4f7e-9b61-3c2f4d5e6a7b\",\"0e6f1b7c-6a8d-4f7e-9b61-3c2f4d5e6a7b\"],\"eventTypes\":[\"PAYMENT_REFUNDED\",\"INVOICE_STATUS_CHANGED\"]}")))
    public Response refund(@PathParam("id") String id, NewRefund request) {
        NewRefund body = body(request);
        return created(billing.refund(caller.tenant(), id, body.amountCents(), body.reason(), body.actorUserId()));
    }

    @POST
    @Path("invoices/overdue-check")
    @Operation(summary = "Mark the tenant's sent invoices due before asOf overdue (INVOICE_STATUS_CHANGED, INVOICE_OVERDUE)")
    @Parameter(name = "asOf", in = ParameterIn.QUERY, description = "invoices due before this date are overdue", example = "2024-06-02")
    @APIResponse(responseCode = "200", description = "The invoices marked overdue",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(name = "example",
                    value = "[{\"id\":\"1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d\",\"eventIds\":[\"0e6f1b7c-6a8d-4f7e-9b61-3c2f4d5e6a7b\",\"0e6f1b7c-6a8d-4f7e-9b61-3c2f4d5e6a7b\"],\"eventTypes\":[\"INVOICE_STATUS_CHANGED\",\"INVOICE_OVERDUE\"]}]")))
    public List<ChangeResult> overdue(@QueryParam("asOf") String asOf) {
        return billing.markOverdue(caller.tenant(), asOf);
    }
}
