package io.zhenggai.workbench;

import io.zhenggai.api.reminders.ReminderQueries.Inbox;
import io.zhenggai.api.reminders.ReminderQueries.ListInboxQuery;
import jakarta.servlet.http.HttpServletRequest;
import org.axonframework.queryhandling.QueryGateway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.core.Authentication;
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
 * Handlers that render no view (the JSON API) are untouched. The shell carries the unread count of the user's inbox
 * (shown beside 我的提醒).
 */
@Configuration(proxyBeanMethods = false)
class ShellConfig implements WebMvcConfigurer {

    private static final Logger log = LoggerFactory.getLogger(ShellConfig.class);

    private final ObjectProvider<QueryGateway> queries;

    ShellConfig(ObjectProvider<QueryGateway> queries) {
        this.queries = queries;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(new HandlerInterceptor() {
            @Override
            public void postHandle(HttpServletRequest request, HttpServletResponse response, Object handler,
                                   ModelAndView view) {
                if (view != null && view.hasView() && !isRedirect(view) && !view.getModel().containsKey(Shell.MODEL_ATTRIBUTE)) {
                    Authentication auth = SecurityContextHolder.getContext().getAuthentication();
                    view.addObject(Shell.MODEL_ATTRIBUTE, Shell.of(auth, request.getRequestURI(), unread(auth)));
                }
            }
        });
    }

    /** The unread digests of the user's inbox (the reminders context's query, as {@code GET /api/inbox}); null if unknown. */
    private Long unread(Authentication auth) {
        QueryGateway gateway = queries.getIfAvailable();
        if (gateway == null || !Shell.signedIn(auth)) {
            return null;
        }
        try {
            return gateway.query(new ListInboxQuery(auth.getName(), true, 0, 1), Inbox.class).join().unread();
        } catch (RuntimeException e) { // the count is a courtesy: a page never fails for it
            log.debug("inbox count of {} not available: {}", auth.getName(), e.toString());
            return null;
        }
    }

    private static boolean isRedirect(ModelAndView view) {
        return view.getViewName() != null && view.getViewName().startsWith("redirect:");
    }
}
