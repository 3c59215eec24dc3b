package dev.herald.publish;

import dev.herald.events.EventIssue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ChannelPolicyTest {

    private static List<String> pointers(ChannelPolicy policy, String... channels) {
        return policy.issues(Arrays.asList(channels)).stream().map(EventIssue::pointer).toList();
    }

    @Test
    void namesOfThePatternUpToSixtyFourCharactersAreAccepted() {
        assertEquals(List.of(), pointers(ChannelPolicy.ANY, "global", "internal-notifications", "a.b_c-9", "9lives", "x".repeat(64)));
    }

    @Test
    void everyOtherNameIsRefusedAtItsIndex() {
        for (String name : List.of("*", "../x", "a\r\nb", "Upper", "", " ", "-x", ".x", "_x", "a:b", "a b", "x".repeat(65))) {
            assertEquals(List.of("/channels/1"), pointers(ChannelPolicy.ANY, "global", name), "'" + name + "'");
        }
    }

    @Test
    void aNullIsRefusedAtItsIndex() {
        assertEquals(List.of("/channels/0", "/channels/2"), pointers(ChannelPolicy.ANY, null, "global", null));
    }

    @Test
    void moreChannelsThanTheBoundIsOneIssueOnTheList() {
        assertEquals(List.of("/channels"), pointers(ChannelPolicy.ANY, Collections.nCopies(11, "a").toArray(String[]::new)));
        assertEquals(List.of(), pointers(ChannelPolicy.ANY, Collections.nCopies(10, "a").toArray(String[]::new)));
        assertEquals(List.of("/channels"), pointers(new ChannelPolicy(Set.of(), 2), "a", "b", "c"));
    }

    @Test
    void anAllowListRefusesOtherNamesButNeverGlobal() {
        ChannelPolicy policy = ChannelPolicy.configured(" billing , internal-notifications,", 10);
        assertEquals(List.of("/channels/2"), pointers(policy, "global", "billing", "other", "internal-notifications"));
    }

    @Test
    void aBlankAllowListAllowsAnyValidName() {
        assertEquals(List.of(), pointers(ChannelPolicy.configured(" ", 10), "anything-valid"));
        assertEquals(List.of(), pointers(ChannelPolicy.configured(null, 10), "anything-valid"));
    }

    @Test
    void aMisconfiguredPolicyFailsAtOnce() {
        assertThrows(IllegalArgumentException.class, () -> ChannelPolicy.configured("Not Valid", 10));
        assertThrows(IllegalArgumentException.class, () -> ChannelPolicy.configured("", 0));
    }
}
