package io.zhenggai.app.seed;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * One request of a seed case: the same HTTP call a user would make.
 * <ul>
 *   <li>{@code key} identifies the step within its case; it is journaled once done and never sent again.</li>
 *   <li>{@code accepted}: the statuses that count as done.</li>
 *   <li>{@code awaitPath}: when set, polled until it answers 200 before the step is sent (a read model or a
 *       policy must catch up first, e.g. the rectification opens after feedback).</li>
 *   <li>{@code capture}: JSON fields of the response (dotted paths) kept as variables ({@code field → name}); later steps use
 *       them as {@code ${name}} in their path or body (e.g. a server-generated id).</li>
 *   <li>{@code source}: the JSON pointer of the part of the case file the step comes from ({@code /categories/0/items/3}),
 *       so that an error in the file, or a refusal, names the step and the field.</li>
 * </ul>
 */
record SeedStep(String key, String method, String path, Object body, Set<Integer> accepted, String awaitPath,
                Map<String, String> capture, String source) {

    static SeedStep post(String key, String path, Object body) {
        return new SeedStep(key, "POST", path, body, Set.of(200, 201), null, Map.of(), "");
    }

    static SeedStep put(String key, String path, Object body) {
        return new SeedStep(key, "PUT", path, body, Set.of(200, 201), null, Map.of(), "");
    }

    static SeedStep get(String key, String path) {
        return new SeedStep(key, "GET", path, null, Set.of(200), null, Map.of(), "");
    }

    SeedStep awaiting(String pathToPoll) {
        return new SeedStep(key, method, path, body, accepted, pathToPoll, capture, source);
    }

    SeedStep capturing(String field, String variable) {
        Map<String, String> c = new LinkedHashMap<>(capture);
        c.put(field, variable);
        return new SeedStep(key, method, path, body, accepted, awaitPath, Map.copyOf(c), source);
    }

    SeedStep from(String pointer) {
        return new SeedStep(key, method, path, body, accepted, awaitPath, capture, pointer);
    }
}
