package com.crazyrouter.coze.transport;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;

/** A gzip reply decoded as Go's compress/gzip reader decodes it for Coze, with its error texts (docs/COZE.md §3.1). */
class GzipBodyTest {
    private static final String REPLY = "{\"choices\":[{\"message\":{\"content\":\"OK\"}}]}";
    private static final long CAP = 1024 * 1024;

    static byte[] gzip(byte[] plain) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GZIPOutputStream out = new GZIPOutputStream(bytes)) {
            out.write(plain);
        }
        return bytes.toByteArray();
    }

    private static String decoded(byte[] gzip) throws Exception {
        return new String(GzipBody.decode(gzip, CAP), StandardCharsets.UTF_8);
    }

    private static String goError(byte[] gzip) {
        return assertThrows(GzipBody.Broken.class, () -> GzipBody.decode(gzip, CAP)).getMessage();
    }

    @Test
    void aGzipReplyDecodesToItsText() throws Exception {
        assertThat(decoded(gzip(REPLY.getBytes(StandardCharsets.UTF_8))), equalTo(REPLY));
    }

    @Test
    void twoMembersDecodeOneAfterTheOtherAsGoReadsThem() throws Exception {
        byte[] first = gzip("{\"a\":".getBytes(StandardCharsets.UTF_8));
        byte[] second = gzip("1}".getBytes(StandardCharsets.UTF_8));
        byte[] both = Arrays.copyOf(first, first.length + second.length);
        System.arraycopy(second, 0, both, first.length, second.length);
        assertThat(decoded(both), equalTo("{\"a\":1}"));
    }

    @Test
    void anEmptyBodyIsAnEmptyReply() throws Exception {
        assertThat(decoded(new byte[0]), equalTo(""));
    }

    @Test
    void plainJsonSentAsGzipFailsWithGosInvalidHeader() {
        assertThat(goError(REPLY.getBytes(StandardCharsets.UTF_8)), equalTo("gzip: invalid header"));
    }

    @Test
    void aBodyCutShortFailsWithUnexpectedEof() throws Exception {
        byte[] whole = gzip(REPLY.getBytes(StandardCharsets.UTF_8));
        assertThat("in the trailer", goError(Arrays.copyOf(whole, whole.length - 3)), equalTo("unexpected EOF"));
        assertThat("in the compressed data", goError(Arrays.copyOf(whole, 14)), equalTo("unexpected EOF"));
        assertThat("in the header", goError(Arrays.copyOf(whole, 5)), equalTo("unexpected EOF"));
    }

    @Test
    void aWrongChecksumFailsWithInvalidChecksum() throws Exception {
        byte[] whole = gzip(REPLY.getBytes(StandardCharsets.UTF_8));
        whole[whole.length - 8] ^= 1;
        assertThat(goError(whole), equalTo("gzip: invalid checksum"));
    }

    @Test
    void bytesAfterTheLastMemberFailAsGoReadsThemAsTheNextHeader() throws Exception {
        byte[] whole = gzip(REPLY.getBytes(StandardCharsets.UTF_8));
        byte[] trailing = Arrays.copyOf(whole, whole.length + 12);
        Arrays.fill(trailing, whole.length, trailing.length, (byte) 'x');
        assertThat("the JDK's GZIPInputStream would ignore them", goError(trailing), equalTo("gzip: invalid header"));
    }

    @Test
    void corruptCompressedDataFailsWithGosFlateError() throws Exception {
        byte[] whole = gzip(REPLY.getBytes(StandardCharsets.UTF_8));
        whole[10] = (byte) 0xff; // block type 3, which deflate reserves
        assertThat(goError(whole), startsWith("flate: corrupt input before offset "));
    }

    @Test
    void aBombStopsAtTheCapOfDecodedBytes() throws Exception {
        byte[] bomb = gzip(new byte[8 * 1024 * 1024]);
        assertThat("small on the wire", bomb.length < 16 * 1024, equalTo(true));
        assertThrows(GzipBody.TooLarge.class, () -> GzipBody.decode(bomb, 64 * 1024));
    }
}
