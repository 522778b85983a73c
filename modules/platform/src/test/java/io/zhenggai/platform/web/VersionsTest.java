package io.zhenggai.platform.web;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class VersionsTest {

    @Test
    void readsAnEntityTagWithQuotesStrongOrWeak() {
        assertThat(Versions.expected("\"3\"")).isEqualTo(3L);
        assertThat(Versions.expected(" W/\"12\" ")).isEqualTo(12L);
        assertThat(Versions.expected(Versions.etag(7))).isEqualTo(7L);
    }

    @Test
    void noHeaderOrAStarMeansUnconditional() {
        assertThat(Versions.expected(null)).isNull();
        assertThat(Versions.expected(" ")).isNull();
        assertThat(Versions.expected("*")).isNull();
    }

    @Test
    void refusesAnythingElseAsInvalidInputNamingTheHeader() {
        for (String bad : new String[]{"3", "W/3", "\"abc\"", "\"1\", \"2\"", "\"-1\"", "\"99999999999999999999\"", "\"3"}) {
            assertThatThrownBy(() -> Versions.expected(bad)).as(bad)
                    .isInstanceOfSatisfying(InvalidInputException.class, e -> {
                        assertThat(e.field()).isEqualTo("If-Match");
                        assertThat(e.code()).isEqualTo("IF_MATCH_INVALID");
                    });
        }
    }
}
