package io.zhenggai.publication;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.difflib.DiffUtils;
import com.github.difflib.UnifiedDiffUtils;
import io.zhenggai.app.support.ApiClient.Response;
import io.zhenggai.app.support.IntegrationTest;
import io.zhenggai.publication.testing.SeedCase;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * Every synthetic case with a hand-written expected notice: for each {@code seeds/expected/<case>.txt} the case file
 * {@code seeds/<case>.json} is loaded through the seed loader ({@code POST /api/admin/seeds}) and the whole rendered
 * text — {@code GET /notices/{id}.txt} when the case publishes its notice, else the composed draft of
 * {@code GET /api/notices/{id}} — must equal the expected file exactly; on a mismatch the failure shows a unified
 * diff. A case after a 巡视 must not contain "巡察". A new case joins by adding its two files.
 */
class SyntheticCasesIT extends IntegrationTest {

    static final ObjectMapper JSON = new ObjectMapper();

    static Stream<String> cases() throws IOException {
        try (Stream<Path> files = Files.list(SeedCase.file("seeds/expected"))) {
            List<String> names = files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".txt"))
                    .map(n -> n.substring(0, n.length() - ".txt".length())).sorted().toList();
            assertThat(names).as("expected notices in seeds/expected").isNotEmpty();
            return names.stream();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void theRenderedNoticeIsTheExpectedTextExactly(String name) throws IOException {
        JsonNode file = JSON.readTree(read(SeedCase.file("seeds/" + name + ".json")));
        assertThat(file.path("synthetic").asBoolean()).as(name + " is marked synthetic").isTrue();
        String expected = read(SeedCase.file("seeds/expected/" + name + ".txt"));

        Response loaded = api.as("admin").post("/api/admin/seeds", file);
        assertThat(loaded.status()).as(loaded.text()).isEqualTo(200);

        String actual = renderedText(file);
        if (!actual.equals(expected)) {
            fail("the notice of " + name + " differs from seeds/expected/" + name + ".txt:\n" + unifiedDiff(name, expected, actual));
        }
        if (kinds(file).contains("XUNSHI")) {
            assertThat(actual).as("a 巡视 case never says 巡察").doesNotContain("巡察");
        }
    }

    /** The published text when the case publishes its notice (the loader's last step), else the composed draft. */
    private String renderedText(JsonNode file) {
        JsonNode notice = file.path("notice");
        assertThat(notice.isObject()).as("the case carries a notice").isTrue();
        String noticeId = notice.path("noticeId").asText(file.path("caseId").asText() + "-notice");
        Response published = api.anonymous().header("Accept", "text/plain").get("/notices/" + noticeId + ".txt");
        if (published.status() == 200) {
            return published.text();
        }
        Response draft = api.as("publisher").get("/api/notices/" + noticeId);
        assertThat(draft.status()).as(draft.text()).isEqualTo(200);
        return draft.json().path("text").asText();
    }

    private static List<String> kinds(JsonNode file) {
        Stream<JsonNode> units = file.path("inspections").isArray()
                ? java.util.stream.StreamSupport.stream(file.path("inspections").spliterator(), false) : Stream.of(file);
        return units.map(u -> u.path("inspection").path("kind").asText("XUNCHA")).toList();
    }

    static String unifiedDiff(String name, String expected, String actual) {
        List<String> want = expected.lines().toList();
        List<String> got = actual.lines().toList();
        return String.join("\n", UnifiedDiffUtils.generateUnifiedDiff("seeds/expected/" + name + ".txt", "rendered " + name,
                want, DiffUtils.diff(want, got), 2))
                + (want.equals(got) ? "\n(the lines agree; the texts differ in line endings or a final newline)" : "");
    }

    private static String read(Path path) {
        try {
            return Files.readString(path, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
