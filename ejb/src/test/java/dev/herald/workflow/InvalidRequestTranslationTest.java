package dev.herald.workflow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import jakarta.interceptor.InvocationContext;
import java.lang.reflect.Proxy;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.Test;

/** Malformed requests leave the bean as application exceptions; everything else passes through untouched. */
class InvalidRequestTranslationTest {

    private final InvalidRequestTranslation translation = new InvalidRequestTranslation();

    @Test
    void illegalArgumentBecomesAnInvalidRequestWithItsMessage() {
        IllegalArgumentException cause = new IllegalArgumentException("no workflow named nope");
        InvalidWorkflowRequestException thrown = assertThrows(InvalidWorkflowRequestException.class,
                () -> translation.translate(invoking(() -> { throw cause; })));
        assertEquals("no workflow named nope", thrown.getMessage());
        assertSame(cause, thrown.getCause());
    }

    @Test
    void otherOutcomesPassThrough() throws Exception {
        assertEquals("state", translation.translate(invoking(() -> "state")));
        SequenceConflictException conflict = new SequenceConflictException("e-1", 3, "it is at 4", null);
        assertSame(conflict, assertThrows(SequenceConflictException.class,
                () -> translation.translate(invoking(() -> { throw conflict; }))));
        InvalidWorkflowRequestException invalid = new InvalidWorkflowRequestException(new IllegalArgumentException("x"));
        assertSame(invalid, assertThrows(InvalidWorkflowRequestException.class,
                () -> translation.translate(invoking(() -> { throw invalid; }))));
    }

    private static InvocationContext invoking(Callable<Object> method) {
        return (InvocationContext) Proxy.newProxyInstance(InvocationContext.class.getClassLoader(),
                new Class<?>[] {InvocationContext.class}, (proxy, m, args) -> {
                    if (!m.getName().equals("proceed")) {
                        throw new UnsupportedOperationException(m.getName());
                    }
                    return method.call();
                });
    }
}
