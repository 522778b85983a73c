package io.zhenggai.app.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The docs that tests generate from the code (the OpenAPI document, the module diagrams, screenshots). A normal build
 * CHECKS them: it fails when the committed copy under {@code docs/} differs from what the code generates now. Only
 * with {@code -Dzhenggai.docs.write=true} are they (re)written:
 * <pre>mvn verify -Dzhenggai.docs.write=true -Dtest=ModularityTest -Dsurefire.failIfNoSpecifiedTests=false \
 *     -Dit.test=OpenApiDocumentIT -Dfailsafe.failIfNoSpecifiedTests=false -pl modules/app -am</pre>
 */
public final class GeneratedDocs {

    /** The command that regenerates the committed docs (also in README.md). */
    public static final String REGENERATE = "mvn -pl modules/app -am verify -Dzhenggai.docs.write=true "
            + "-Dtest=ModularityTest -Dsurefire.failIfNoSpecifiedTests=false "
            + "-Dit.test='OpenApiDocumentIT,DashboardPageIT,SeedNoticeIT' -Dfailsafe.failIfNoSpecifiedTests=false";

    private GeneratedDocs() {
    }

    /** True when this run regenerates the docs instead of checking them. */
    public static boolean writing() {
        return Boolean.getBoolean("zhenggai.docs.write");
    }

    /** Writes {@code docs/<file>} in write mode; otherwise asserts that the committed copy equals {@code content}. */
    public static void writeOrCheck(String file, String content) {
        Path target = DocsFolder.resolve("").resolve(file);
        try {
            if (writing()) {
                Files.createDirectories(target.getParent());
                Files.writeString(target, content, StandardCharsets.UTF_8);
                return;
            }
            assertThat(target).as("docs/%s is committed (generate it with: %s)", file, REGENERATE).exists();
            String committed = Files.readString(target, StandardCharsets.UTF_8);
            assertThat(normalise(committed)).as("docs/%s is stale: the code generates something else. Regenerate it with:%n%s",
                    file, REGENERATE).isEqualTo(normalise(content));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * As {@link #writeOrCheck(String, String)} for every file of the generated folder {@code generated}, against
     * {@code docs/<folder>}; in check mode a committed file that is no longer generated is stale too.
     */
    public static void writeOrCheckFolder(Path generated, String folder) {
        try {
            List<String> names = new ArrayList<>();
            try (Stream<Path> files = Files.list(generated)) {
                files.filter(Files::isRegularFile).forEach(f -> names.add(f.getFileName().toString()));
            }
            assertThat(names).as("generated files in %s", generated).isNotEmpty();
            for (String name : names) {
                writeOrCheck(folder + "/" + name, Files.readString(generated.resolve(name), StandardCharsets.UTF_8));
            }
            if (!writing()) {
                Path committed = DocsFolder.resolve(folder);
                try (Stream<Path> files = Files.list(committed)) {
                    List<String> extra = files.map(f -> f.getFileName().toString()).filter(n -> !names.contains(n)).toList();
                    assertThat(extra).as("docs/%s holds files the code no longer generates (remove them)", folder).isEmpty();
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String normalise(String text) {
        return text.replace("\r\n", "\n").strip();
    }
}
