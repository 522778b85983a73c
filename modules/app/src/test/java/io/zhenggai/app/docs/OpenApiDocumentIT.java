package io.zhenggai.app.docs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.zhenggai.app.support.ApiClient.Response;
import io.zhenggai.app.support.IntegrationTest;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** Writes the OpenAPI document of the running app into {@code docs/api/openapi.json}, so the docs follow the code. */
class OpenApiDocumentIT extends IntegrationTest {

    @Test
    void writesTheOpenApiDocument() throws Exception {
        Response r = api.anonymous().get("/v3/api-docs");
        assertThat(r.status()).isEqualTo(200);
        JsonNode doc = r.json();
        assertThat(doc.get("paths").size()).isGreaterThan(5);
        ((com.fasterxml.jackson.databind.node.ObjectNode) doc).remove("servers"); // the random test port is noise
        Path out = io.zhenggai.app.support.DocsFolder.resolve("api").resolve("openapi.json");
        Files.writeString(out, new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
                .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS).writeValueAsString(doc));
    }
}
