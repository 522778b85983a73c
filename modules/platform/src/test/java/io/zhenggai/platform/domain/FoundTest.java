package io.zhenggai.platform.domain;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FoundTest {

    @Test
    void answersWhatWasFoundOrA404NamingResourceAndId() {
        assertThat(Found.orNotFound("view", "inspection", "i1")).isEqualTo("view");
        assertThatThrownBy(() -> Found.orNotFound(null, "inspection", "i1"))
                .isInstanceOfSatisfying(NotFoundException.class, e -> {
                    assertThat(e.resource()).isEqualTo("inspection");
                    assertThat(e.id()).isEqualTo("i1");
                });
    }
}
