package org.guichet.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ThreadLocalRandom;
import org.jspecify.annotations.Nullable;

/** Text frames of RFC 6455, as small as a test needs: unfragmented, up to 65535 bytes. */
public final class WebSocketFrames {

    private WebSocketFrames() {}

    /** A text frame; a client's is masked. */
    public static byte[] text(String message, boolean masked) {
        var payload = message.getBytes(StandardCharsets.UTF_8);
        var frame = new ByteArrayOutputStream();
        frame.write(0x81);
        var mask = masked ? 0x80 : 0;
        if (payload.length < 126) {
            frame.write(mask | payload.length);
        } else {
            frame.write(mask | 126);
            frame.write(payload.length >> 8);
            frame.write(payload.length & 0xff);
        }
        var key = new byte[4];
        if (masked) {
            ThreadLocalRandom.current().nextBytes(key);
            frame.writeBytes(key);
        }
        for (var i = 0; i < payload.length; i++) {
            frame.write(masked ? payload[i] ^ key[i % 4] : payload[i]);
        }
        return frame.toByteArray();
    }

    /** The next text message, or none when the connection closes (or sends a close frame). */
    public static @Nullable String read(InputStream in) throws IOException {
        var first = in.read();
        var second = in.read();
        if (first < 0 || second < 0 || (first & 0x0f) == 0x8) {
            return null;
        }
        long length = second & 0x7f;
        if (length == 126) {
            length = (in.read() << 8) | in.read();
        } else if (length == 127) {
            length = 0;
            for (var i = 0; i < 8; i++) {
                length = (length << 8) | in.read();
            }
        }
        var key = (second & 0x80) != 0 ? in.readNBytes(4) : null;
        var payload = in.readNBytes((int) length);
        if (key != null) {
            for (var i = 0; i < payload.length; i++) {
                payload[i] ^= key[i % 4];
            }
        }
        return new String(payload, StandardCharsets.UTF_8);
    }
}
