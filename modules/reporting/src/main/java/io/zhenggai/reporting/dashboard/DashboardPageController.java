package io.zhenggai.reporting.dashboard;

import io.swagger.v3.oas.annotations.Hidden;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The progress dashboard page (整改进度看板) at {@code /dashboard}: a static page
 * ({@code static/dashboard/index.html} with its script and style beside it) that draws its charts with Apache ECharts
 * from {@code /webjars/echarts/…} and reads everything from {@code /api/dashboard/…}. Login is the API's: HTTP Basic,
 * so a browser asks for the user name and password and sends them again with the page's own requests (same origin).
 * The readers of the API may open it; other roles get 403.
 */
@Controller
@Hidden
class DashboardPageController {

    private static final Resource PAGE = new ClassPathResource("static/dashboard/index.html");

    @GetMapping({"/dashboard", "/dashboard/"})
    @PreAuthorize("hasAnyRole('UNIT_LEADER','AUDITOR','INSPECTOR','RECTIFIER','ADMIN')")
    ResponseEntity<Resource> page() {
        return ResponseEntity.ok()
                .contentType(new MediaType(MediaType.TEXT_HTML, java.nio.charset.StandardCharsets.UTF_8))
                .cacheControl(CacheControl.noCache())
                .body(PAGE);
    }
}
