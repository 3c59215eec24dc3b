package dev.herald.it;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;

/**
 * Sends a request exactly as written, byte for byte, for what a well-behaved client library refuses to send (a forged
 * Host, two Content-Length headers, raw control characters in the path) and reads the answer until the server closes.
 */
final class RawHttp {

    private RawHttp() {
    }

    /** @param request the whole request, CRLF line ends included; "Connection: close" keeps the read bounded */
    static String exchange(String request) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", Integer.getInteger("it.http.port"))) {
            socket.setSoTimeout(30_000);
            OutputStream out = socket.getOutputStream();
            out.write(request.getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream answer = new ByteArrayOutputStream();
            byte[] buffer = new byte[8192];
            try {
                for (int read = in.read(buffer); read >= 0; read = in.read(buffer)) {
                    answer.write(buffer, 0, read);
                }
            } catch (SocketTimeoutException stillOpen) {
                throw new IOException("the server neither answered completely nor closed within 30 s; so far: "
                        + answer.toString(StandardCharsets.ISO_8859_1), stillOpen);
            }
            return answer.toString(StandardCharsets.ISO_8859_1);
        }
    }

    static int status(String answer) {
        return Integer.parseInt(answer.substring(answer.indexOf(' ') + 1, answer.indexOf(' ') + 4));
    }

    /** The value of the first header of that name, or null. */
    static String header(String answer, String name) {
        for (String line : answer.substring(0, Math.max(0, answer.indexOf("\r\n\r\n"))).split("\r\n")) {
            int colon = line.indexOf(':');
            if (colon > 0 && line.substring(0, colon).equalsIgnoreCase(name)) {
                return line.substring(colon + 1).strip();
            }
        }
        return null;
    }
}
