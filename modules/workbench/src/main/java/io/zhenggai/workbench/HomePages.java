package io.zhenggai.workbench;

import io.swagger.v3.oas.annotations.Hidden;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.http.HttpStatus;

/** The home page (the entries the user may use), the login page and the page of a refused request. */
@Controller
@Hidden
class HomePages {

    @GetMapping("/")
    @PreAuthorize("isAuthenticated()")
    String home() {
        return "workbench/home";
    }

    @GetMapping("/login")
    String login(@RequestParam(required = false) String error, @RequestParam(required = false) String logout,
                 @RequestParam(required = false) Long retryAfter, Model model) {
        if (error != null) {
            model.addAttribute("error", retryAfter != null
                    ? "密码错误次数过多，请" + retryAfter + "秒后再试"
                    : "用户名或密码不正确");
        }
        model.addAttribute("loggedOut", logout != null);
        return "workbench/login";
    }

    /** Rendered (403) for a role that may not use a page or action, and for a form sent without a valid CSRF token. */
    @RequestMapping("/workbench/denied") // any method: a refused POST is forwarded here as a POST
    @ResponseStatus(HttpStatus.FORBIDDEN)
    String denied() {
        return "workbench/denied";
    }
}
