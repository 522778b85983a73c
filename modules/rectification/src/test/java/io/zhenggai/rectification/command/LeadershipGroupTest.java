package io.zhenggai.rectification.command;

import io.zhenggai.api.rectification.ItemKind;
import io.zhenggai.api.rectification.LeadershipRole;
import io.zhenggai.api.rectification.RectificationCommands.*;
import io.zhenggai.api.rectification.RectificationEvents.*;
import io.zhenggai.platform.domain.NotFoundException;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;

import static io.zhenggai.rectification.command.RectificationTestData.*;

class LeadershipGroupTest {

    private AggregateTestFixture<Rectification> fixture;

    @BeforeEach
    void setUp() {
        fixture = fixture();
    }

    @Test
    void appointsTheHeadAsLeaderOfTheGroup() {
        fixture.given(opened())
                .when(appointLeader())
                .expectEvents(leaderAppointed());
    }

    @Test
    void refusesASecondLeaderWhileTheFirstServes() {
        fixture.given(opened(), leaderAppointed())
                .when(new AppointGroupMemberCommand(RID, "m-other", "赵部长", "部长", LeadershipRole.LEADER,
                        LocalDate.of(2023, 10, 1), null))
                .expectException(rule("ROLE_TAKEN"))
                .expectNoEvents();
    }

    @Test
    void allowsSeveralDeputiesAndMembers() {
        fixture.given(opened(), leaderAppointed(), deputyAppointed())
                .when(new AppointGroupMemberCommand(RID, "m-deputy-2", "刘副部长", "副部长", LeadershipRole.DEPUTY,
                        LocalDate.of(2023, 9, 15), null))
                .expectSuccessfulHandlerExecution();
    }

    @Test
    void refusesAnAppointmentDatedBeforeTheFeedback() {
        fixture.given(opened())
                .when(new AppointGroupMemberCommand(RID, LEADER, "李部长", "部长", LeadershipRole.LEADER,
                        LocalDate.of(2023, 9, 11), null))
                .expectException(rule("DATE_BEFORE_FEEDBACK"))
                .expectNoEvents();
    }

    @Test
    void refusesAnAppointmentDatedInTheFuture() {
        fixture.given(opened())
                .when(new AppointGroupMemberCommand(RID, LEADER, "李部长", "部长", LeadershipRole.LEADER,
                        TODAY.plusDays(1), null))
                .expectException(rule("DATE_IN_FUTURE"))
                .expectNoEvents();
    }

    @Test
    void relievesAMemberWithAReason() {
        fixture.given(opened(), leaderAppointed(), sectionHeadAppointed())
                .when(new RelieveGroupMemberCommand(RID, SECTION_HEAD, LocalDate.of(2024, 1, 5), "工作调动", null))
                .expectEvents(new GroupMemberRelievedEvent(RID, SECTION_HEAD, "陈主任", LeadershipRole.MEMBER,
                        LocalDate.of(2024, 1, 5), "工作调动"));
    }

    @Test
    void refusesToRelieveWithoutAReason() {
        fixture.given(opened(), sectionHeadAppointed())
                .when(new RelieveGroupMemberCommand(RID, SECTION_HEAD, LocalDate.of(2024, 1, 5), " ", null))
                .expectException(malformed("reason"))
                .expectNoEvents();
    }

    @Test
    void refusesToRelieveTheLeaderOfItemsStillOpen() {
        fixture.given(opened(), leaderAppointed(), deputyAppointed(),
                        new ItemAddedEvent(RID, "i1", 1, List.of(F1), "落实第一议题", ItemKind.IMMEDIATE, null, DEPUTY,
                                "王副部长", "办公室", null, false, null))
                .when(new RelieveGroupMemberCommand(RID, DEPUTY, LocalDate.of(2024, 1, 5), "退休", null))
                .expectException(rule("MEMBER_HAS_OPEN_ITEMS"))
                .expectNoEvents();
    }

    @Test
    void relievingSomeoneNotInTheGroupIsNotFound() {
        fixture.given(opened())
                .when(new RelieveGroupMemberCommand(RID, "m-nobody", LocalDate.of(2024, 1, 5), "退休", null))
                .expectException(NotFoundException.class);
    }

    @Test
    void namesTheOfficeThatRunsTheWork() {
        fixture.given(opened())
                .when(new NameOfficeCommand(RID, "巡察整改工作领导小组办公室", "部机关办公室", null))
                .expectEvents(new OfficeNamedEvent(RID, "巡察整改工作领导小组办公室", "部机关办公室"));
    }
}
