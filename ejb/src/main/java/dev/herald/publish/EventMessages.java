package dev.herald.publish;

/**
 * Names of the JMS message properties that carry an envelope from the publisher to the relay. The body is the
 * envelope JSON; the properties let the broker group and the relay route without parsing it.
 */
public final class EventMessages {

    public static final String EVENT_ID = "heraldEventId";
    public static final String EVENT_TYPE = "heraldEventType";
    /** Comma-separated channel names; {@code global} unless the event asked for more. */
    public static final String CHANNELS = "heraldChannels";
    /** Standard JMS group property: messages of one group are consumed in order, one at a time. */
    public static final String GROUP = "JMSXGroupID";

    private EventMessages() {
    }
}
