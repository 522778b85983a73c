package io.zhenggai.reminders.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.zhenggai.api.reminders.ReminderCommands.MarkReminderReadCommand;
import io.zhenggai.api.reminders.ReminderQueries.FindInboxEntryQuery;
import io.zhenggai.api.reminders.ReminderQueries.Inbox;
import io.zhenggai.api.reminders.ReminderQueries.InboxEntry;
import io.zhenggai.api.reminders.ReminderQueries.ListInboxQuery;
import io.zhenggai.platform.domain.Found;
import io.zhenggai.platform.readside.ReadYourWrites;
import io.zhenggai.reminders.query.ReminderProjection;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.*;

/**
 * The inbox (站内提醒) of the caller: the digests that landed in their account, and marking one read. Each account sees
 * only its own inbox: the user name is the authenticated one, never a parameter.
 */
@RestController
@Validated
@RequestMapping("/api/inbox")
@PreAuthorize("isAuthenticated()")
@Tag(name = "提醒 Reminders", description = "The caller's inbox of daily digests: due soon, overdue, close-offs returned")
class InboxController {

    static final String DIGEST_ID = "^reminder-digest:[0-9]{4}-[0-9]{2}-[0-9]{2}:[a-z]+:[0-9a-f]{24}$";

    private final CommandGateway commands;
    private final QueryGateway queries;
    private final ReadYourWrites reads;

    InboxController(CommandGateway commands, QueryGateway queries, ReadYourWrites reads) {
        this.commands = commands;
        this.queries = queries;
        this.reads = reads;
    }

    @GetMapping
    @Operation(summary = "我的提醒 The caller's inbox, most recent first (unreadOnly: only what is not read yet)")
    Inbox inbox(Authentication user,
                @RequestParam(defaultValue = "false") boolean unreadOnly,
                @RequestParam(defaultValue = "0") @Min(0) @Max(10000) int page,
                @RequestParam(defaultValue = "20") @Min(1) @Max(100) int size) {
        return queries.query(new ListInboxQuery(user.getName(), unreadOnly, page, size), Inbox.class).join();
    }

    @GetMapping("/{digestId}")
    @Operation(summary = "一条提醒 One digest of the caller's inbox")
    InboxEntry entry(Authentication user, @PathVariable @Pattern(regexp = DIGEST_ID, message = "提醒编号格式不正确") String digestId) {
        return find(user.getName(), digestId);
    }

    @PostMapping("/{digestId}/read")
    @Operation(summary = "标为已读 Mark a digest of the caller's inbox read (again: nothing changes)")
    InboxEntry read(Authentication user, @PathVariable @Pattern(regexp = DIGEST_ID, message = "提醒编号格式不正确") String digestId) {
        find(user.getName(), digestId); // 404 unless it is in the caller's inbox
        reads.sendAndAwait(commands, new MarkReminderReadCommand(digestId, user.getName()), digestId, ReminderProjection.GROUP);
        return find(user.getName(), digestId);
    }

    private InboxEntry find(String username, String digestId) {
        return Found.orNotFound(queries.query(new FindInboxEntryQuery(username, digestId),
                ResponseTypes.instanceOf(InboxEntry.class)).join(), "reminder", digestId);
    }
}
