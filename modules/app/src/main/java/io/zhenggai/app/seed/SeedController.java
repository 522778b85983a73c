package io.zhenggai.app.seed;

import com.fasterxml.jackson.databind.JsonNode;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.zhenggai.app.web.Problems;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.*;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Loads a case file into this running instance:
 * {@code curl -u admin:demo -H 'Content-Type: application/json' --data-binary @seeds/x.json localhost:8080/api/admin/seeds}.
 * A file that breaks the schema ({@code seeds/case.schema.json}) is answered 400 and nothing is sent; a step the API
 * refuses is answered 422 with the refusal (the steps before it stay loaded, and loading again resumes there).
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
    @Operation(summary = "载入案例 Load a case file (validated whole first; steps already loaded are skipped)",
            description = "Schema: seeds/case.schema.json (docs/case-files.md).")
    @ApiResponse(responseCode = "200", description = "loaded: steps sent now and steps found done already",
            content = @Content(schema = @Schema(implementation = SeedLoader.Result.class)))
    @ApiResponse(responseCode = "400", description = "CASE_FILE_INVALID: the file breaks the schema; errors name field and step; nothing sent",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
    @ApiResponse(responseCode = "422", description = "SEED_STEP_REFUSED: a step was refused (step, stepStatus, stepProblem); the steps before it stay loaded",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
    @ApiResponse(responseCode = "502", description = "SEED_STEP_FAILED: the instance failed to answer a step",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
    ResponseEntity<?> load(@RequestBody JsonNode seedCase, HttpServletRequest request) {
        String base = "http://127.0.0.1:" + request.getLocalPort();
        try {
            return ResponseEntity.ok(loader.load(seedCase, base));
        } catch (SeedLoader.InvalidCaseException e) {
            String fields = e.errors().stream().map(SeedCaseValidator.CaseError::field).distinct().limit(20)
                    .collect(Collectors.joining("、"));
            ProblemDetail problem = Problems.of(HttpStatus.BAD_REQUEST, "CASE_FILE_INVALID",
                    "案例文件有" + e.errors().size() + "处错误，未发送任何步骤：" + fields, request.getRequestURI());
            problem.setProperty("caseId", e.caseId());
            problem.setProperty("errors", e.errors());
            return problem(problem);
        } catch (SeedLoader.StepRefusedException e) {
            SeedLoader.Refusal r = e.refusal();
            ProblemDetail problem = Problems.of(HttpStatus.UNPROCESSABLE_ENTITY, "SEED_STEP_REFUSED",
                    "案例 " + e.caseId() + " 的步骤 " + r.step() + " 被拒绝（HTTP " + r.status() + "）" + detail(r)
                            + "；此前的步骤已载入，修正后再次载入将从该步骤继续", request.getRequestURI());
            refusal(problem, e.caseId(), r);
            problem.setProperty("sent", e.sent());
            problem.setProperty("skipped", e.skipped());
            return problem(problem);
        } catch (SeedLoader.SeedException e) {
            ProblemDetail problem = Problems.of(HttpStatus.BAD_GATEWAY, "SEED_STEP_FAILED",
                    "案例载入中断：" + e.getMessage() + "；此前的步骤已载入，再次载入将从该步骤继续", request.getRequestURI());
            if (e.refusal() != null) {
                refusal(problem, seedCase.path("caseId").asText(), e.refusal());
            }
            return problem(problem);
        }
    }

    @GetMapping("/status")
    @Operation(summary = "载入情况 Where each case stands since this instance started (and the first-start seed)",
            description = "Per case: LOADING, LOADED, INVALID (with the errors), REFUSED or FAILED (with the refusal: step, "
                    + "method, path, HTTP status and the problem detail the API answered).")
    Map<String, Object> status(@RequestParam(required = false) String caseId) {
        List<SeedLoader.CaseStatus> cases = loader.statuses().stream()
                .filter(s -> caseId == null || s.caseId().equals(caseId)).toList();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("firstStartSeed", runner.status.get());
        body.put("cases", cases);
        return body;
    }

    private static void refusal(ProblemDetail problem, String caseId, SeedLoader.Refusal r) {
        problem.setProperty("caseId", caseId);
        problem.setProperty("step", r.step());
        problem.setProperty("method", r.method());
        problem.setProperty("path", r.path());
        problem.setProperty("stepStatus", r.status());
        problem.setProperty("stepProblem", r.problem());
    }

    private static String detail(SeedLoader.Refusal r) {
        return r.problem() != null && r.problem().hasNonNull("detail") ? "：" + r.problem().path("detail").asText() : "";
    }

    private static ResponseEntity<ProblemDetail> problem(ProblemDetail problem) {
        return ResponseEntity.status(problem.getStatus()).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }
}
