package dev.herald.redis;

/**
 * Redis Cluster's hash-tag rule, used to give a key the hash slot of another: a key that holds a {@code {...}}
 * (the first {@code {}, up to the first {@code }} after it, not empty) is hashed by what is between the braces only,
 * otherwise by all of it. A key built with {@link #sameSlotAs(String)} lands where the given key lands, so one script
 * may write both on Redis Cluster (no CROSSSLOT), whatever node owns that slot.
 */
public final class HashTag {

    private HashTag() {
    }

    /**
     * The {@code {tag}} to put into a key so that it hashes to the slot of {@code key}: {@code key}'s own hash tag when
     * it has one, else the whole key in braces.
     *
     * @throws IllegalArgumentException when no tag can say it: the key holds a {@code }} but no hash tag (a tag cannot
     *                                  hold a {@code }})
     */
    public static String sameSlotAs(String key) {
        String tag = tagOf(key);
        if (tag != null) {
            return "{" + tag + "}";
        }
        if (key.indexOf('}') >= 0) {
            throw new IllegalArgumentException("no hash tag can share the slot of key '" + key
                    + "': it holds a '}' outside a hash tag");
        }
        return "{" + key + "}";
    }

    /** The part of the key Redis Cluster hashes: its hash tag, or null when it has none (the whole key is hashed). */
    public static String tagOf(String key) {
        int open = key.indexOf('{');
        if (open < 0) {
            return null;
        }
        int close = key.indexOf('}', open + 1);
        if (close <= open + 1) {
            return null;
        }
        return key.substring(open + 1, close);
    }
}
