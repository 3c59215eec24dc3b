package dev.herald.subscribe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.herald.redis.RedisKeys;
import dev.herald.relay.WireFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SubscriptionsTest {

    static Subscription subscription(String id, String channel, String... types) {
        return new Subscription(id, List.of(types), channel, Set.of(), "", "Observers." + id);
    }

    @Test
    void aSubscriberIdUsedTwiceIsRefusedNamingBothObservers() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Subscriptions.of(List.of(
                subscription("mail", "global", "TICKET_CREATED"), subscription("mail", "global", "TICKET_CLOSED"))));
        assertTrue(e.getMessage().contains("'mail' is already used by Observers.mail"), e.getMessage());
    }

    @Test
    void malformedSubscriptionsAreRefusedWithEveryProblem() {
        List<String> problems = Subscriptions.problems(List.of(
                new Subscription(" ", List.of(), "global", Set.of(), "", "A.blank"),
                subscription("typo", "global", "ticketCreated"),
                subscription("channel", "a:b", "TICKET_CREATED")));
        assertEquals(4, problems.size(), problems.toString());
    }

    @Test
    void eachSubscribedTypeAndChannelIsOneStreamSharedByItsSubscribers() {
        Subscriptions all = Subscriptions.of(List.of(
                subscription("mail", "global", "TICKET_CREATED", "TICKET_CLOSED"),
                subscription("audit", "global", "TICKET_CREATED"),
                subscription("probe", "subscriber-it", "TICKET_CREATED")));
        Map<String, List<Subscription>> streams = all.byStream(new WireFormat(RedisKeys.defaults()));
        assertEquals(List.of("alga-psa:event-stream:global:TICKET_CREATED", "alga-psa:event-stream:global:TICKET_CLOSED",
                "alga-psa:event-stream:subscriber-it:TICKET_CREATED"), List.copyOf(streams.keySet()));
        assertEquals(List.of("mail", "audit"), streams.get("alga-psa:event-stream:global:TICKET_CREATED").stream()
                .map(Subscription::id).toList());
    }

    @Test
    void aSubscriptionSwitchedOnByAPropertyIsActiveOnlyWhenItIsTrue() {
        Subscriptions all = Subscriptions.of(List.of(subscription("always", "global", "TICKET_CREATED"),
                new Subscription("probe", List.of("TICKET_CREATED"), "global", Set.of(), "probes.enabled", "P.probe")));
        assertEquals(List.of("always"), all.active(name -> false).all().stream().map(Subscription::id).toList());
        assertEquals(2, all.active("probes.enabled"::equals).all().size());
    }

    @Test
    void aTenantRestrictedSubscriptionAcceptsOnlyItsTenants() {
        Subscription restricted = new Subscription("t", List.of("TICKET_CREATED"), "global", Set.of("acme"), "", "T.t");
        assertTrue(restricted.accepts("acme"));
        assertTrue(!restricted.accepts("globex"));
        assertTrue(subscription("all", "global", "TICKET_CREATED").accepts("globex"));
    }

    @Test
    void namingTenantsByIdKeepsWhatTheObserverTakes() {
        Subscription typed = new Subscription("t", List.of("TICKET_CREATED"), "global", Set.of("acme"), "", "T.t", String.class);
        Subscription named = Subscriptions.of(List.of(typed)).withTenantIds(slug -> "id-of-" + slug).all().get(0);
        assertEquals(Set.of("id-of-acme"), named.tenants());
        assertEquals(String.class, named.observed());
        assertTrue(named.isTyped());
    }
}
