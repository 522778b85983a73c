package io.zhenggai.app.support;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;

/**
 * The one clock of an integration-test run: the application under test uses it (it replaces the app's {@code clock}
 * bean, see {@link IntegrationTest}), and the tests take "today" from it — never from the JVM's own time — so the
 * app and a test cannot disagree on the date. It is the system clock, except when a run starts within three hours of
 * midnight (in the app's zone): then it runs behind so that it reads 18:00 at the start, and its date cannot change
 * during the run. It only ever runs behind, so a deadline due by the app's date is never later than the real time
 * at which db-scheduler fires it.
 */
public final class ItClock {

    public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    private static final Clock CLOCK = pinnedToday(Clock.system(ZONE));

    private ItClock() {
    }

    /** The factory of the {@code clock} bean of the ITs' application context. */
    public static Clock clock() {
        return CLOCK;
    }

    /** Today, as the application under test sees it. */
    public static LocalDate today() {
        return LocalDate.now(CLOCK);
    }

    static Clock pinnedToday(Clock real) {
        LocalTime now = LocalTime.now(real);
        LocalTime latest = LocalTime.of(21, 0);
        return now.isBefore(latest) ? real : Clock.offset(real, Duration.between(LocalTime.of(18, 0), now).negated());
    }
}
