package io.zhenggai.reporting.dashboard;

import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The progress dashboard page (整改进度看板) at {@code /dashboard}: a Thymeleaf template
 * ({@code templates/dashboard/index.html}) on the one layout ({@code layout/page-with-head}, ADR 0039), with its
 * script and style in {@code static/dashboard/}; it draws its charts with Apache ECharts from
 * {@code /webjars/echarts/…} and reads everything from {@code /api/dashboard/…}. Login: HTTP Basic as for the API (a
 * browser asks for the user name and password and sends them again with the page's own requests), or the session of
 * a person logged in on the workbench (the API reads it for GETs, ADR 0040). The readers of the API may open it;
 * other roles get 403.
 */
@Controller
@Hidden
class DashboardPageController {

    @GetMapping({"/dashboard", "/dashboard/"})
    @PreAuthorize("hasAnyRole('UNIT_LEADER','AUDITOR','INSPECTOR','RECTIFIER','ADMIN')")
    String page(HttpServletResponse response) {
        response.setHeader(HttpHeaders.CACHE_CONTROL, CacheControl.noCache().getHeaderValue());
        return "dashboard/index";
    }
}
