package io.zhenggai.reminders;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;
import java.time.LocalTime;

/**
 * {@code zhenggai.reminders.*}: the digest (what is "due soon", when it runs) and the channels. The inbox is always on;
 * the webhook when {@code webhook.url} is set, e-mail when an SMTP server is configured ({@code spring.mail.host}).
 */
@ConfigurationProperties("zhenggai.reminders")
public class ReminderProperties {

    /** An item is due soon when due within this many days (the ledger's warning threshold for the digest). */
    private int dueWithinDays = 7;
    private final Digest digest = new Digest();
    private final Webhook webhook = new Webhook();
    private final Mail mail = new Mail();
    private final Delivery delivery = new Delivery();

    public int getDueWithinDays() {
        return dueWithinDays;
    }

    public void setDueWithinDays(int dueWithinDays) {
        this.dueWithinDays = dueWithinDays;
    }

    public Digest getDigest() {
        return digest;
    }

    public Webhook getWebhook() {
        return webhook;
    }

    public Mail getMail() {
        return mail;
    }

    public Delivery getDelivery() {
        return delivery;
    }

    public static class Digest {
        /** Whether the recurring digest task is scheduled. */
        private boolean enabled = true;
        /** Time of day (in {@code zhenggai.zone}) the digest runs. */
        private LocalTime time = LocalTime.of(7, 0);

        public boolean isEnabled() {
            return enabled;
        }

        public void setEnabled(boolean enabled) {
            this.enabled = enabled;
        }

        public LocalTime getTime() {
            return time;
        }

        public void setTime(LocalTime time) {
            this.time = time;
        }
    }

    public static class Webhook {
        /** Where each digest is POSTed as JSON; empty: no webhook. */
        private String url = "";
        /** Key of the HMAC-SHA256 signature in {@code X-Zhenggai-Signature}; required with a URL. */
        private String secret = "";
        private Duration timeout = Duration.ofSeconds(10);

        public boolean enabled() {
            return url != null && !url.isBlank();
        }

        public String getUrl() {
            return url;
        }

        public void setUrl(String url) {
            this.url = url;
        }

        public String getSecret() {
            return secret;
        }

        public void setSecret(String secret) {
            this.secret = secret;
        }

        public Duration getTimeout() {
            return timeout;
        }

        public void setTimeout(Duration timeout) {
            this.timeout = timeout;
        }
    }

    public static class Mail {
        /** Sender address of the e-mails. */
        private String from = "zhenggai@localhost";

        public String getFrom() {
            return from;
        }

        public void setFrom(String from) {
            this.from = from;
        }
    }

    public static class Delivery {
        /** Retries after a failed attempt (webhook, e-mail); then the delivery is given up, recorded as failed. */
        private int maxRetries = 5;
        /** Wait before the first retry; each further retry waits 1.5 times longer. */
        private Duration backoff = Duration.ofMinutes(1);

        public int getMaxRetries() {
            return maxRetries;
        }

        public void setMaxRetries(int maxRetries) {
            this.maxRetries = maxRetries;
        }

        public Duration getBackoff() {
            return backoff;
        }

        public void setBackoff(Duration backoff) {
            this.backoff = backoff;
        }
    }
}
