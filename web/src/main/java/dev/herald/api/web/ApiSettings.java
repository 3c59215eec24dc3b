package dev.herald.api.web;

import org.eclipse.microprofile.config.Config;

/**
 * The HTTP API's limits ({@code herald.api.*}), the one place their names and defaults are written
 * (docs/operations.md documents them; {@code ApiSettingsDocumentedTest} keeps the two equal).
 *
 * @param maxBodyBytes a request body over this many bytes is refused with 413, whether its Content-Length says so
 *                     or it is counted while read (chunked)
 */
public record ApiSettings(long maxBodyBytes) {

    public static final String MAX_BODY_BYTES = "herald.api.max-body-bytes";
    public static final long DEFAULT_MAX_BODY_BYTES = 1024 * 1024;

    public ApiSettings {
        bodyLimit(maxBodyBytes); // at least 1
    }

    public static ApiSettings defaults() {
        return new ApiSettings(DEFAULT_MAX_BODY_BYTES);
    }

    public static ApiSettings from(Config config) {
        return new ApiSettings(config.getOptionalValue(MAX_BODY_BYTES, Long.class).orElse(DEFAULT_MAX_BODY_BYTES));
    }

    public BodyLimit bodyLimit() {
        return bodyLimit(maxBodyBytes);
    }

    private static BodyLimit bodyLimit(long maxBodyBytes) {
        return new BodyLimit(maxBodyBytes);
    }
}
