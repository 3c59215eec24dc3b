package dev.herald.api.auth;

import dev.herald.kernel.WireJson;
import dev.herald.auth.AuthSettings;
import dev.herald.auth.TenantDirectory;
import dev.herald.auth.TenantIds;
import dev.herald.auth.TokenRequest;
import dev.herald.auth.TokenSigner;
import dev.herald.api.web.Problems;
import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.enums.ParameterIn;

/**
 * Development tokens for a demo tenant, signed with the development key pair. Only the run profile turns this on
 * ({@code herald.dev.tokens.enabled}); anywhere else it answers 404, and a real deployment takes its tokens from its
 * identity provider.
 */
@Path("/dev/tokens")
@Produces(MediaType.APPLICATION_JSON)
@PermitAll
public class DevTokenResource {

    private static final Duration MAX_LIFETIME = Duration.ofHours(24);

    @Inject
    AuthSettings settings;

    @Inject
    TenantDirectory tenants;

    @Inject
    @ConfigProperty(name = "mp.jwt.verify.issuer")
    String issuer;

    /** The audiences the server accepts (comma-separated); demo tokens are for the first. */
    @Inject
    @ConfigProperty(name = "mp.jwt.verify.audiences")
    String audiences;

    @POST
    @Operation(summary = "Development only: a signed token for a demo tenant (404 outside the run profile)")
    @Parameter(name = "tenant", in = ParameterIn.QUERY, description = "the tenant's slug or UUID; the token's claim is its UUID", example = "demo")
    @Parameter(name = "groups", in = ParameterIn.QUERY, description = "comma-separated groups", example = "reader,simulator,admin")
    @Parameter(name = "minutes", in = ParameterIn.QUERY, description = "lifetime", example = "60")
    @APIResponse(responseCode = "200", description = "A signed development token",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(name = "example",
                    value = "{\"token\":\"eyJhbGciOiJSUzI1NiJ9.eyJ0ZW5hbnQiOiJkZW1vIn0.c2ln\",\"tenant\":\"0aae0162-67cc-342e-b818-01d93f45447a\",\"slug\":\"demo\",\"user\":\"developer\",\"groups\":[\"reader\",\"simulator\",\"admin\"],\"expiresInSeconds\":3600}")))
    public Response issue(@QueryParam("tenant") @DefaultValue("demo") String tenant,
                          @QueryParam("user") @DefaultValue("developer") String user,
                          @QueryParam("groups") @DefaultValue("reader,simulator,admin") String groups,
                          @QueryParam("minutes") @DefaultValue("60") int minutes) throws IOException {
        if (!settings.devTokensEnabled()) {
            return Problems.notFound("development tokens are off (herald.dev.tokens.enabled)");
        }
        Duration lifetime = Duration.ofMinutes(minutes);
        if (minutes < 1 || lifetime.compareTo(MAX_LIFETIME) > 0) {
            return Problems.badRequest("minutes must be between 1 and " + MAX_LIFETIME.toMinutes());
        }
        if (tenant.isBlank() || user.isBlank()) {
            return Problems.badRequest("tenant and user must not be blank");
        }
        if (TenantIds.fromClaim(tenant).isEmpty()) {
            return Problems.badRequest("tenant must be a UUID or a slug of letters, digits and . _ : -");
        }
        // The claim carries the tenant's UUID, as every payload on the wire does; the slug is what people type.
        String tenantId = tenants.idOf(tenant);
        List<String> groupList = Arrays.stream(groups.split(",")).map(String::trim).filter(g -> !g.isEmpty()).toList();
        String token = TokenSigner.fromPem(Paths.get(settings.devTokensSigningKey().orElseThrow()), issuer, audiences.split(",")[0].trim())
                .sign(new TokenRequest(tenantId, user, groupList, lifetime));
        return Response.ok(WireJson.json().createObjectBuilder().add("token", token).add("tenant", tenantId).add("slug", tenant).add("user", user)
                .add("groups", WireJson.json().createArrayBuilder(groupList)).add("expiresInSeconds", lifetime.toSeconds()).build()).build();
    }
}
