package io.zhenggai.benchmark;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The JVM flags of the run command in README.md ({@code java <flags> -jar modules/app/target/zhenggai.jar}): the app
 * under test is started as the README tells an operator to start it, unless {@code --base-jvm-args} says otherwise.
 */
final class ReadmeRunCommand {
    private ReadmeRunCommand() {
    }

    /** The flags, and where they were read ({@code README.md} path, or why not). */
    record Flags(List<String> flags, String source) {
    }

    /** {@code spec}: "readme", "none" or the flags themselves. */
    static Flags resolve(String spec, Path appJar) {
        if (spec.equalsIgnoreCase("none")) {
            return new Flags(List.of(), "none (the JVM's defaults)");
        }
        if (!spec.equalsIgnoreCase("readme")) {
            return new Flags(split(spec), "--base-jvm-args");
        }
        for (Path readme : candidates(appJar)) {
            if (Files.isRegularFile(readme)) {
                try {
                    for (String line : Files.readAllLines(readme)) {
                        List<String> flags = parse(line);
                        if (flags != null) {
                            return new Flags(flags, readme.toAbsolutePath().normalize().toString());
                        }
                    }
                } catch (java.io.IOException e) {
                    // try the next candidate
                }
            }
        }
        throw new IllegalStateException("no run command (java ... -jar .../zhenggai.jar) found in README.md (looked in "
                + candidates(appJar) + "): run from the repository root, or pass --base-jvm-args none|\"...\"");
    }

    /** The flags between {@code java} and {@code -jar} on a line that runs {@code zhenggai.jar}; null when it does not. */
    static List<String> parse(String line) {
        if (!line.contains("zhenggai.jar") || !line.contains("-jar")) {
            return null;
        }
        List<String> tokens = split(line);
        int java = -1;
        for (int i = 0; i < tokens.size(); i++) {
            if (tokens.get(i).equals("java")) {
                java = i;
            } else if (tokens.get(i).equals("-jar") && java >= 0) {
                return List.copyOf(tokens.subList(java + 1, i));
            }
        }
        return null;
    }

    private static List<Path> candidates(Path appJar) {
        List<Path> list = new ArrayList<>();
        list.add(Path.of("README.md"));
        Path jar = appJar.toAbsolutePath().normalize();
        // modules/app/target/zhenggai.jar -> the repository root
        if (jar.getNameCount() >= 4) {
            list.add(jar.getParent().getParent().getParent().getParent().resolve("README.md"));
        }
        return list;
    }

    private static List<String> split(String s) {
        return Arrays.stream(s.trim().split("\\s+")).filter(x -> !x.isEmpty()).toList();
    }
}
