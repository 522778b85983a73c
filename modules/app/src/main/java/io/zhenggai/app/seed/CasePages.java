package io.zhenggai.app.seed;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.http.HttpServletRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.io.IOException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * 案例载入 (ADR 0053): a case file uploaded on the page is loaded by the same {@link SeedLoader} as
 * {@code POST /api/admin/seeds}, in the background, one at a time; the page shows where each case stands and its
 * script polls {@code GET /api/admin/seeds/status} for the progress (steps done of all). A file that is no JSON is
 * refused on the page and loads nothing; a case that breaks the schema is shown INVALID with its errors.
 */
@Controller
@Hidden
@RequestMapping("/workbench/admin/cases")
@PreAuthorize("hasRole('ADMIN')")
class CasePages {

    private static final Logger log = LoggerFactory.getLogger(CasePages.class);

    private final SeedLoader loader;
    private final SeedRunner runner;
    private final ObjectMapper json;
    private final ExecutorService background = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "case-page-load");
        t.setDaemon(true);
        return t;
    });

    CasePages(SeedLoader loader, SeedRunner runner, ObjectMapper json) {
        this.loader = loader;
        this.runner = runner;
        this.json = json;
    }

    @jakarta.annotation.PreDestroy
    void stop() {
        background.shutdownNow();
    }

    @GetMapping
    String cases(Model model) {
        model.addAttribute("cases", loader.statuses());
        model.addAttribute("firstStartSeed", runner.status.get());
        return "admin/cases";
    }

    @PostMapping
    String load(@RequestParam(name = "file", required = false) MultipartFile file, HttpServletRequest request,
                RedirectAttributes redirect) {
        JsonNode seedCase;
        try {
            seedCase = file == null || file.isEmpty() ? null : json.readTree(file.getBytes());
        } catch (IOException e) {
            seedCase = null;
        }
        if (seedCase == null || !seedCase.isObject()) {
            redirect.addFlashAttribute("form", "case");
            redirect.addFlashAttribute("errors", java.util.Map.of("file", "请选择一个 JSON 格式的案例文件"));
            return "redirect:/workbench/admin/cases";
        }
        String base = "http://127.0.0.1:" + request.getLocalPort();
        JsonNode loading = seedCase;
        background.submit(() -> {
            try {
                loader.load(loading, base);
            } catch (RuntimeException e) {
                // the loader records the outcome in its statuses (INVALID, REFUSED, FAILED), which the page shows
                log.info("Case {} loaded from the page ended: {}", loading.path("caseId").asText(), e.getMessage());
            }
        });
        redirect.addFlashAttribute("message", "已开始载入案例 " + seedCase.path("caseId").asText("（无编号）"));
        return "redirect:/workbench/admin/cases";
    }
}
