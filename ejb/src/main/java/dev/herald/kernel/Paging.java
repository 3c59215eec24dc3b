package dev.herald.kernel;

/** The page checks of every paged listing: a refusal is an IllegalArgumentException, which the API answers with 400. */
public final class Paging {

    private Paging() {
    }

    /**
     * The offset of the page's first row.
     *
     * @throws IllegalArgumentException for a negative page, a size outside 1 to {@code maxSize}, or a page that starts
     *                                  past any possible row (an offset beyond what a query can skip)
     */
    public static int firstResult(int page, int size, int maxSize) {
        if (page < 0) {
            throw new IllegalArgumentException("page starts at 0");
        }
        if (size < 1 || size > maxSize) {
            throw new IllegalArgumentException("size must be between 1 and " + maxSize);
        }
        if ((long) page * size > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("page " + page + " of size " + size + " starts past any possible row");
        }
        return page * size;
    }
}
