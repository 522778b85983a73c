package io.zhenggai.reminders.delivery;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.task.TaskInstance;
import io.zhenggai.api.reminders.ReminderChannel;
import io.zhenggai.api.reminders.ReminderCommands.RecordDeliveryCommand;
import io.zhenggai.api.reminders.ReminderEvents.DigestIssuedEvent;
import io.zhenggai.platform.digest.Sha256;
import io.zhenggai.reminders.DigestTexts;
import io.zhenggai.reminders.ReminderProperties;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Component;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The channels beyond the inbox. {@link #schedule} turns an issued digest into one persistent delivery task per channel
 * and address (the webhook; each e-mail address), keyed so that it is scheduled once; {@link #deliver} runs one attempt
 * on a db-scheduler thread and records its outcome as an event ({@code ReminderDeliveredEvent} or
 * {@code ReminderDeliveryFailedEvent} with the attempt and whether another follows), then lets db-scheduler retry a
 * failure. A webhook request carries the digest as JSON and {@code X-Zhenggai-Signature: sha256=<hex>}, the
 * HMAC-SHA256 of the body under {@code zhenggai.reminders.webhook.secret}.
 */
@Component
public class Deliveries {

    public static final String TASK = "reminder-delivery";
    public static final String SIGNATURE_HEADER = "X-Zhenggai-Signature";
    public static final String DIGEST_HEADER = "X-Zhenggai-Digest-Id";

    private static final Logger log = LoggerFactory.getLogger(Deliveries.class);

    /** What one task delivers: the digest as JSON ({@code body}), through {@code channel} to {@code address}. */
    public record Job(String digestId, ReminderChannel channel, String address, String subject, String text, String body) {
    }

    private final ReminderProperties properties;
    private final ObjectProvider<JavaMailSender> mail;
    private final ObjectProvider<SchedulerClient> scheduler;
    private final CommandGateway commands;
    private final ObjectMapper json;
    private final Clock clock;
    private final HttpClient http;

    Deliveries(ReminderProperties properties, ObjectProvider<JavaMailSender> mail, ObjectProvider<SchedulerClient> scheduler,
               CommandGateway commands, ObjectMapper json, Clock clock) {
        this.properties = properties;
        this.mail = mail;
        this.scheduler = scheduler;
        this.commands = commands;
        this.json = json;
        this.clock = clock;
        this.http = HttpClient.newBuilder().connectTimeout(properties.getWebhook().getTimeout()).build();
        if (properties.getWebhook().enabled() && properties.getWebhook().getSecret().isBlank()) {
            throw new IllegalStateException("zhenggai.reminders.webhook.secret is required with zhenggai.reminders.webhook.url");
        }
    }

    /** The delivery tasks of an issued digest (none when no channel beyond the inbox is configured). */
    List<Job> jobs(DigestIssuedEvent e) {
        List<Job> jobs = new ArrayList<>();
        String subject = DigestTexts.title(e.businessDate(), e.recipient().kind(), e.recipient().name(), e.entries());
        String text = DigestTexts.body(e.businessDate(), e.recipient().kind(), e.recipient().name(), e.entries());
        if (properties.getWebhook().enabled()) {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("digestId", e.digestId());
            body.put("businessDate", e.businessDate());
            body.put("title", subject);
            body.put("recipient", e.recipient());
            body.put("recipientKindLabel", e.recipient().kind().label());
            body.put("organisationId", e.organisationId());
            body.put("accounts", e.accounts());
            body.put("entries", e.entries().stream().map(x -> Map.of("entry", x, "reasonLabel", x.reason().label())).toList());
            jobs.add(new Job(e.digestId(), ReminderChannel.WEBHOOK, properties.getWebhook().getUrl(), subject, text, write(body)));
        }
        if (mail.getIfAvailable() != null) {
            for (String address : e.emails()) {
                jobs.add(new Job(e.digestId(), ReminderChannel.EMAIL, address, subject, text, null));
            }
        }
        return jobs;
    }

    /** Schedules the deliveries of a digest, each once (the task instance id names digest, channel and address). */
    void schedule(DigestIssuedEvent e) {
        for (Job job : jobs(e)) {
            String id = job.channel() + ":" + Sha256.hex(job.digestId() + "\u0000" + job.address());
            scheduler.getObject().scheduleIfNotExists(new TaskInstance<>(TASK, id, write(job)), clock.instant());
        }
    }

    /** One attempt of one delivery; a failure is recorded and thrown on, so that db-scheduler retries it. */
    public void deliver(String data, int attempt) {
        Job job = read(data);
        try {
            switch (job.channel()) {
                case WEBHOOK -> post(job);
                case EMAIL -> send(job);
                default -> throw new IllegalStateException("no delivery task for " + job.channel());
            }
        } catch (RuntimeException e) {
            boolean retry = attempt <= properties.getDelivery().getMaxRetries();
            log.warn("Delivery of {} by {} to {} failed (attempt {}, {})", job.digestId(), job.channel(), job.address(), attempt,
                    retry ? "will retry" : "given up", e);
            commands.sendAndWait(new RecordDeliveryCommand(job.digestId(), job.channel(), job.address(), attempt, false,
                    shorten(e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()), retry));
            throw e;
        }
        commands.sendAndWait(new RecordDeliveryCommand(job.digestId(), job.channel(), job.address(), attempt, true, null, false));
    }

    private void post(Job job) {
        byte[] body = job.body().getBytes(StandardCharsets.UTF_8);
        HttpRequest request = HttpRequest.newBuilder(URI.create(job.address()))
                .timeout(properties.getWebhook().getTimeout())
                .header("Content-Type", "application/json; charset=utf-8")
                .header(DIGEST_HEADER, job.digestId())
                .header(SIGNATURE_HEADER, "sha256=" + sign(properties.getWebhook().getSecret(), body))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .build();
        HttpResponse<Void> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.discarding());
        } catch (java.io.IOException e) {
            throw new DeliveryException("webhook unreachable: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DeliveryException("interrupted", e);
        }
        if (response.statusCode() / 100 != 2) {
            throw new DeliveryException("webhook answered HTTP " + response.statusCode(), null);
        }
    }

    private void send(Job job) {
        JavaMailSender sender = mail.getIfAvailable();
        if (sender == null) {
            throw new DeliveryException("no SMTP server configured (spring.mail.host)", null);
        }
        SimpleMailMessage message = new SimpleMailMessage();
        message.setFrom(properties.getMail().getFrom());
        message.setTo(job.address());
        message.setSubject(job.subject());
        message.setText(job.text());
        sender.send(message);
    }

    /** HMAC-SHA256 of {@code body} under {@code secret}, in lower-case hex: what a receiver recomputes to verify. */
    public static String sign(String secret, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(body));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String shorten(String text) {
        return text.length() <= 500 ? text : text.substring(0, 500);
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private Job read(String data) {
        try {
            return json.readValue(data, Job.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("unreadable delivery task", e);
        }
    }

    static final class DeliveryException extends RuntimeException {
        DeliveryException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
