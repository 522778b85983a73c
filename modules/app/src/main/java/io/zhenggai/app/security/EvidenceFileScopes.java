package io.zhenggai.app.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import java.util.Map;

/**
 * Evidence files are the one write that is no command (they are stored by content before progress names them), so
 * their scope is checked in front of the handler, by the same {@link ScopeEnforcement}: 404/403 as for commands.
 */
@Configuration(proxyBeanMethods = false)
class EvidenceFileScopes implements WebMvcConfigurer {

    private final ScopeEnforcement scopes;

    EvidenceFileScopes(ScopeEnforcement scopes) {
        this.scopes = scopes;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(new HandlerInterceptor() {
            @Override
            public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
                @SuppressWarnings("unchecked")
                Map<String, String> variables = (Map<String, String>) request.getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE);
                String inspectionId = variables == null ? null : variables.get("inspectionId");
                if (inspectionId != null) {
                    scopes.authorizeEvidenceFiles(inspectionId, "POST".equals(request.getMethod()));
                }
                return true;
            }
        }).addPathPatterns("/api/rectifications/*/evidence-files", "/api/rectifications/*/evidence-files/**");
    }
}
