package io.zhenggai.platform.web.input;

import io.zhenggai.platform.web.InvalidInputException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.HandlerMapping;

import java.util.Map;

/**
 * Refuses, before the handler runs, every request parameter (query string, form field, multipart text part) and
 * path variable whose name or value breaks {@link Texts}: 400 naming it.
 */
public class TextParameterGuard implements HandlerInterceptor {

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        for (Map.Entry<String, String[]> parameter : request.getParameterMap().entrySet()) {
            check(parameter.getKey(), parameter.getKey());
            for (String value : parameter.getValue()) {
                check(parameter.getKey(), value);
            }
        }
        if (request.getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE) instanceof Map<?, ?> variables) {
            variables.forEach((name, value) -> check(String.valueOf(name), value instanceof String s ? s : null));
        }
        return true;
    }

    private static void check(String field, String value) {
        String violation = Texts.violation(value);
        if (violation != null) {
            throw new InvalidInputException(Texts.printable(field), Texts.CODE, violation);
        }
    }
}
