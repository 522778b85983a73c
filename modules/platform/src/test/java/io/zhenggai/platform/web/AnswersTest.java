package io.zhenggai.platform.web;

import org.junit.jupiter.api.Test;

import java.net.URI;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class AnswersTest {

    @Test
    void okNamesTheResourceItsVersionAndFurtherEntriesWithTheVersionAsETag() {
        var answer = Answers.of("inspectionId", "i1", 3L).with("rectificationId", "r1").ok();
        assertThat(answer.getStatusCode().value()).isEqualTo(200);
        assertThat(answer.getHeaders().getETag()).isEqualTo("\"3\"");
        assertThat(answer.getBody()).containsExactly(
                java.util.Map.entry("inspectionId", "i1"), java.util.Map.entry("version", 3L),
                java.util.Map.entry("rectificationId", "r1"));
    }

    @Test
    void createdAnswersWithTheLocation() {
        var answer = Answers.of("itemId", "x", 5).with("measureIds", List.of("m1")).created("/api/rectifications/i1/items/x");
        assertThat(answer.getStatusCode().value()).isEqualTo(201);
        assertThat(answer.getHeaders().getLocation()).isEqualTo(URI.create("/api/rectifications/i1/items/x"));
        assertThat(answer.getHeaders().getETag()).isEqualTo("\"5\"");
        assertThat(answer.getBody()).containsEntry("version", 5L).containsEntry("measureIds", List.of("m1"));
    }

    @Test
    void aCommandThatAnswersNoVersionGetsNoVersionAndNoETag() {
        var answer = Answers.of("feedbackId", "f1", null).ok();
        assertThat(answer.getHeaders().getETag()).isNull();
        assertThat(answer.getBody()).containsOnlyKeys("feedbackId");
    }

    @Test
    void aReadIsTaggedWithItsVersion() {
        assertThat(Versions.tagged("view", 7).getHeaders().getETag()).isEqualTo("\"7\"");
        var created = Versions.created("outcome", "/api/finance/expenses/e1", 2);
        assertThat(created.getStatusCode().value()).isEqualTo(201);
        assertThat(created.getHeaders().getETag()).isEqualTo("\"2\"");
        assertThat(created.getBody()).isEqualTo("outcome");
    }
}
