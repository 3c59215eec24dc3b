package dev.herald.cloudevents;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The required-attribute rules of CloudEvents 1.0 (core specification, JSON format, HTTP binding) and Herald's own. */
class CloudEventReaderTest {

    private static final JsonObject DATA = Json.createObjectBuilder().add("ticketId", "3f1c2a9e-0000-4000-8000-000000000001").build();

    private static JsonObject valid() {
        return Json.createObjectBuilder().add("specversion", "1.0").add("id", "A234-1234-1234").add("source", "/mycontext")
                .add("type", "TICKET_CREATED").add("data", DATA).build();
    }

    private static JsonObject with(String name, JsonValue value) {
        return Json.createObjectBuilder(valid()).add(name, value).build();
    }

    private static JsonObject without(String name) {
        return Json.createObjectBuilder(valid()).remove(name).build();
    }

    private static List<String> refused(JsonObject event) {
        InvalidCloudEventException e = assertThrows(InvalidCloudEventException.class, () -> CloudEventReader.structured(event));
        return e.issues().stream().map(AttributeIssue::attribute).toList();
    }

    private static Map<String, List<String>> headers(String... pairs) {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            headers.put(pairs[i], List.of(pairs[i + 1]));
        }
        return headers;
    }

    private static Map<String, List<String>> validHeaders() {
        return headers("ce-specversion", "1.0", "ce-id", "A234-1234-1234", "ce-source", "/mycontext", "ce-type", "TICKET_CREATED");
    }

    @Test
    void theMinimalEventOfTheSpecificationIsRead() {
        CloudEvent event = CloudEventReader.structured(valid());
        assertEquals("A234-1234-1234", event.id());
        assertEquals("/mycontext", event.source());
        assertEquals("TICKET_CREATED", event.type());
        assertEquals(DATA, event.data());
        assertEquals(Optional.empty(), event.subject());
        assertEquals(Map.of(), event.extensions());
    }

    @Test
    void everyOptionalAttributeOfTheSpecificationIsRead() {
        JsonObject full = Json.createObjectBuilder(valid()).add("time", "2018-04-05T17:31:00Z").add("subject", "ticket:42")
                .add("datacontenttype", "application/json; charset=utf-8").add("dataschema", "https://herald.example/api/schemas/payload.TicketCreated.v1")
                .add("source", "https://github.com/cloudevents/spec/pull").build();
        CloudEvent event = CloudEventReader.structured(full);
        assertEquals(Optional.of("2018-04-05T17:31:00Z"), event.time());
        assertEquals(Optional.of("ticket:42"), event.subject());
        assertEquals(Optional.of("https://herald.example/api/schemas/payload.TicketCreated.v1"), event.dataSchema());
    }

    @Test
    void eachMissingRequiredAttributeIsRefusedByName() {
        for (String required : List.of("specversion", "id", "source", "type")) {
            assertEquals(List.of(required), refused(without(required)), "without " + required);
        }
        assertEquals(List.of("specversion", "id", "source", "type"), refused(Json.createObjectBuilder().add("data", DATA).build()));
    }

    @Test
    void eachEmptyRequiredAttributeIsRefusedByName() {
        for (String required : List.of("id", "source", "type")) {
            assertEquals(List.of(required), refused(with(required, Json.createValue(""))), "empty " + required);
        }
        assertEquals(List.of("specversion"), refused(with("specversion", Json.createValue(""))));
    }

    @Test
    void aRequiredAttributeThatIsNoStringIsRefusedByName() {
        for (String required : List.of("specversion", "id", "source", "type")) {
            for (JsonValue value : List.of(Json.createValue(1), JsonValue.TRUE, JsonValue.NULL, Json.createObjectBuilder().build(),
                    Json.createArrayBuilder().add("x").build())) {
                assertEquals(List.of(required), refused(with(required, value)), required + " = " + value);
            }
        }
    }

    @Test
    void anotherSpecVersionIsRefused() {
        for (String version : List.of("0.3", "1.0.2", "1", "2.0", " 1.0")) {
            InvalidCloudEventException e = assertThrows(InvalidCloudEventException.class,
                    () -> CloudEventReader.structured(with("specversion", Json.createValue(version))));
            assertEquals("specversion", e.attribute(), version);
            assertTrue(e.getMessage().contains("must be \"1.0\""), e.getMessage());
        }
    }

    @Test
    void aSourceThatIsNoUriReferenceIsRefused() {
        for (String source : List.of("a b", "http://x/%zz", "<tag>", "/path with space")) {
            assertEquals(List.of("source"), refused(with("source", Json.createValue(source))), source);
        }
        for (String source : List.of("urn:event:from:myapi/resource/123", "mailto:cncf-wg-serverless@lists.cncf.io", "/cloudevents/spec/pull/123",
                "my-app", "https://example.com/x?y=1#z")) {
            CloudEventReader.structured(with("source", Json.createValue(source)));
        }
    }

    @Test
    void timeMustBeRfc3339() {
        for (String time : List.of("2018-04-05T17:31:00Z", "2018-04-05t17:31:00.123456789z", "2018-04-05T17:31:00+01:00", "1985-04-12T23:20:50.52Z")) {
            assertEquals(Optional.of(time), CloudEventReader.structured(with("time", Json.createValue(time))).time(), time);
        }
        for (String time : List.of("2018-04-05", "2018-04-05T17:31Z", "2018-04-05T17:31:00", "2018-13-05T17:31:00Z",
                "2018-04-05 17:31:00Z", "yesterday", "2018-04-05T25:31:00Z", "2018-04-05T17:31:00+0100")) {
            assertEquals(List.of("time"), refused(with("time", Json.createValue(time))), time);
        }
    }

    @Test
    void optionalAttributesAreHeldToTheirTypes() {
        assertEquals(List.of("subject"), refused(with("subject", Json.createValue(""))));
        assertEquals(List.of("dataschema"), refused(with("dataschema", Json.createValue("/relative/only"))));
        assertEquals(List.of("datacontenttype"), refused(with("datacontenttype", Json.createValue("application/xml"))));
        assertEquals(List.of("datacontenttype"), refused(with("datacontenttype", Json.createValue("text/plain"))));
        assertEquals(List.of("time"), refused(with("time", Json.createValue(1522949460))));
    }

    @Test
    void attributeNamesAreLowercaseLettersAndDigitsUpToTwenty() {
        assertEquals(List.of("Type"), refused(with("Type", Json.createValue("x"))));
        assertEquals(List.of("my_ext"), refused(with("my_ext", Json.createValue("x"))));
        assertEquals(List.of("a".repeat(21)), refused(with("a".repeat(21), Json.createValue("x"))));
        assertEquals(List.of("my-ext"), refused(with("my-ext", Json.createValue("x"))));
        CloudEventReader.structured(with("a".repeat(20), Json.createValue("x")));
    }

    @Test
    void unknownExtensionAttributesAreKept() {
        JsonObject event = Json.createObjectBuilder(valid()).add("comexampleextension1", "value").add("comexampleothervalue", 5)
                .add("traceparent", "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01").add("sampled", true).build();
        CloudEvent read = CloudEventReader.structured(event);
        assertEquals(Optional.of("value"), read.extension("comexampleextension1"));
        assertEquals(Optional.of("5"), read.extension("comexampleothervalue"));
        assertEquals(Optional.of("true"), read.extension("sampled"));
        assertEquals(List.of("comexampleextension2"), refused(with("comexampleextension2", Json.createObjectBuilder().add("a", 1).build())));
    }

    @Test
    void dataMustBeAJsonObject() {
        for (JsonValue data : List.of(Json.createValue("text"), Json.createValue(5), Json.createArrayBuilder().add(DATA).build(), JsonValue.NULL,
                JsonValue.TRUE)) {
            assertEquals(List.of("data"), refused(with("data", data)), "data = " + data);
        }
        assertEquals(List.of("data"), refused(without("data")));
        assertEquals(List.of("data_base64"), refused(Json.createObjectBuilder(without("data")).add("data_base64", "Zm9v").build()));
    }

    @Test
    void theTenantExtensionIsANonEmptyString() {
        assertEquals(Optional.of("acme"), CloudEventReader.structured(with("tenantid", Json.createValue("acme"))).extension("tenantid"));
        assertEquals(List.of("tenantid"), refused(with("tenantid", Json.createValue(""))));
        assertEquals(List.of("tenantid"), refused(with("tenantid", Json.createValue(7))));
    }

    @Test
    void binaryModeReadsTheCeHeadersInAnyCaseAndTheBodyAsData() {
        Map<String, List<String>> headers = validHeaders();
        headers.put("CE-Subject", List.of("ticket%3A42%20%C3%A9"));
        headers.put("ce-tenantid", List.of("acme"));
        headers.put("Authorization", List.of("Bearer x"));
        CloudEvent event = CloudEventReader.binary(headers, "application/json", DATA);
        assertEquals("A234-1234-1234", event.id());
        assertEquals(Optional.of("ticket:42 é"), event.subject());
        assertEquals(Optional.of("acme"), event.extension("tenantid"));
        assertEquals(Optional.of("application/json"), event.dataContentType());
        assertEquals(DATA, event.data());
    }

    @Test
    void binaryModeRefusesByNameAsStructuredModeDoes() {
        for (String required : List.of("ce-specversion", "ce-id", "ce-source", "ce-type")) {
            Map<String, List<String>> headers = validHeaders();
            headers.remove(required);
            InvalidCloudEventException e = assertThrows(InvalidCloudEventException.class,
                    () -> CloudEventReader.binary(headers, "application/json", DATA));
            assertEquals(required.substring(3), e.attribute());
        }
        Map<String, List<String>> wrongVersion = validHeaders();
        wrongVersion.put("ce-specversion", List.of("0.3"));
        assertEquals("specversion", assertThrows(InvalidCloudEventException.class,
                () -> CloudEventReader.binary(wrongVersion, "application/json", DATA)).attribute());
        Map<String, List<String>> badName = validHeaders();
        badName.put("ce-my_ext", List.of("x"));
        assertEquals("my_ext", assertThrows(InvalidCloudEventException.class,
                () -> CloudEventReader.binary(badName, "application/json", DATA)).attribute());
        Map<String, List<String>> twice = validHeaders();
        twice.put("ce-id", List.of("a", "b"));
        assertEquals("id", assertThrows(InvalidCloudEventException.class, () -> CloudEventReader.binary(twice, "application/json", DATA)).attribute());
        Map<String, List<String>> badEncoding = validHeaders();
        badEncoding.put("ce-subject", List.of("%E9%zz"));
        assertEquals("subject", assertThrows(InvalidCloudEventException.class,
                () -> CloudEventReader.binary(badEncoding, "application/json", DATA)).attribute());
        assertEquals("data", assertThrows(InvalidCloudEventException.class,
                () -> CloudEventReader.binary(validHeaders(), "application/json", null)).attribute());
        assertEquals("data", assertThrows(InvalidCloudEventException.class,
                () -> CloudEventReader.binary(validHeaders(), "application/json", Json.createArrayBuilder().build())).attribute());
        assertEquals("datacontenttype", assertThrows(InvalidCloudEventException.class,
                () -> CloudEventReader.binary(validHeaders(), "text/plain", DATA)).attribute());
    }

    @Test
    void percentDecodingIsTheHttpBindings() {
        assertEquals(Optional.of("a+b c"), CloudEventReader.percentDecoded("a+b%20c"));
        assertEquals(Optional.of("\"100%\""), CloudEventReader.percentDecoded("%22100%25%22"));
        assertEquals(Optional.empty(), CloudEventReader.percentDecoded("%"));
        assertEquals(Optional.empty(), CloudEventReader.percentDecoded("%C3"));
    }
}
