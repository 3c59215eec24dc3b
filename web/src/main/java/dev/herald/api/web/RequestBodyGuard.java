package dev.herald.api.web;

import dev.herald.kernel.WireJson;
import jakarta.json.JsonException;
import jakarta.json.JsonValue;
import jakarta.json.bind.JsonbException;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.NotSupportedException;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.core.MediaType;
import jakarta.inject.Inject;
import jakarta.ws.rs.ext.Provider;
import jakarta.ws.rs.ext.ReaderInterceptor;
import jakarta.ws.rs.ext.ReaderInterceptorContext;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;

/**
 * Reads every request body through the size limit ({@code herald.api.max-body-bytes}: a 413 at the first byte past
 * it, also for a chunked body) and turns a body that fails to read as the endpoint's JSON into a 400 problem saying
 * so (the JSON-B and JSON-P providers throw their own exceptions, which the last-resort mapper would answer as a 500).
 * A JSON body is tokenized whole before a provider binds it ({@link JsonBodies}: a truncated body would otherwise spin
 * a thread inside Parsson) and its members' JSON types checked against the record it binds ({@link StrictBodies}). A declared Content-Length over the limit is refused earlier, by {@link BodySizeFilter}.
 */
@Provider
public class RequestBodyGuard implements ReaderInterceptor {

    @Inject
    ApiSettings settings;

    @Override
    public Object aroundReadFrom(ReaderInterceptorContext context) throws IOException {
        BodyLimit limit = settings.bodyLimit();
        InputStream guarded = limit.guard(context.getInputStream());
        try {
            if (isJson(context.getMediaType())) {
                byte[] json = JsonBodies.readChecked(guarded, charset(context.getMediaType()));
                refuseMistypedMembers(json, context);
                guarded = new ByteArrayInputStream(json);
            }
            context.setInputStream(guarded);
            return context.proceed();
        } catch (IOException | JsonException | JsonbException | ProcessingException | IllegalArgumentException e) {
            // IllegalArgumentException: the JSON-B provider's wrapping of a failure it met reading.
            if (BodyLimit.causedExceeding(e)) {
                throw BodySizeFilter.tooLarge(limit);
            }
            throw new BadRequestException(Problems.response(RequestProblems.malformedBody(e)), e);
        }
    }

    /** {@link StrictBodies}: a member JSON-B would coerce ("yes" into a boolean, 2^31 into an int) is a 400 naming it. */
    private static void refuseMistypedMembers(byte[] json, ReaderInterceptorContext context) {
        if (json.length == 0) {
            return;
        }
        JsonValue body = WireJson.parse(new String(json, charset(context.getMediaType())));
        List<BodyIssue> issues = StrictBodies.issues(body, context.getGenericType());
        for (BodyIssue issue : issues) {
            if (StrictBodies.ofShape(issue)) {
                throw new BadRequestException(Problems.response(RequestProblems.malformedShape(issue)));
            }
        }
        if (!issues.isEmpty()) {
            throw new BadRequestException(Problems.response(RequestProblems.invalidBody(issues)));
        }
    }

    private static boolean isJson(MediaType type) {
        return type != null && (type.getSubtype().equalsIgnoreCase("json") || type.getSubtype().toLowerCase(Locale.ROOT).endsWith("+json"));
    }

    /** The body's charset (UTF-8 unless named); one this JVM does not know is a 415. */
    private static Charset charset(MediaType type) {
        String name = type.getParameters().get(MediaType.CHARSET_PARAMETER);
        if (name == null) {
            return StandardCharsets.UTF_8;
        }
        try {
            return Charset.forName(name);
        } catch (IllegalArgumentException e) {
            throw new NotSupportedException(Problems.response(Problem.of(415, "charset " + name + " is not supported; send UTF-8")));
        }
    }
}
