package io.zhenggai.workbench;

import io.zhenggai.platform.domain.NotFoundException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authorization.AuthorizationDeniedException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.servlet.ModelAndView;

/**
 * A page answers a refusal with a page, not with problem+json (the API's {@code ProblemDetailsAdvice} stays for the
 * API): 403 for a role that may not use it, 404 for what does not exist or the user's grants do not reach.
 */
@ControllerAdvice(basePackages = "io.zhenggai.workbench")
@Order(Ordered.HIGHEST_PRECEDENCE)
class PageErrors {

    @ExceptionHandler({AccessDeniedException.class, AuthorizationDeniedException.class})
    @ResponseStatus(HttpStatus.FORBIDDEN)
    ModelAndView denied() {
        return new ModelAndView("workbench/denied");
    }

    @ExceptionHandler(NotFoundException.class)
    @ResponseStatus(HttpStatus.NOT_FOUND)
    ModelAndView notFound(NotFoundException e) {
        return new ModelAndView("workbench/not-found").addObject("detail", "所指定的对象不存在，或您无权查看：" + e.id());
    }
}
