package dev.herald.sample.notes.web;

import dev.herald.sample.notes.NewNote;
import dev.herald.sample.notes.NoteLog;
import dev.herald.sample.notes.Notes;
import dev.herald.sample.notes.WrittenNote;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.UUID;
import org.eclipse.microprofile.jwt.JsonWebToken;

/** Writes a note (the EJB publishes NOTE_CREATED) and tells whether the observer has received it yet. */
@Path("notes")
@RolesAllowed("reader")
@Produces(MediaType.APPLICATION_JSON)
public class NoteResource {

    /** The claim of Herald's tokens that names the caller's tenant. */
    static final String TENANT_CLAIM = "tenant";

    @Inject
    Notes notes;

    @Inject
    NoteLog log;

    @Inject
    JsonWebToken token;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response write(NewNote note) {
        WrittenNote written = notes.write(token.getClaim(TENANT_CLAIM), note);
        return Response.status(Response.Status.CREATED).entity(written).build();
    }

    @GET
    @Path("{noteId}/seen")
    public Object seen(@PathParam("noteId") UUID noteId) {
        return log.seen(noteId).orElseThrow(() -> new NotFoundException("note " + noteId + " not observed yet"));
    }
}
