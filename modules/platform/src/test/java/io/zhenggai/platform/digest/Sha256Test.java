package io.zhenggai.platform.digest;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

import static org.assertj.core.api.Assertions.assertThat;

class Sha256Test {

    private static final String ABC = "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad";

    @Test
    void everyFormGivesTheSameLowercaseHex() throws Exception {
        byte[] abc = "abc".getBytes(StandardCharsets.UTF_8);
        assertThat(Sha256.hex(abc)).isEqualTo(ABC);
        assertThat(Sha256.hex("abc")).isEqualTo(ABC);
        assertThat(Sha256.hex(new ByteArrayInputStream(abc))).isEqualTo(ABC);
        MessageDigest parts = Sha256.digest();
        parts.update("a".getBytes(StandardCharsets.UTF_8));
        parts.update("bc".getBytes(StandardCharsets.UTF_8));
        assertThat(Sha256.hex(parts)).isEqualTo(ABC);
        assertThat(Sha256.of(abc)).hasSize(32);
    }
}
