package dev.herald.workflow;

/** A workflow definition that cannot be used, naming the file (or other source) it came from. */
public class WorkflowDefinitionException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String source;

    public WorkflowDefinitionException(String source, String problem) {
        this(source, problem, null);
    }

    public WorkflowDefinitionException(String source, String problem, Throwable cause) {
        super(source + ": " + problem, cause);
        this.source = source;
    }

    public String source() {
        return source;
    }
}
