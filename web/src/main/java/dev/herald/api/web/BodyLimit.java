package dev.herald.api.web;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * The largest request body the API reads. A declared Content-Length over it is refused before anything is read; a
 * body without one (chunked) is counted as it is read and fails the read at the first byte past the limit, so a
 * client cannot stream an endless body into a JSON parser. Its size is {@link ApiSettings#maxBodyBytes()}.
 */
public record BodyLimit(long maxBytes) {

    public BodyLimit {
        if (maxBytes < 1) {
            throw new IllegalArgumentException(ApiSettings.MAX_BODY_BYTES + " must be at least 1, got " + maxBytes);
        }
    }

    /** Whether a declared length (the Content-Length header, null or unparsable when absent) is over the limit. */
    public boolean exceededBy(String contentLength) {
        if (contentLength == null || contentLength.isBlank()) {
            return false;
        }
        try {
            return Long.parseLong(contentLength.trim()) > maxBytes;
        } catch (NumberFormatException e) {
            return false; // the container refuses a malformed Content-Length itself; the counting stream still guards
        }
    }

    public InputStream guard(InputStream body) {
        return new Counting(body, maxBytes);
    }

    /** Thrown by the guarded stream at the first byte past the limit. */
    public static final class ExceededException extends IOException {
        private static final long serialVersionUID = 1L;

        ExceededException(long maxBytes) {
            super("request body over " + maxBytes + " bytes");
        }
    }

    /** Whether a failure (of a JSON parser, say) was caused by the guarded stream tripping. */
    public static boolean causedExceeding(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof ExceededException) {
                return true;
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return false;
    }

    private static final class Counting extends FilterInputStream {
        private final long max;
        private long count;

        Counting(InputStream in, long max) {
            super(in);
            this.max = max;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                counted(1);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            // Never read more than one byte past the limit: enough to know it is exceeded.
            long room = max - count + 1;
            int n = super.read(buffer, offset, (int) Math.min(length, room));
            if (n > 0) {
                counted(n);
            }
            return n;
        }

        @Override
        public long skip(long n) throws IOException {
            long skipped = super.skip(Math.min(n, max - count + 1));
            counted(skipped);
            return skipped;
        }

        private void counted(long n) throws ExceededException {
            count += n;
            if (count > max) {
                throw new ExceededException(max);
            }
        }

        @Override
        public boolean markSupported() {
            return false;
        }
    }
}
