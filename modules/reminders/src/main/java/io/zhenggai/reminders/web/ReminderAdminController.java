package io.zhenggai.reminders.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.zhenggai.api.reminders.RecipientKind;
import io.zhenggai.api.reminders.ReminderCommands.SetReminderRecipientCommand;
import io.zhenggai.api.reminders.ReminderQueries.*;
import io.zhenggai.platform.readside.ReadYourWrites;
import io.zhenggai.platform.web.Answers;
import io.zhenggai.platform.web.IfMatch;
import io.zhenggai.reminders.digest.DigestJob;
import io.zhenggai.reminders.query.ReminderProjection;
import jakarta.validation.Valid;
import jakarta.validation.constraints.*;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.*;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;

/**
 * Reminders for {@code ADMIN}: the recipient directory (which accounts and addresses receive the digest of a unit's
 * responsible leader or department) and the digest job's runs — the latest ones, and a run for today now (it issues
 * only the digests not issued yet today).
 */
@RestController
@Validated
@RequestMapping("/api/admin/reminders")
@PreAuthorize("hasRole('ADMIN')")
@Tag(name = "提醒管理 Reminder administration", description = "Recipient directory and runs of the daily digest")
class ReminderAdminController {

    private final CommandGateway commands;
    private final QueryGateway queries;
    private final ReadYourWrites reads;
    private final DigestJob job;

    ReminderAdminController(CommandGateway commands, QueryGateway queries, ReadYourWrites reads, DigestJob job) {
        this.commands = commands;
        this.queries = queries;
        this.reads = reads;
        this.job = job;
    }

    record RecipientRequest(
            @NotBlank @Size(max = 200) String unit,
            @NotNull RecipientKind kind,
            @NotBlank @Size(max = 200) String name,
            @NotNull @Size(max = 50) List<@NotNull @jakarta.validation.constraints.Pattern(regexp = "[a-z0-9_.-]{2,64}",
                    message = "账号格式不正确") String> accounts,
            @Size(max = 50) List<@NotNull @Email @Size(max = 254) String> emails) {
    }

    @GetMapping("/recipients")
    @Operation(summary = "提醒接收人 The recipient directory: accounts and e-mail addresses per responsible leader or department")
    RecipientList recipients() {
        return queries.query(new ListRecipientsQuery(), RecipientList.class).join();
    }

    @PutMapping("/recipients")
    @Operation(summary = "设置提醒接收人 Set who receives the digest of a unit's responsible leader or department (as the ledger names them; If-Match: the entry's version)")
    ResponseEntity<java.util.Map<String, Object>> setRecipient(@Valid @RequestBody RecipientRequest req, @IfMatch Long expectedVersion) {
        SetReminderRecipientCommand command = new SetReminderRecipientCommand(req.unit().strip(), req.kind(), req.name().strip(),
                req.accounts(), req.emails() == null ? List.of() : req.emails(), expectedVersion);
        Object version = reads.sendAndAwait(commands, command, command.aggregateId(), ReminderProjection.GROUP);
        return Answers.of("recipientId", command.aggregateId(), version).ok();
    }

    @GetMapping("/runs")
    @Operation(summary = "提醒运行记录 The latest runs of the daily digest (first: the last run)")
    DigestRuns runs(@RequestParam(defaultValue = "10") @Min(1) @Max(100) int limit) {
        return queries.query(new ListDigestRunsQuery(limit), DigestRuns.class).join();
    }

    @PostMapping("/runs")
    @Operation(summary = "立即运行提醒 Run today's digest now (digests issued already today are not issued again)")
    ResponseEntity<DigestRunView> runNow() {
        return ResponseEntity.status(HttpStatus.CREATED).body(job.run("MANUAL", node()));
    }

    private static String node() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "unknown";
        }
    }
}
