package fushun.socialassistance.benefits.web;

import static fushun.platform.testsupport.RecordShapes.names;
import static fushun.platform.testsupport.RecordShapes.values;
import static org.assertj.core.api.Assertions.assertThat;

import fushun.platform.web.Page;
import fushun.socialassistance.benefits.Applications;
import fushun.socialassistance.benefits.Grants;
import fushun.socialassistance.benefits.Payroll;
import fushun.socialassistance.benefits.Programme;
import fushun.socialassistance.dibao.DibaoIncome;
import fushun.socialassistance.eligibility.SupportAssessment.Capacity;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.mapstruct.factory.Mappers;

class BenefitViewsTest {

    private final ApplicationWebMapper applications = Mappers.getMapper(ApplicationWebMapper.class);
    private final GrantWebMapper grants = Mappers.getMapper(GrantWebMapper.class);

    static Stream<Arguments> viewsAndTheRecordsTheAnswersWere() {
        return Stream.of(
                Arguments.of(BenefitViews.ApplicationView.class, Applications.Application.class),
                Arguments.of(BenefitViews.DeclarationView.class, DibaoIncome.Declaration.class),
                Arguments.of(BenefitViews.MemberView.class, Applications.Member.class),
                Arguments.of(BenefitViews.DecidedView.class, Applications.Decided.class),
                Arguments.of(BenefitViews.GrantView.class, Grants.Grant.class),
                Arguments.of(BenefitViews.CoveredPersonView.class, Grants.CoveredPerson.class),
                Arguments.of(BenefitViews.ScheduledPaymentView.class, Grants.ScheduledPayment.class),
                Arguments.of(BenefitViews.ReviewView.class, Grants.Review.class),
                Arguments.of(BenefitViews.PayrollRunView.class, Payroll.PayrollRun.class));
    }

    /** The API's JSON fields are the views' components: the same names, in the same order, as before. */
    @ParameterizedTest
    @MethodSource("viewsAndTheRecordsTheAnswersWere")
    void shouldKeepTheApisFieldNamesWhenAnsweringWithAView(Class<? extends Record> view, Class<? extends Record> before) {
        assertThat(names(view)).isEqualTo(names(before));
    }

    @Test
    void shouldCopyEveryFieldAndWhatItHoldsWhenMappingADecidedApplication() {
        var declaration = new DibaoIncome.Declaration(new BigDecimal("9600.00"), new BigDecimal("1200.00"),
                new BigDecimal("3000.00"), BigDecimal.ZERO, new BigDecimal("500.00"));
        var head = new Applications.Member(UUID.randomUUID(), Capacity.PARTIAL, new BigDecimal("6000.00"),
                new BigDecimal("1200.00"), false, true);
        var child = new Applications.Member(UUID.randomUUID(), Capacity.NONE, BigDecimal.ZERO, BigDecimal.ZERO, true, true);
        var decided = new Applications.Decided(new BigDecimal("5100.00"), new BigDecimal("2550.00"),
                new BigDecimal("690.00"), new BigDecimal("955.00"), "dibao.standard@2026-01", "家庭月人均收入低于低保标准");
        var application = new Applications.Application(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(),
                "210422100201", Programme.DIBAO, "GRANTED", declaration, List.of(head, child), "operator",
                Instant.parse("2026-03-01T02:00:00Z"), "reviewer", Instant.parse("2026-03-02T02:00:00Z"), true, "同意",
                "approver", LocalDate.of(2026, 3, 5), "符合条件", decided, UUID.randomUUID());

        var view = applications.toView(application);

        assertThat(values(view.declaration())).isEqualTo(values(declaration));
        assertThat(view.members()).hasSize(2);
        assertThat(values(view.members().get(0))).isEqualTo(values(head));
        assertThat(values(view.members().get(1))).isEqualTo(values(child));
        assertThat(values(view.determination())).isEqualTo(values(decided));
        List<Object> plain = new ArrayList<>(values(view));
        List<Object> before = new ArrayList<>(values(application));
        for (int i : new int[] {6, 7, 17}) { // declaration, members, determination: compared above
            plain.set(i, null);
            before.set(i, null);
        }
        assertThat(plain).isEqualTo(before);
    }

    @Test
    void shouldLeaveWhatIsNotThereYetEmptyWhenMappingASubmittedApplication() {
        var application = new Applications.Application(UUID.randomUUID(), UUID.randomUUID(), null, "210422100201",
                Programme.TEKUN, "SUBMITTED", null, List.of(), "operator", Instant.parse("2026-03-01T02:00:00Z"),
                null, null, null, null, null, null, null, null, null);

        var view = applications.toView(application);

        assertThat(values(view)).isEqualTo(values(application));
    }

    @Test
    void shouldKeepThePageAndItsCountsWhenMappingGrants() {
        var grant = new Grants.Grant(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), "210422100201",
                Programme.DIBAO, List.of(UUID.randomUUID(), UUID.randomUUID()), new BigDecimal("955.00"),
                YearMonth.of(2026, 4), null, LocalDate.of(2027, 3, 5), "ACTIVE", LocalDate.of(2026, 3, 5), "MEMBER_LEFT");

        Page<BenefitViews.GrantView> page = grants.toGrantPage(new Page<>(List.of(grant), 2, 1, 3));

        assertThat(List.of(page.page(), page.size(), page.total())).isEqualTo(List.of(2, 1, 3L));
        assertThat(values(page.items().get(0))).isEqualTo(values(grant));
    }

    @Test
    void shouldCopyEveryFieldWhenMappingAGrantsDetailAndAPayrollRun() {
        var covered = new Grants.CoveredPerson(UUID.randomUUID(), YearMonth.of(2026, 7), new BigDecimal("477.50"));
        var payment = new Grants.ScheduledPayment(YearMonth.of(2026, 4), new BigDecimal("955.00"), true);
        var review = new Grants.Review(false, "收入超过标准", LocalDate.of(2026, 9, 1), "reviewer");
        var run = new Payroll.PayrollRun("210422", YearMonth.of(2026, 4), 12, new BigDecimal("11460.00"), 3);

        assertThat(values(grants.toCoveredViews(List.of(covered)).get(0))).isEqualTo(values(covered));
        assertThat(values(grants.toScheduleViews(List.of(payment)).get(0))).isEqualTo(values(payment));
        assertThat(values(grants.toReviewViews(List.of(review)).get(0))).isEqualTo(values(review));
        assertThat(values(grants.toView(run))).isEqualTo(values(run));
    }
}
