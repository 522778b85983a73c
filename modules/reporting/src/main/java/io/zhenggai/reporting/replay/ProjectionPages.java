package io.zhenggai.reporting.replay;

import io.swagger.v3.oas.annotations.Hidden;
import io.zhenggai.platform.domain.RuleViolationException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * 投影 (ADR 0053: the projections' administration is this module's, so is its page): every streaming processor with
 * its position against the head and a progress bar, and a replay button that starts what
 * {@code POST /api/admin/projections/{name}/replay} starts ({@link ProjectionAdmin#replay}); while a replay runs the
 * page's script polls {@code GET /api/admin/projections/{name}} and moves the bar. A refused replay (a processor with
 * side effects) comes back as a message and changes nothing.
 */
@Controller
@Hidden
@RequestMapping("/workbench/admin/projections")
@PreAuthorize("hasRole('ADMIN')")
class ProjectionPages {

    private final ProjectionAdmin admin;

    ProjectionPages(ProjectionAdmin admin) {
        this.admin = admin;
    }

    @GetMapping
    String projections(Model model) {
        model.addAttribute("projections", admin.list());
        return "admin/projections";
    }

    @PostMapping("/{name}/replay")
    String replay(@PathVariable String name, Authentication user, RedirectAttributes redirect) {
        try {
            admin.replay(name, user.getName());
            redirect.addFlashAttribute("message", "已开始重建投影 " + name);
        } catch (RuleViolationException e) {
            redirect.addFlashAttribute("form", "replay:" + name);
            redirect.addFlashAttribute("errors", java.util.Map.of("_", e.getMessage()));
        }
        return "redirect:/workbench/admin/projections";
    }
}
