package dev.herald.persistence;

import jakarta.ejb.ApplicationException;

/**
 * A string longer than the column it is stored in: refused before the database would refuse it with an error that
 * names neither the field nor the limit. Rolls the transaction back, as the failed insert would have.
 */
@ApplicationException(rollback = true)
public class ValueTooLongException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String entity;
    private final String field;
    private final int maxLength;
    private final int length;

    public ValueTooLongException(String entity, String field, int maxLength, int length) {
        super(field + " is " + length + " characters long, longer than its " + maxLength + " (" + entity + "." + field + ")");
        this.entity = entity;
        this.field = field;
        this.maxLength = maxLength;
        this.length = length;
    }

    public String entity() {
        return entity;
    }

    public String field() {
        return field;
    }

    public int maxLength() {
        return maxLength;
    }

    public int length() {
        return length;
    }
}
