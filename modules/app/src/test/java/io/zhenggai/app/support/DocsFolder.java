package io.zhenggai.app.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The repository's {@code docs/} folder, where tests write what they generate from the code (diagrams, the OpenAPI
 * document, screenshots): found by walking up from the working directory; {@code target/} when there is none.
 */
public final class DocsFolder {

    private DocsFolder() {
    }

    /** {@code docs/<sub>}, created if missing. */
    public static Path resolve(String sub) {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.isDirectory(dir.resolve("docs"))) {
            dir = dir.getParent();
        }
        Path out = (dir == null ? Path.of("target") : dir.resolve("docs")).resolve(sub);
        try {
            Files.createDirectories(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }
}
