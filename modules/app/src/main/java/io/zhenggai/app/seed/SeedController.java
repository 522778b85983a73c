package io.zhenggai.app.seed;

import com.fasterxml.jackson.databind.JsonNode;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.*;

import java.util.Map;

/**
 * Loads a seed case file into this running instance:
 * {@code curl -u admin:demo -H 'Content-Type: application/json' --data-binary @seeds/x.json localhost:8080/api/admin/seeds}.
 */
@RestController
@RequestMapping("/api/admin/seeds")
@PreAuthorize("hasRole('ADMIN')")
@Tag(name = "种子案例 Seed cases")
class SeedController {

    private final SeedLoader loader;
    private final SeedRunner runner;

    SeedController(SeedLoader loader, SeedRunner runner) {
        this.loader = loader;
        this.runner = runner;
    }

    @PostMapping
    @Operation(summary = "载入案例 Load a case file (idempotent: steps already loaded are skipped)")
    ResponseEntity<SeedLoader.Result> load(@RequestBody JsonNode seedCase, HttpServletRequest request) {
        String base = "http://127.0.0.1:" + request.getLocalPort();
        return ResponseEntity.ok(loader.load(seedCase, base));
    }

    @GetMapping("/status")
    Map<String, String> status() {
        return Map.of("firstStartSeed", runner.status.get());
    }
}
