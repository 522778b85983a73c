package io.zhenggai.reporting.chain;

import io.zhenggai.platform.digest.Sha256;
import io.zhenggai.reporting.audit.StoredEvent;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;

/**
 * The canonical bytes of a chain link and its hash. This is the specification that offline verifiers re-implement
 * (docs/operations/audit-verification.md); change it only with a new version marker.
 *
 * <pre>
 * hash(p)  = SHA-256( bytes(hash(p-1)) || canonical(p) )        hash(0) = 32 zero bytes, shown as 64 '0'
 * canonical(event at p) = 'E' || u64(p) || str(event_identifier) || str(aggregate type) || str(aggregate_identifier)
 *                         || u64(sequence_number) || str(payload_type) || str(payload_revision) || str(time_stamp)
 *                         || bin(payload) || bin(meta_data)
 * canonical(gap at p)   = 'G' || u64(p)
 * u64(n)  = 8 bytes big-endian
 * str(s)  = bin(UTF-8 bytes of s)
 * bin(b)  = u32(length of b) || b,  or the 4 bytes FF FF FF FF when the column is null
 * u32(n)  = 4 bytes big-endian
 * </pre>
 * Hashes are written as 64 lowercase hexadecimal characters.
 */
public final class ChainHash {

    public static final String GENESIS = "0".repeat(64);

    private static final HexFormat HEX = HexFormat.of();

    private ChainHash() {
    }

    public static byte[] canonical(StoredEvent e) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(256 + e.payload().length
                + (e.metaData() == null ? 0 : e.metaData().length));
        out.write('E');
        u64(out, e.position());
        str(out, e.eventIdentifier());
        str(out, e.aggregateType());
        str(out, e.aggregateIdentifier());
        u64(out, e.sequenceNumber());
        str(out, e.payloadType());
        str(out, e.payloadRevision());
        str(out, e.timeStamp());
        bin(out, e.payload());
        bin(out, e.metaData());
        return out.toByteArray();
    }

    public static byte[] canonicalGap(long position) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(9);
        out.write('G');
        u64(out, position);
        return out.toByteArray();
    }

    /** The hash of the link that follows {@code previousHex} and holds {@code canonical}. */
    public static String next(String previousHex, byte[] canonical) {
        MessageDigest sha = Sha256.digest();
        sha.update(HEX.parseHex(previousHex));
        sha.update(canonical);
        return HEX.formatHex(sha.digest());
    }

    public static String ofEvent(String previousHex, StoredEvent e) {
        return next(previousHex, canonical(e));
    }

    public static String ofGap(String previousHex, long position) {
        return next(previousHex, canonicalGap(position));
    }

    private static void u64(ByteArrayOutputStream out, long n) {
        out.writeBytes(ByteBuffer.allocate(8).putLong(n).array());
    }

    private static void str(ByteArrayOutputStream out, String s) {
        bin(out, s == null ? null : s.getBytes(StandardCharsets.UTF_8));
    }

    private static void bin(ByteArrayOutputStream out, byte[] b) {
        if (b == null) {
            out.writeBytes(new byte[]{(byte) 0xFF, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF});
            return;
        }
        out.writeBytes(ByteBuffer.allocate(4).putInt(b.length).array());
        out.writeBytes(b);
    }

}
