package dev.herald.workflow;

import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.InvocationContext;

/**
 * Turns the {@link IllegalArgumentException}s that {@link WorkflowService} and the pure classes it calls throw for
 * malformed requests into {@link InvalidWorkflowRequestException}s, which leave the bean unwrapped.
 */
public class InvalidRequestTranslation {

    @AroundInvoke
    public Object translate(InvocationContext invocation) throws Exception {
        try {
            return invocation.proceed();
        } catch (InvalidWorkflowRequestException e) {
            throw e;
        } catch (IllegalArgumentException e) {
            throw new InvalidWorkflowRequestException(e);
        }
    }
}
