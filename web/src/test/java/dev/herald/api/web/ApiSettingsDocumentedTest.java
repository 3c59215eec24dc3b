package dev.herald.api.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** docs/operations.md documents the API's settings with {@link ApiSettings}' defaults (ejb: SettingsDocumentedTest). */
class ApiSettingsDocumentedTest {

    @Test
    void operationsDocumentsMaxBodyBytesWithItsDefault() throws IOException {
        String markdown = Files.readString(Path.of("../docs/operations.md"));
        Matcher row = Pattern.compile("^\\| `" + Pattern.quote(ApiSettings.MAX_BODY_BYTES) + "` \\| ([^|]+) \\|",
                Pattern.MULTILINE).matcher(markdown);
        assertTrue(row.find(), ApiSettings.MAX_BODY_BYTES + " is not in docs/operations.md's table");
        assertEquals(ApiSettings.DEFAULT_MAX_BODY_BYTES, Long.parseLong(row.group(1).strip()),
                "docs/operations.md's default of " + ApiSettings.MAX_BODY_BYTES);
    }

    @Test
    void aLimitBelowOneByteNamesItsProperty() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new ApiSettings(0));
        assertTrue(e.getMessage().contains(ApiSettings.MAX_BODY_BYTES), e.getMessage());
        assertEquals(ApiSettings.DEFAULT_MAX_BODY_BYTES, ApiSettings.defaults().bodyLimit().maxBytes());
    }
}
