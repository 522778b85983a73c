package io.zhenggai.app.docs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.zhenggai.app.support.ApiClient.Response;
import io.zhenggai.app.support.GeneratedDocs;
import io.zhenggai.app.support.IntegrationTest;
import org.junit.jupiter.api.Test;


import static org.assertj.core.api.Assertions.assertThat;

/**
 * The OpenAPI document of the running app is the committed {@code docs/api/openapi.json}: the build fails when the
 * committed copy is stale; {@code -Dzhenggai.docs.write=true} regenerates it ({@link GeneratedDocs}).
 */
class OpenApiDocumentIT extends IntegrationTest {

    @Test
    void theCommittedOpenApiDocumentIsTheOneTheAppServes() throws Exception {
        Response r = api.anonymous().get("/v3/api-docs");
        assertThat(r.status()).isEqualTo(200);
        JsonNode doc = r.json();
        assertThat(doc.get("paths").size()).isGreaterThan(5);
        ((com.fasterxml.jackson.databind.node.ObjectNode) doc).remove("servers"); // the random test port is noise
        GeneratedDocs.writeOrCheck("api/openapi.json", new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
                .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS).writeValueAsString(doc));
    }
}
