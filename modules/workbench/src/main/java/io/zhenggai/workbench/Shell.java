package io.zhenggai.workbench;

import io.zhenggai.platform.security.RoleLabels;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;

import java.util.List;

/**
 * What the layout shows around every page: the user's name, their roles in zh-CN, and the nav entries they may use.
 * {@code signedIn} is false for anonymous (public) pages, which show no login header.
 */
public record Shell(boolean signedIn, String userName, List<String> roles, String roleLabels, List<Navigation.Entry> nav,
                    String path, Long inboxUnread) {

    public static final String MODEL_ATTRIBUTE = "shell";

    static boolean signedIn(Authentication auth) {
        return auth != null && auth.isAuthenticated() && !(auth instanceof AnonymousAuthenticationToken);
    }

    /** {@code inboxUnread}: the unread digests of the user's inbox (null when unknown). */
    static Shell of(Authentication auth, String path, Long inboxUnread) {
        if (!signedIn(auth)) {
            return new Shell(false, null, List.of(), "", List.of(), path, null);
        }
        List<String> roles = auth.getAuthorities().stream().map(GrantedAuthority::getAuthority)
                .filter(a -> a.startsWith("ROLE_")).map(a -> a.substring("ROLE_".length())).sorted().toList();
        String labels = String.join("、", roles.stream().map(RoleLabels::of).toList());
        return new Shell(true, auth.getName(), roles, labels, Navigation.visibleTo(roles), path, inboxUnread);
    }

    /** The count shown beside an entry: the unread digests beside 我的提醒 (none when there are none). */
    public String badge(Navigation.Entry entry) {
        return Navigation.INBOX_HREF.equals(entry.href()) && inboxUnread != null && inboxUnread > 0
                ? String.valueOf(inboxUnread) : null;
    }

    /** Whether the page shown is the entry's (or below it). */
    public boolean isCurrent(Navigation.Entry entry) {
        return path != null && (path.equals(entry.href()) || path.startsWith(entry.href() + "/"));
    }
}
