package io.zhenggai.workbench.inbox;

import io.swagger.v3.oas.annotations.Hidden;
import io.zhenggai.api.reminders.ReminderCommands.MarkReminderReadCommand;
import io.zhenggai.api.reminders.ReminderQueries.FindInboxEntryQuery;
import io.zhenggai.api.reminders.ReminderQueries.Inbox;
import io.zhenggai.api.reminders.ReminderQueries.InboxEntry;
import io.zhenggai.api.reminders.ReminderQueries.ListInboxQuery;
import io.zhenggai.platform.domain.Found;
import io.zhenggai.platform.readside.ReadYourWrites;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriUtils;

import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * 我的提醒: the signed-in user's inbox of daily digests (unread first), one digest with links to its items' pages, and
 * marking a digest read — the same queries and command as {@code /api/inbox}; the user name is always the signed-in
 * one, so another user's digest is not found (404).
 */
@Controller
@Hidden
@RequestMapping("/workbench/inbox")
@PreAuthorize("isAuthenticated()")
class InboxPages {

    /** The form of a digest id (as {@code /api/inbox} checks it); anything else is not found. */
    private static final Pattern DIGEST_ID = Pattern.compile("^reminder-digest:[0-9]{4}-[0-9]{2}-[0-9]{2}:[a-z]+:[0-9a-f]{24}$");
    /** The processing group of the inbox read model (reminders' ReminderProjection). */
    static final String INBOX_GROUP = "reminders-projection";
    private static final int PAGE_SIZE = 50;

    private final QueryGateway queries;
    private final CommandGateway commands;
    private final ReadYourWrites reads;

    private final ZoneId zone;

    InboxPages(QueryGateway queries, CommandGateway commands, ReadYourWrites reads,
               @Value("${zhenggai.zone:Asia/Shanghai}") String zone) {
        this.queries = queries;
        this.commands = commands;
        this.reads = reads;
        this.zone = ZoneId.of(zone);
    }

    @GetMapping
    String inbox(Authentication user, @RequestParam(defaultValue = "0") String page, Model model) {
        int p = pageNumber(page);
        Inbox unread = queries.query(new ListInboxQuery(user.getName(), true, 0, 100), Inbox.class).join();
        Inbox all = queries.query(new ListInboxQuery(user.getName(), false, p, PAGE_SIZE), Inbox.class).join();
        List<InboxEntry> read = new ArrayList<>(all.items().stream().filter(e -> e.readAt() != null).toList());
        model.addAttribute("unread", unread.items());
        model.addAttribute("unreadCount", unread.unread());
        model.addAttribute("read", read);
        model.addAttribute("page", p);
        model.addAttribute("zone", zone);
        model.addAttribute("hasNext", (long) (p + 1) * PAGE_SIZE < all.total());
        return "workbench/inbox";
    }

    @GetMapping("/{digestId}")
    String digest(Authentication user, @PathVariable String digestId, Model model) {
        model.addAttribute("digest", find(user.getName(), digestId));
        model.addAttribute("zone", zone);
        return "workbench/digest";
    }

    @PostMapping("/{digestId}/read")
    String markRead(Authentication user, @PathVariable String digestId, RedirectAttributes redirect) {
        find(user.getName(), digestId); // 404 unless it is in the user's own inbox
        reads.sendAndAwait(commands, new MarkReminderReadCommand(digestId, user.getName()), digestId, INBOX_GROUP);
        redirect.addFlashAttribute("message", "已标为已读");
        return "redirect:/workbench/inbox/" + UriUtils.encodePathSegment(digestId, StandardCharsets.UTF_8);
    }

    private InboxEntry find(String username, String digestId) {
        InboxEntry entry = DIGEST_ID.matcher(digestId).matches()
                ? queries.query(new FindInboxEntryQuery(username, digestId), ResponseTypes.instanceOf(InboxEntry.class)).join()
                : null;
        return Found.orNotFound(entry, "reminder", digestId);
    }

    private static int pageNumber(String page) {
        try {
            return Math.min(Math.max(0, Integer.parseInt(page.strip())), 10000);
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
