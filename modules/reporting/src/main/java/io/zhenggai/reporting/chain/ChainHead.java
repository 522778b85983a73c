package io.zhenggai.reporting.chain;

/** The last link of the chain: its position and hash (position 0 and 64 zeros while the chain is empty). */
public record ChainHead(long position, String hash) {

    public static final ChainHead EMPTY = new ChainHead(0, ChainHash.GENESIS);
}
