package io.zhenggai.publication.command;

import io.zhenggai.platform.digest.Sha256;
import io.zhenggai.api.inspection.InspectionEvents.InspectionJoinedRoundEvent;
import io.zhenggai.api.inspection.InspectionEvents.RoundCreatedEvent;
import io.zhenggai.api.publication.NoticeFacts;
import io.zhenggai.api.publication.NoticeNarrative;
import io.zhenggai.api.publication.NoticeSettings;
import io.zhenggai.api.publication.PublicationCommands.CreateNoticeDraftCommand;
import io.zhenggai.api.publication.PublicationCommands.EscalateFeedbackCommand;
import io.zhenggai.api.publication.PublicationCommands.RecomposeNoticeDraftCommand;
import io.zhenggai.api.publication.PublicationEvents.FeedbackSubmittedEvent;
import io.zhenggai.api.publication.PublicationEvents.NoticeApprovedEvent;
import io.zhenggai.api.publication.PublicationEvents.NoticeDraftCreatedEvent;
import io.zhenggai.api.publication.PublicationEvents.NoticePublishedEvent;
import io.zhenggai.publication.compose.RoundFactsFolder;
import io.zhenggai.publication.notice.ContentHash;
import io.zhenggai.publication.testing.SeedCase;
import io.zhenggai.platform.domain.RuleViolationException;
import org.axonframework.messaging.interceptors.BeanValidationInterceptor;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

/** A round notice (ADR 0026) in the notice aggregate: it names no inspection, keeps to its round, and escalates nothing. */
class RoundNoticeTest {

    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    static final Clock CLOCK = Clock.fixed(LocalDate.of(2024, 3, 25).atTime(10, 0).atZone(ZONE).toInstant(), ZONE);
    static final String ID = "round-notice-1";
    static final Instant TIME = Instant.parse("2024-03-20T08:00:00Z");

    static NoticeFacts round;
    static NoticeFacts otherRound;
    static NoticeFacts unit;
    static NoticeNarrative narrative;
    static NoticeSettings settings;

    AggregateTestFixture<Notice> fixture;

    static NoticeFacts fold(String roundId, List<Object> events) {
        RoundFactsFolder.Members members = new RoundFactsFolder.Members(roundId);
        events.forEach(members::accept);
        RoundFactsFolder folder = new RoundFactsFolder(members);
        events.forEach(folder::accept);
        return folder.facts();
    }

    @BeforeAll
    static void facts() {
        SeedCase seed = SeedCase.load();
        List<Object> events = new ArrayList<>(seed.events());
        events.add(new RoundCreatedEvent("r1", "区委2023年第二轮巡察", "中共某某区委", null, null));
        events.add(new InspectionJoinedRoundEvent(seed.inspectionId(), "r1", null));
        round = fold("r1", events);
        events.add(new InspectionJoinedRoundEvent(seed.inspectionId(), "r2", "r1"));
        otherRound = fold("r2", events);
        io.zhenggai.publication.compose.NoticeFactsFolder f = new io.zhenggai.publication.compose.NoticeFactsFolder(seed.inspectionId());
        seed.events().forEach(f::accept);
        unit = f.facts();
        narrative = new NoticeNarrative("{{roundName}}整改进展情况的通报", List.of(), List.of(), null);
        settings = seed.settings();
    }

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Notice.class);
        fixture.registerInjectableResource(CLOCK);
        fixture.registerCommandHandlerInterceptor(new BeanValidationInterceptor<>());
    }

    static NoticeDraftCreatedEvent created() {
        return new NoticeDraftCreatedEvent(ID, null, 1, null, null, 1, 120, TIME, round, narrative, settings,
                ContentHash.of(round, narrative, settings));
    }

    @Test
    void aDraftOfARoundNamesNoInspection() {
        fixture.givenNoPriorActivity()
                .when(new CreateNoticeDraftCommand(ID, null, 120, TIME, round, narrative, settings, null, null, null))
                .expectEvents(created());
    }

    @Test
    void aRoundsFactsUnderAnInspectionAreRefused() {
        fixture.givenNoPriorActivity()
                .when(new CreateNoticeDraftCommand(ID, unit.inspectionId(), 120, TIME, round, narrative, settings, null, null, null))
                .expectException(RuleViolationException.class).expectNoEvents();
        fixture.givenNoPriorActivity()
                .when(new CreateNoticeDraftCommand(ID, null, 120, TIME, unit, narrative, settings, null, null, null))
                .expectException(RuleViolationException.class).expectNoEvents();
    }

    @Test
    void aRoundNoticeIsRecomposedOnlyFromItsOwnRound() {
        fixture.given(created())
                .when(new RecomposeNoticeDraftCommand(ID, 130, TIME, otherRound, null))
                .expectException(RuleViolationException.class).expectNoEvents();
        fixture.given(created())
                .when(new RecomposeNoticeDraftCommand(ID, 130, TIME, unit, null))
                .expectException(RuleViolationException.class).expectNoEvents();
    }

    @Test
    void feedbackOnARoundNoticeIsNotEscalatedToAFinding() {
        String hash = ContentHash.of(round, narrative, settings);
        fixture.given(created(), new NoticeApprovedEvent(ID, 1, hash, 120, null),
                        new NoticePublishedEvent(ID, null, 1, null, 1, hash, 120, "通报", "区委", LocalDate.of(2024, 3, 25),
                                LocalDate.of(2024, 4, 25), false, "text", Sha256.hex("text")),
                        new FeedbackSubmittedEvent(ID, null, "fb1", LocalDate.of(2024, 3, 25), "意见", null, null))
                .when(new EscalateFeedbackCommand(ID, "fb1", "问题", null, null))
                .expectException(RuleViolationException.class).expectNoEvents();
    }
}
