package io.zhenggai.workbench;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Puts the {@link Shell} into the model of every page rendered from a template — the workbench's and the other
 * modules' (dashboard, public notices) alike — so the one layout ({@code templates/layout/page.html}) can show it.
 * Handlers that render no view (the JSON API) are untouched.
 */
@Configuration(proxyBeanMethods = false)
class ShellConfig implements WebMvcConfigurer {

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(new HandlerInterceptor() {
            @Override
            public void postHandle(HttpServletRequest request, HttpServletResponse response, Object handler,
                                   ModelAndView view) {
                if (view != null && view.hasView() && !isRedirect(view) && !view.getModel().containsKey(Shell.MODEL_ATTRIBUTE)) {
                    view.addObject(Shell.MODEL_ATTRIBUTE, Shell.of(SecurityContextHolder.getContext().getAuthentication(),
                            request.getRequestURI()));
                }
            }
        });
    }

    private static boolean isRedirect(ModelAndView view) {
        return view.getViewName() != null && view.getViewName().startsWith("redirect:");
    }
}
