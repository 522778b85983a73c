package io.zhenggai.platform.text;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class BlanksTest {

    @Test
    void blankIsNoneAndTextStaysAsItIs() {
        assertThat(Blanks.blankToNull(null)).isNull();
        assertThat(Blanks.blankToNull(" \t")).isNull();
        assertThat(Blanks.blankToNull(" 部务会 ")).isEqualTo(" 部务会 ");
    }

    @Test
    void strippedOrNullAlsoDropsTheSurroundingWhiteSpace() {
        assertThat(Blanks.strippedOrNull("\u3000")).isNull();
        assertThat(Blanks.strippedOrNull(" 部务会\u3000")).isEqualTo("部务会");
        assertThat(Blanks.strippedOrNull(null)).isNull();
    }
}
