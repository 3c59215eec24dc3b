package dev.herald.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.herald.auth.TokenRequest;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.redisson.api.stream.StreamAddArgs;
import org.redisson.client.codec.StringCodec;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

/**
 * The web console (/console) in a real headless Chromium against the deployed server: sign-in, catalog, simulator,
 * live tail and workflow timeline, each in a fresh tenant, and never another tenant's data. Each test leaves a
 * screenshot in target/screenshots/.
 */
@ExtendWith(ArquillianExtension.class)
class ConsoleIT {

    private static ConsoleBrowser browser;

    @Deployment(testable = false)
    static EnterpriseArchive herald() {
        return HeraldDeployment.builtEar();
    }

    @BeforeAll
    static void startBrowser() {
        browser = new ConsoleBrowser();
    }

    @AfterAll
    static void stopBrowser() {
        if (browser != null) {
            browser.close();
        }
    }

    @AfterEach
    void screenshot(TestInfo test) {
        browser.screenshot(getClass().getSimpleName() + "-" + test.getTestMethod().orElseThrow().getName());
        browser.closeOtherTabs();
    }

    private static String tenant() {
        return UUID.randomUUID().toString();
    }

    @Test
    void pastedTokenSignsInAndShowsItsTenant() {
        String tenant = tenant();
        browser.open("/catalog", null);
        browser.find("#token-input").sendKeys(Tokens.tenantAdmin(tenant));
        browser.find("#signin-button").click();

        assertEquals(tenant, browser.textContaining("#session-tenant", tenant));
        browser.textContaining("h1", "Event catalog");
        assertEquals("280 event types", browser.textContaining("#catalog-total", "event types"));
    }

    @Test
    void demoTokenButtonSaysDemoTokensAreOffOutsideTheRunProfile() {
        browser.open("/signin", null);
        browser.find("#demo-token-button").click();
        assertTrue(browser.textContaining("#signin-message", "Demo tokens are off").contains("run profile"));
        assertEquals(0, browser.all("#session-tenant").size(), "nobody is signed in");
    }

    @Test
    void refusedTokenSendsTheUserBackToSignInWithSessionExpired() {
        // Well formed and unexpired, so the console keeps it, but signed for another issuer: every call answers 401.
        String forged = Tokens.signer().sign(Tokens.signer().claims(Tokens.request(tenant(), TokenRequest.ALL_GROUPS))
                .add("iss", "someone-else").add("upn", "mallory").build());
        browser.open("/catalog", forged);

        assertTrue(browser.textContaining("#signin-notice", "session expired").contains("Sign in again"));
        assertNull(browser.js("return sessionStorage.getItem('herald.console.token');"), "the token is dropped");
    }

    @Test
    void catalogFiltersByCategorySearchesAsYouTypeAndPages() throws Exception {
        String tenant = tenant();
        HeraldClient herald = HeraldClient.of(tenant);
        long tickets = herald.get("api/catalog/categories").jsonArray().stream().map(JsonValue::asJsonObject)
                .filter(c -> c.getString("category").equals("Tickets")).findFirst().orElseThrow().getJsonNumber("count").longValue();
        browser.open("/catalog", Tokens.tenantAdmin(tenant));
        assertEquals("Page 1 of 12", browser.textContaining("#catalog-page", "Page"));

        browser.find("#catalog-next").click();
        browser.textContaining("#catalog-page", "Page 2 of 12");

        // Keyboard only: Enter on a category button.
        browser.find("button.category[data-category='Tickets']").sendKeys(Keys.ENTER);
        browser.textContaining("#catalog-total", tickets + " event types in Tickets");
        assertEquals("true", browser.find("button.category[data-category='Tickets']").getAttribute("aria-pressed"));

        browser.find("#catalog-search").sendKeys("assign");
        List<String> expected = herald.get("api/catalog?category=Tickets&q=assign&size=25").json().getJsonArray("items")
                .stream().map(v -> v.asJsonObject().getString("eventType")).toList();
        assertFalse(expected.isEmpty());
        String total = browser.textContaining("#catalog-total", "matching “assign”");
        assertEquals(expected.size() + " event type" + (expected.size() == 1 ? "" : "s") + " in Tickets matching “assign”", total);
        assertEquals(expected, rowsOf("#catalog-table tbody tr"));
        assertTrue(rowsOf("#catalog-table tbody tr").contains("TICKET_ASSIGNED"));
        assertTrue(((String) browser.js("return location.hash;")).contains("q=assign"), "the search is in the address");

        browser.find("#catalog-search").sendKeys("ed-to-nobody-at-all");
        browser.textContaining("#catalog-results", "No event types match");
    }

    @Test
    void entryPageShowsFieldsRawSchemaAndExample() {
        browser.open("/catalog/TICKET_CREATED", Tokens.tenantAdmin(tenant()));
        assertEquals("TICKET_CREATED", browser.textContaining("#entry-type", "TICKET_CREATED"));

        WebElement ticketId = browser.find("#field-table tr[data-pointer='/ticketId']");
        assertTrue(ticketId.getText().contains("string (uuid)"), ticketId.getText());
        assertTrue(ticketId.getText().contains("required"), ticketId.getText());
        String actorType = browser.find("#field-table tr[data-pointer='/actorType']").getText();
        assertTrue(actorType.contains("\"USER\"") && actorType.contains("\"CONTACT\"") && actorType.contains("\"SYSTEM\""), actorType);
        assertTrue(browser.find("#field-table tr[data-pointer='/actorUserId']").getText().contains("optional"));

        browser.find("#raw-schema summary").click();
        assertTrue(browser.textContaining("#raw-schema pre", "$schema").contains("urn:herald:schema:payload.TicketCreated.v1"));
        assertTrue(browser.find("#example-payload").getText().contains("\"ticketId\""));

        browser.screenshot(getClass().getSimpleName() + "-entryPage");
        browser.find("#simulate-link").click();
        browser.textContaining("h1", "Simulate TICKET_CREATED");
    }

    @Test
    void unknownEventTypeShowsNotFoundRatherThanABlankPage() {
        browser.open("/catalog/NO_SUCH_EVENT_TYPE", Tokens.tenantAdmin(tenant()));
        browser.textContaining("main .error h1", "Not found");
        assertTrue(browser.find("main .error .reason").getText().contains("NO_SUCH_EVENT_TYPE"));
    }

    @Test
    void simulatorEditorModesKeepTheValues() {
        String tenant = tenant();
        browser.open("/simulate/TICKET_CREATED", Tokens.tenantAdmin(tenant));
        WebElement tenantInput = browser.find("input[data-pointer='/tenantId']");
        assertEquals(tenant, tenantInput.getAttribute("value"));
        assertNotNull(tenantInput.getAttribute("readonly"), "the tenant comes from the session");

        String ticketId = UUID.randomUUID().toString();
        browser.type("input[data-pointer='/ticketId']", ticketId);
        selectByText("select[data-pointer='/actorType']", "CONTACT");

        browser.find("label[for='mode-json']").click();
        JsonObject json = Json.createReader(new StringReader(browser.find("#payload-json").getAttribute("value"))).readObject();
        assertEquals(ticketId, json.getString("ticketId"));
        assertEquals("CONTACT", json.getString("actorType"));
        assertEquals(tenant, json.getString("tenantId"));

        browser.js("const e = document.getElementById('payload-json'); const v = JSON.parse(e.value);"
                + " v.actorType = 'SYSTEM'; e.value = JSON.stringify(v, null, 2);");
        browser.find("label[for='mode-form']").click();
        assertEquals(ticketId, browser.find("input[data-pointer='/ticketId']").getAttribute("value"));
        assertEquals("SYSTEM", selectedText("select[data-pointer='/actorType']"));
    }

    /** Waits for POST /api/simulator/events (the simulator branch). */
    @Test
    void simulatorShowsAnInvalidValueAtItsField() {
        browser.open("/simulate/TICKET_CREATED", Tokens.tenantAdmin(tenant()));
        browser.type("input[data-pointer='/ticketId']", "not-a-uuid");
        browser.find("#dry-run-button").click();

        String issue = browser.textContaining(".field[data-pointer='/ticketId'] .issue", "uuid");
        assertFalse(issue.isBlank());
        assertEquals("true", browser.find("input[data-pointer='/ticketId']").getAttribute("aria-invalid"));
        assertTrue(browser.find("#issues").getText().contains("ticketId"), "the summary names the field");

        browser.find("#issues a").click();
        assertEquals("/ticketId", browser.js("return document.activeElement.dataset.pointer;"), "the summary leads to the field");
    }

    /** Waits for POST /api/simulator/events (the simulator branch) and GET /api/tail (the live-tail branch). */
    @Test
    void fixedSimulationIsPublishedAndArrivesOnTheLiveTail() throws Exception {
        String tenant = tenant();
        String other = tenant();
        String token = Tokens.tenantAdmin(tenant);
        browser.open("/tail?types=TICKET_CREATED", token);
        browser.textContaining("#tail-status", "Live");

        String tailTab = browser.newTab("/simulate/TICKET_CREATED", token);
        browser.type("input[data-pointer='/ticketId']", "not-a-uuid");
        browser.find("#publish-button").click();
        browser.textContaining(".field[data-pointer='/ticketId'] .issue", "uuid");
        String ticketId = UUID.randomUUID().toString();
        browser.type("input[data-pointer='/ticketId']", ticketId);

        // Another tenant's event of the same type, published first: it must never reach this tenant's tail.
        JsonObject otherPayload = Json.createObjectBuilder(HeraldClient.of(other).get("api/schemas/payload.TicketCreated.v1/example").json())
                .add("tenantId", other).add("ticketId", UUID.randomUUID().toString()).build();
        HeraldClient.Reply otherEvent = HeraldClient.of(other).post("api/events", Json.createObjectBuilder()
                .add("eventType", "TICKET_CREATED").add("payload", otherPayload).build());
        assertEquals(202, otherEvent.status(), otherEvent.body());

        browser.find("#publish-button").click();
        String eventId = browser.find("#published-event-id").getText();
        assertFalse(eventId.isBlank());
        browser.screenshot(getClass().getSimpleName() + "-published");

        browser.switchTo(tailTab);
        WebElement row = browser.find("#tail-events li[data-event-id='" + eventId + "']");
        row.findElement(By.tagName("summary")).click();
        assertTrue(browser.textContaining("#tail-events li[data-event-id='" + eventId + "'] pre", ticketId).contains(tenant));
        assertEquals(0, browser.all("#tail-events li[data-event-id='" + otherEvent.json().getString("eventId") + "']").size(),
                "another tenant's event is not on this tail");

        // Paused: new events are held, not shown, until resumed.
        browser.find("#tail-pause").click();
        HeraldClient.Reply held = HeraldClient.of(tenant).post("api/events", Json.createObjectBuilder()
                .add("eventType", "TICKET_CREATED").add("payload", Json.createObjectBuilder(otherPayload)
                        .add("tenantId", tenant).add("ticketId", UUID.randomUUID().toString())).build());
        assertEquals(202, held.status(), held.body());
        browser.textContaining("#tail-status", "1 new event held");
        String heldId = held.json().getString("eventId");
        assertEquals(0, browser.all("#tail-events li[data-event-id='" + heldId + "']").size());
        browser.find("#tail-pause").click();
        browser.find("#tail-events li[data-event-id='" + heldId + "']");
    }

    @Test
    void workflowTimelineShowsTheOlderStateAtAnEarlierSequence() throws Exception {
        String tenant = tenant();
        HeraldClient herald = HeraldClient.of(tenant);
        String execution = new WorkflowApi(tenant).start("ticket-" + UUID.randomUUID());
        submit(herald, execution, 0, "TICKET_ASSIGNED", Json.createObjectBuilder().add("assignedToUserId", "alice").build());
        submit(herald, execution, 1, "TICKET_ASSIGNED", Json.createObjectBuilder().add("assignedToUserId", "bob").build());
        submit(herald, execution, 2, "TICKET_UNASSIGNED", JsonValue.EMPTY_JSON_OBJECT);

        browser.open("/workflows/" + execution, Tokens.tenantAdmin(tenant));
        browser.textContaining("#state-heading", "State now (sequence 3)");
        assertEquals("open", browser.find("#state-current").getText());
        assertEquals(4, browser.all("#journal li.step").size(), "start and three events");
        assertTrue(browser.find("#journal li[data-sequence='2']").getText().contains("assigned → assigned"));

        // The number box (Enter) and the timeline (a click) both move the replay.
        WebElement number = browser.find("#sequence-input");
        number.clear();
        number.sendKeys("1", Keys.ENTER);
        browser.textContaining("#state-heading", "State at sequence 1");
        assertEquals("assigned", browser.find("#state-current").getText());
        assertTrue(browser.find("#state-data").getText().contains("alice"));
        assertTrue(browser.find("#replay-trace").getText().contains("Applied sequences"));
        assertTrue(browser.find("#journal li[data-sequence='3']").getAttribute("class").contains("future"));

        browser.find("#journal li[data-sequence='2'] button").click();
        browser.textContaining("#state-heading", "State at sequence 2");
        assertTrue(browser.textContaining("#state-data", "bob").contains("bob"));

        browser.find("#sequence-slider").sendKeys(Keys.HOME);
        browser.textContaining("#state-heading", "State at sequence 0");
        assertEquals("open", browser.find("#state-current").getText());
        assertFalse(browser.find("#state-data").getText().contains("alice"));
    }

    @Test
    void deadQueuedEventShowsWhyOnTheTimelineAndIsRetriedFromThere() throws Exception {
        String tenant = tenant();
        openOnADeadEvent(tenant, new WorkflowApi(tenant));
        String dead = browser.textContaining("#journal li[data-sequence='1']", "DEAD");
        assertTrue(dead.contains("refuses TICKET_REOPENED"), "the last error is shown: " + dead);
        browser.find("#journal li[data-sequence='1'] button.retry").click();
        browser.textContaining("#journal-notice", "#1 TICKET_REOPENED retried");
    }

    @Test
    void deadQueuedEventIsDiscardedFromTheTimelineAndTheEventAfterItApplies() throws Exception {
        String tenant = tenant();
        WorkflowApi workflows = new WorkflowApi(tenant);
        String execution = openOnADeadEvent(tenant, workflows);
        browser.find("#journal li[data-sequence='1'] button.discard").click();
        browser.textContaining("#journal-notice", "#1 TICKET_REOPENED discarded");
        assertTrue(browser.textContaining("#journal li[data-sequence='1']", "DISCARDED").contains("open → open"));
        workflows.journalOnce("the held-back event DONE", execution, java.time.Duration.ofSeconds(60),
                journal -> journal.get(2).getString("processingStatus").equals("DONE"));
    }

    /** The tenant admin's timeline of a new execution whose queued event died with another held behind it. */
    private String openOnADeadEvent(String tenant, WorkflowApi workflows) throws Exception {
        String execution = workflows.start("ticket-" + UUID.randomUUID());
        workflows.queueBehindADeadEvent(execution, UUID.randomUUID().toString(), UUID.randomUUID().toString(),
                java.time.Duration.ofSeconds(60));
        browser.open("/workflows/" + execution, Tokens.tenantAdmin(tenant));
        return execution;
    }

    @Test
    void workflowsPageStartsAnExecutionAndFindsItByCorrelationKey() {
        String key = "ticket-" + UUID.randomUUID();
        browser.open("/workflows", Tokens.tenantAdmin(tenant()));
        selectByValue("#start-workflow", WorkflowApi.LIFECYCLE);
        browser.type("#start-key", key);
        browser.find("#start-button").click();
        browser.textContaining("h1", WorkflowApi.LIFECYCLE);
        assertEquals("open", browser.textContaining("#state-current", "open"));

        browser.go("/workflows");
        String newest = browser.textContaining("#recent-executions tbody tr:first-child", key);
        assertTrue(newest.contains(WorkflowApi.LIFECYCLE), "the started execution heads the newest: " + newest);
        browser.type("#correlation-key", key);
        browser.find("#find-button").click();
        assertTrue(browser.textContaining("#correlated", key).contains(WorkflowApi.LIFECYCLE));
    }

    @Test
    void anotherTenantsCatalogEntriesAndExecutionsNeverShow() throws Exception {
        String tenant = tenant();
        String other = tenant();
        HeraldClient otherClient = HeraldClient.of(other);
        String type = "WIDGET_SHIPPED_" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        HeraldClient.Reply defined = otherClient.post("api/catalog/custom", Json.createObjectBuilder()
                .add("eventType", type).add("displayName", "Widget Shipped").add("category", "Widgets")
                .add("description", "A widget left the warehouse")
                .add("schema", Json.createObjectBuilder().add("type", "object")
                        .add("required", Json.createArrayBuilder().add("tenantId"))
                        .add("properties", Json.createObjectBuilder().add("tenantId", Json.createObjectBuilder().add("type", "string"))))
                .build());
        assertEquals(201, defined.status(), defined.body());
        String key = "ticket-" + UUID.randomUUID();
        String execution = new WorkflowApi(other).start(key);

        // The owner sees its own entry...
        browser.open("/catalog?q=" + type.toLowerCase(), Tokens.tenantAdmin(other));
        assertEquals(List.of(type), rowsOf("#catalog-table tbody tr"));

        // ...another tenant does not: not in search, not among the categories, not by address.
        browser.open("/catalog?q=" + type.toLowerCase(), Tokens.tenantAdmin(tenant));
        browser.textContaining("#catalog-results", "No event types match");
        assertEquals(0, browser.all("button.category[data-category='Widgets']").size());
        browser.go("/catalog/" + type);
        browser.textContaining("main .error h1", "Not found");
        browser.go("/workflows/" + execution);
        browser.textContaining("main .error h1", "Not found");
        browser.go("/workflows?correlationKey=" + key);
        browser.textContaining("#correlated", "No execution has the correlation key");
        browser.textContaining("#recent-executions", "No execution yet");
    }

    /** The console's stream parser and issue placement, as modules in the browser that runs them. */
    /**
     * The Operations view for a platform operator: the subscribers' group on a stream in the backlog table, a retrying
     * relay failure, a subscriber dead letter (written by the test from a real entry) replayed from the page, the
     * subscribers paused and resumed with the button, and the rate chart drawn once the server has two rate samples.
     */
    @Test
    void operationsViewShowsBacklogRatesAndDeadLettersAndReplaysOne() throws Exception {
        String tenant = tenant();
        HeraldClient herald = HeraldClient.of(tenant);
        HeraldClient operator = HeraldClient.operator();
        String stream = "alga-psa:event-stream:subscriber-it:TICKET_CREATED";
        String poisoned = "alga-psa:event-stream:console-ops-" + UUID.randomUUID().toString().substring(0, 8) + ":TICKET_CREATED";
        try (RedisProbe redis = new RedisProbe()) {
            String eventId = herald.post("api/events", Events.channels(Events.ticketCreated(tenant), "subscriber-it"))
                    .json().getString("eventId");
            Map<String, String> entry = Eventually.await(eventId + " on " + stream, Duration.ofSeconds(60),
                    () -> redis.entries(stream).stream().filter(e -> eventId.equals(Events.id(e))).findFirst().orElse(null));
            Map<String, String> letter = new LinkedHashMap<>(entry);
            letter.put("sourceStream", stream);
            letter.put("sourceMessageId", "0-1");
            letter.put("deliveries", "5");
            letter.put("deadLetteredAt", Instant.now().toString());
            letter.put("reason", "written by ConsoleIT");
            String letterId = redis.client().<String, String>getStream(stream + ":dead-letter", StringCodec.INSTANCE)
                    .add(StreamAddArgs.entries(letter)).toString();
            redis.setString(poisoned, "not a stream"); // every relay of the next event there fails with WRONGTYPE
            String failing = herald.post("api/events", Events.channels(Events.ticketCreated(tenant),
                    poisoned.split(":")[2])).json().getString("eventId");
            try {
                Eventually.await("the failed relay recorded", Duration.ofSeconds(60),
                        () -> unchecked(() -> operator.get("api/relay/failed/" + failing).status() == 200) ? true : null);
                Eventually.await("the dead letter sampled", Duration.ofSeconds(60), () -> unchecked(() -> operator
                        .get("api/operations/backlog").json().getJsonArray("streams").stream().map(JsonValue::asJsonObject)
                        .anyMatch(s -> s.getString("stream").equals(stream) && s.getInt("deadLetters") > 0)) ? true : null);

                browser.open("/operations", Tokens.of("platform", "operator"));
                browser.textContaining("h1", "Operations");
                WebElement row = browser.find("#backlog-table tr[data-stream='" + stream + "'][data-group='herald-subscribers']");
                assertTrue(row.getText().contains("TICKET_CREATED on subscriber-it"), row.getText());
                assertTrue(browser.textContaining("#relay-failures-table tr[data-event-id='" + failing + "']", failing)
                        .contains("RETRYING"));
                // Seen: the broker's next redelivery may get through now, before its attempts run out and the event
                // is dead-lettered (the rest of this test outlasts them).
                redis.delete(poisoned);
                String letterRow = ".dead-letters[data-stream='" + stream + "'] tr[data-id='" + letterId + "']";
                assertTrue(browser.find(letterRow).getText().contains(eventId), browser.find(letterRow).getText());
                browser.find("#ops-queue-depth");

                browser.find("#ops-pause-toggle").click();
                browser.textContaining("#ops-subscribers-state", "paused");
                assertTrue(operator.get("api/operations/subscribers").json().getBoolean("paused"));
                browser.find("#ops-pause-toggle").click();
                browser.textContaining("#ops-subscribers-state", "running");
                assertFalse(operator.get("api/operations/subscribers").json().getBoolean("paused"));

                // Two 10-second rate samples after the deployment; the view asks again every 10 seconds.
                Eventually.await("the rate chart", Duration.ofSeconds(60),
                        () -> browser.all("#rates-chart polyline.series").size() == 3 ? true : null);
                browser.screenshot(getClass().getSimpleName() + "-operations");

                browser.find(letterRow + " button.replay").click();
                Eventually.await("the replayed dead letter gone from the page", Duration.ofSeconds(20),
                        () -> browser.all(letterRow).isEmpty() ? true : null);
                Eventually.await("the event back on its stream", Duration.ofSeconds(20),
                        () -> redis.entries(stream).stream().filter(e -> eventId.equals(Events.id(e))).count() == 2 ? true : null);
            } finally {
                redis.delete(poisoned); // the broker's next redelivery gets through
                operator.post("api/operations/subscribers/resume", JsonValue.EMPTY_JSON_OBJECT);
            }
        }
    }

    @Test
    void consoleModulesParseEventStreamsAndPlaceIssues() {
        browser.open("/signin", null);
        Object sse = browser.asyncJs("const done = arguments[arguments.length - 1];"
                + "import(new URL('js/sse.js', document.baseURI)).then(({SseParser}) => {"
                + "  const events = []; const parser = new SseParser(e => events.push(e));"
                + "  ['\\uFEFFevent: TICKET_CREATED\\r', '\\nid: e-1\\r\\ndata: {\"a\"', ':1}\\n\\n', ': keep-alive\\n\\n',"
                + "   'data: one\\ndata:two\\n', '\\n', 'retry: 5000\\nid: e-2\\ndata\\n\\n', 'bogus: x\\ndata: cut off']"
                + "    .forEach(chunk => parser.push(chunk));"
                + "  parser.end();"
                + "  done(JSON.stringify({events, lastEventId: parser.lastEventId, retry: parser.retry}));"
                + "}).catch(e => done('failed: ' + e));");
        assertEquals("{\"events\":[{\"type\":\"TICKET_CREATED\",\"data\":\"{\\\"a\\\":1}\",\"id\":\"e-1\"},"
                + "{\"type\":\"message\",\"data\":\"one\\ntwo\",\"id\":\"e-1\"},"
                + "{\"type\":\"message\",\"data\":\"\",\"id\":\"e-2\"}],\"lastEventId\":\"e-2\",\"retry\":5000}", sse);

        Object placed = browser.asyncJs("const done = arguments[arguments.length - 1];"
                + "import(new URL('js/pointer.js', document.baseURI)).then(({placeIssue, label}) => {"
                + "  const known = new Set(['/ticketId', '/a', '/a/b', '/a/b/0/c', '/x~1y']);"
                + "  done([placeIssue('/ticketId', known), placeIssue('/payload/ticketId', known),"
                + "    placeIssue('/a/b/0/c', known), placeIssue('/a/b/3/c', known), placeIssue('/x~1y', known),"
                + "    String(placeIssue('', known)), String(placeIssue('/nowhere', known)), label('/a/b/0/c')].join(' '));"
                + "}).catch(e => done('failed: ' + e));");
        assertEquals("/ticketId /ticketId /a/b/0/c /a/b /x~1y null null a.b[0].c", placed);

        Object nested = browser.asyncJs("const done = arguments[arguments.length - 1];"
                + "import(new URL('js/form.js', document.baseURI)).then(({PayloadForm}) => {"
                + "  const descriptor = {fields: [{name: 'a', pointer: '/a', type: 'object', required: true, children: ["
                + "    {name: 'b', pointer: '/a/b', type: 'array', required: false, items: {name: 'items', pointer: '/a/b/-',"
                + "      type: 'object', required: false, children: [{name: 'c', pointer: '/a/b/-/c', type: 'integer', required: true}]}}]}]};"
                + "  const form = new PayloadForm(descriptor, {a: {b: [{c: 1}, {c: 2}]}, extra: true});"
                + "  document.body.append(form.element);"
                + "  form.element.querySelector('input[data-pointer=\"/a/b/1/c\"]').value = '2x';"
                + "  const read = form.read().value;"
                + "  const shown = form.showIssues([{pointer: '/a/b/1/c', message: 'must be an integer'}]);"
                + "  const slot = form.element.querySelector('.field[data-pointer=\"/a/b/1/c\"] .issue');"
                + "  const answer = JSON.stringify({read, target: shown[0].target, slot: slot.textContent, hidden: slot.hidden});"
                + "  form.element.remove(); done(answer);"
                + "}).catch(e => done('failed: ' + e));");
        assertEquals("{\"read\":{\"extra\":true,\"a\":{\"b\":[{\"c\":1},{\"c\":\"2x\"}]}},\"target\":\"/a/b/1/c\","
                + "\"slot\":\"must be an integer\",\"hidden\":false}", nested);
    }

    private static void submit(HeraldClient herald, String execution, long expected, String eventName, JsonObject payload)
            throws Exception {
        HeraldClient.Reply reply = herald.post("api/workflows/executions/" + execution + "/events", Json.createObjectBuilder()
                .add("expectedSequence", expected).add("eventId", UUID.randomUUID().toString())
                .add("eventName", eventName).add("payload", payload).build());
        assertEquals(200, reply.status(), reply.body());
    }

    /** The event types of the table's rows, once the table shows. */
    private static List<String> rowsOf(String css) {
        browser.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(css)));
        return browser.all(css).stream().map(row -> row.getAttribute("data-event-type")).toList();
    }

    interface Call<T> {
        T call() throws Exception;
    }

    private static <T> T unchecked(Call<T> call) {
        try {
            return call.call();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static void selectByText(String css, String text) {
        new Select(browser.find(css)).selectByVisibleText(text);
    }

    private static void selectByValue(String css, String value) {
        new Select(browser.find(css)).selectByValue(value);
    }

    private static String selectedText(String css) {
        return new Select(browser.find(css)).getFirstSelectedOption().getText();
    }
}
