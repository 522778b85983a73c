package io.zhenggai.app.seed;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The synthetic 巡视 cases of {@code seeds/} satisfy the case-file schema, say they are synthetic, and state a 巡视
 * (never a 巡察) of the level they stand for. Their published text is checked by {@code SyntheticCasesIT}.
 */
class XunshiCaseFilesTest {

    final SeedCaseValidator validator = new SeedCaseValidator();

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"synthetic-district-municipal-xunshi-2023:MUNICIPAL", "synthetic-district-provincial-xunshi-2023:PROVINCIAL"})
    void theCaseSatisfiesTheSchemaAndIsASyntheticXunshi(String caseAndLevel) throws IOException {
        String name = caseAndLevel.split(":")[0];
        JsonNode file = CaseFileSchemaTest.resource("seeds/" + name + ".json");
        assertThat(validator.validate((ObjectNode) file)).isEmpty();
        assertThat(file.path("synthetic").asBoolean()).isTrue();
        assertThat(file.path("caseId").asText()).isEqualTo(name);
        assertThat(file.at("/inspection/kind").asText()).isEqualTo("XUNSHI");
        assertThat(file.at("/inspection/level").asText()).isEqualTo(caseAndLevel.split(":")[1]);
        try (InputStream in = getClass().getClassLoader().getResourceAsStream("seeds/" + name + ".json")) {
            assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8)).doesNotContain("巡察");
        }
    }
}
