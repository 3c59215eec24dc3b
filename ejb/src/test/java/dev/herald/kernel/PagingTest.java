package dev.herald.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class PagingTest {

    @Test
    void firstRowOfAPageIsPageTimesSize() {
        assertEquals(0, Paging.firstResult(0, 20, 500));
        assertEquals(60, Paging.firstResult(3, 20, 500));
    }

    @Test
    void negativePagesSizesOutOfRangeAndPagesPastAnyRowAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> Paging.firstResult(-1, 20, 500));
        assertThrows(IllegalArgumentException.class, () -> Paging.firstResult(0, 0, 500));
        assertThrows(IllegalArgumentException.class, () -> Paging.firstResult(0, 501, 500));
        IllegalArgumentException past = assertThrows(IllegalArgumentException.class,
                () -> Paging.firstResult(Integer.MAX_VALUE, 200, 500));
        assertEquals("page 2147483647 of size 200 starts past any possible row", past.getMessage());
        assertEquals(Integer.MAX_VALUE - 1, Paging.firstResult((Integer.MAX_VALUE - 1) / 2, 2, 500), "the last page that fits");
    }
}
