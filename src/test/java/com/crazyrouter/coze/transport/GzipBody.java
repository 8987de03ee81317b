package com.crazyrouter.coze.transport;

import java.io.ByteArrayOutputStream;
import java.util.zip.CRC32;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

/**
 * A gzip body decoded as Go's transport decodes it for Coze (net/http's gzipReader over compress/gzip, which reads
 * member after member): an empty body is an empty reply; a body that is not gzip, is cut short, or fails its checksum
 * fails with the error Go's reader returns, which is what Coze shows (docs/COZE.md §3.1). The JDK's GZIPInputStream
 * is not used: it ignores bytes after the last member that Go refuses. Decoding stops past {@code maxBytes} decoded
 * bytes, so a small body that inflates without end (a gzip bomb) stays within the harness's body limit.
 */
final class GzipBody {
    static final String UNEXPECTED_EOF = "unexpected EOF";
    static final String INVALID_HEADER = "gzip: invalid header";
    static final String INVALID_CHECKSUM = "gzip: invalid checksum";
    private static final int FHCRC = 2;
    private static final int FEXTRA = 4;
    private static final int FNAME = 8;
    private static final int FCOMMENT = 16;

    /** Go's reader failed: {@link #getMessage()} is its error's text. */
    static final class Broken extends Exception {
        Broken(String goError) {
            super(goError, null, false, false);
        }
    }

    /** Decoded past the cap: the harness stopped there. */
    static final class TooLarge extends Exception {
        TooLarge() {
            super("decoded past the body limit", null, false, false);
        }
    }

    private GzipBody() {
    }

    static byte[] decode(byte[] gzip, long maxBytes) throws Broken, TooLarge {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int at = 0;
        boolean first = true;
        while (first || at < gzip.length) {
            if (first && gzip.length == 0) {
                return new byte[0]; // Go's reader: no member at all is io.EOF, an empty reply
            }
            first = false;
            at = afterHeader(gzip, at);
            Inflater inflater = new Inflater(true);
            CRC32 crc = new CRC32();
            long memberSize = 0;
            try {
                inflater.setInput(gzip, at, gzip.length - at);
                byte[] buffer = new byte[8192];
                while (!inflater.finished()) {
                    int n = inflater.inflate(buffer);
                    if (n == 0 && (inflater.needsInput() || inflater.needsDictionary())) {
                        throw new Broken(inflater.needsDictionary() ? corrupt(inflater) : UNEXPECTED_EOF);
                    }
                    if (out.size() + (long) n > maxBytes) {
                        throw new TooLarge();
                    }
                    out.write(buffer, 0, n);
                    crc.update(buffer, 0, n);
                    memberSize += n;
                }
                at += (int) inflater.getBytesRead();
            } catch (DataFormatException corrupt) {
                throw new Broken(corrupt(inflater));
            } finally {
                inflater.end();
            }
            if (gzip.length - at < 8) {
                throw new Broken(UNEXPECTED_EOF);
            }
            if (littleEndian(gzip, at) != crc.getValue() || littleEndian(gzip, at + 4) != (memberSize & 0xffffffffL)) {
                throw new Broken(INVALID_CHECKSUM);
            }
            at += 8;
        }
        return out.toByteArray();
    }

    /** Go's flate error; the offset is zlib's count of the input it read, which may differ from Go's by a few bytes. */
    private static String corrupt(Inflater inflater) {
        return "flate: corrupt input before offset " + inflater.getBytesRead();
    }

    /** compress/gzip Reader.readHeader: the magic bytes and deflate, then the optional fields the flags name. */
    private static int afterHeader(byte[] gzip, int start) throws Broken {
        if (gzip.length - start < 10) {
            throw new Broken(UNEXPECTED_EOF);
        }
        if ((gzip[start] & 0xff) != 0x1f || (gzip[start + 1] & 0xff) != 0x8b || gzip[start + 2] != 8) {
            throw new Broken(INVALID_HEADER);
        }
        int flags = gzip[start + 3] & 0xff;
        int at = start + 10;
        if ((flags & FEXTRA) != 0) {
            if (gzip.length - at < 2) {
                throw new Broken(UNEXPECTED_EOF);
            }
            at += 2 + ((gzip[at] & 0xff) | (gzip[at + 1] & 0xff) << 8);
        }
        for (int field : new int[]{FNAME, FCOMMENT}) {
            if ((flags & field) != 0) {
                while (at < gzip.length && gzip[at] != 0) {
                    at++;
                }
                at++;
            }
        }
        if ((flags & FHCRC) != 0) {
            if (gzip.length - at < 2) {
                throw new Broken(UNEXPECTED_EOF);
            }
            CRC32 crc = new CRC32();
            crc.update(gzip, start, at - start);
            if ((crc.getValue() & 0xffff) != ((gzip[at] & 0xff) | (gzip[at + 1] & 0xff) << 8)) {
                throw new Broken(INVALID_HEADER);
            }
            at += 2;
        }
        if (at > gzip.length) {
            throw new Broken(UNEXPECTED_EOF);
        }
        return at;
    }

    private static long littleEndian(byte[] bytes, int at) {
        return (bytes[at] & 0xffL) | (bytes[at + 1] & 0xffL) << 8 | (bytes[at + 2] & 0xffL) << 16 | (bytes[at + 3] & 0xffL) << 24;
    }
}
