package fushun.socialassistance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import fushun.contracts.Bureau;
import fushun.contracts.EventEnvelope;
import fushun.contracts.HouseholdCategory;
import fushun.contracts.RiskType;
import fushun.contracts.Topics;
import fushun.contracts.bureau.AssignmentAcknowledged;
import fushun.contracts.bureau.CaseClosed;
import fushun.contracts.bureau.MeasureApplied;
import fushun.contracts.feed.FeedDeadlineMissed;
import fushun.contracts.monitoring.HouseholdChanged;
import fushun.contracts.monitoring.HouseholdRegistered;
import fushun.contracts.monitoring.RiskAlertRaised;
import fushun.contracts.socialassistance.AssistanceStatusChanged;
import fushun.platform.feed.FeedCompleteness;
import fushun.platform.testsupport.EventBus;
import fushun.platform.testsupport.MovableClock;
import fushun.platform.testsupport.Pages;
import fushun.platform.testsupport.ServiceIntegrationTest;
import fushun.platform.testsupport.TestTokens;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/**
 * Dibao and 特困 from application to the township's review and the county's decision (an operator,
 * a reviewer and an approver), payroll, review and stop; single-member dibao (单人保);
 * the queue's filters and search; closing a case. Real broker and PostgreSQL; the tests move the
 * context's clock and put it back.
 * Each test works in a county of its own, so their payrolls do not meet.
 */
@ServiceIntegrationTest
class BenefitsIT {

    /** 10:00 in China on the given day. */
    private static Instant chinaMorning(String date) {
        return LocalDate.parse(date).atTime(10, 0).atZone(fushun.platform.PlatformTime.CHINA).toInstant();
    }

    @Autowired MockMvc mvc;
    @Autowired EventBus bus;
    @Autowired JdbcClient jdbc;
    @Autowired MovableClock clock;
    @Autowired FeedCompleteness feeds;

    record Person(UUID id, String name, String maskedId, String relationship, String capacity) {
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void shouldGrantDibaoFromACasePayMonthlyOnceAndStopFromTheMonthAfterANegativeReview() throws Exception {
        clock.set(chinaMorning("2026-03-31"));
        String operator = token("210422");
        Person head = new Person(UUID.randomUUID(), "赵示伟", "2104**********1011", "户主", "PARTIAL");
        Person spouse = new Person(UUID.randomUUID(), "钱示芳", "2104**********1022", "配偶", "NONE");
        Person son = new Person(UUID.randomUUID(), "赵示强", "2104**********1033", "子女", "FULL");
        UUID householdId = register("210422100201", HouseholdCategory.OUT_OF_POVERTY, head, spouse, son);
        RiskAlertRaised alert = alert(householdId, "210422100201", RiskType.ILLNESS);
        String caseId = caseFor(householdId, alert);

        // 12,000 income, 1,800 basic pension not counted, 4,000 illness spending deducted: 6,200 counted,
        // 6,200 / 12 / 3 = 172.22 a person; (520 - 172.22) x 3 = 1,043.34 a month.
        String applicationId = submit(operator, householdId, caseId, "DIBAO", List.of(), "12000", "1800", "4000",
                member(head, "PARTIAL", "2000"), member(spouse, "NONE", "0"), member(son, "FULL", "10000"))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.status").value("SUBMITTED"))
                .andReturn().getResponse().getHeader("Location").replaceAll(".*/", "");

        review(reviewer("210422"), applicationId, true, "乡镇审核：入户核查属实").andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("REVIEWED"));
        String decided = mvc.perform(post("/api/social-assistance/applications/" + applicationId + "/decision")
                        .header("Authorization", approver("210422")).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"approve\":true,\"reason\":\"入户核查属实，家庭收入低于低保标准\"}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("GRANTED"))
                .andExpect(jsonPath("$.determination.countedIncome").value(6200.00))
                .andExpect(jsonPath("$.determination.incomePerPerson").value(172.22))
                .andExpect(jsonPath("$.determination.monthlyAmount").value(1043.34))
                .andExpect(jsonPath("$.determination.parameterVersions").value(org.hamcrest.Matchers.containsString(
                        "dibao.rural-standard.monthly[*]@2024-01-01")))
                .andReturn().getResponse().getContentAsString();
        String grantId = JsonPath.read(decided, "$.grantId");

        AssistanceStatusChanged granted = bus.awaitEvent(Topics.SOCIAL_ASSISTANCE_STATUS, householdId.toString(),
                AssistanceStatusChanged.class).data();
        assertThat(granted.programme()).isEqualTo(AssistanceStatusChanged.Programme.DIBAO);
        assertThat(granted.status()).isEqualTo(AssistanceStatusChanged.Status.GRANTED);
        assertThat(granted.amount()).isEqualByComparingTo("1043.34");
        assertThat(granted.effectiveFrom()).isEqualTo(LocalDate.parse("2026-04-01"));
        assertThat(granted.persons()).extracting(AssistanceStatusChanged.Person::personId)
                .containsExactlyInAnyOrder(head.id(), spouse.id(), son.id());
        assertThat(granted.persons()).allSatisfy(p -> assertThat(p.personRef()).hasSize(64));
        MeasureApplied measure = bus.awaitEvent(Topics.SOCIAL_ASSISTANCE_MEASURE, householdId.toString(),
                MeasureApplied.class).data();
        assertThat(measure.measure()).isEqualTo("DIBAO");
        assertThat(measure.assignmentId()).isEqualTo(alert.assignmentFor(Bureau.CIVIL_AFFAIRS).assignmentId());
        assertThat(measure.amount()).isEqualByComparingTo("1043.34");

        // Out-of-poverty household: the longer review period (24 months, a parameter).
        mvc.perform(get("/api/social-assistance/grants/" + grantId).header("Authorization", operator))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.grant.firstMonth").value("2026-04"))
                .andExpect(jsonPath("$.grant.nextReview").value("2028-03-31"));
        mvc.perform(post("/api/social-assistance/applications/" + applicationId + "/decision")
                        .header("Authorization", approver("210422")).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"approve\":true,\"reason\":\"再次审批\"}"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.title").value("申请已审批"));

        // Another county sees none of it and can change none of it.
        String qingyuan = token("210423");
        mvc.perform(get("/api/social-assistance/grants/" + grantId).header("Authorization", qingyuan))
                .andExpect(status().isNotFound());
        mvc.perform(post("/api/social-assistance/grants/" + grantId + "/reviews").header("Authorization", reviewer("210423"))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"eligible\":false,\"reason\":\"越权复核\"}"))
                .andExpect(status().isNotFound());
        mvc.perform(post("/api/social-assistance/cases/" + caseId + "/close").header("Authorization", qingyuan)
                        .contentType(MediaType.APPLICATION_JSON).content("{\"outcome\":\"越权办结\"}"))
                .andExpect(status().isNotFound());
        assertThat(count("select count(*) from grant_review where grant_id = :h", UUID.fromString(grantId))).isZero();

        // March is before the first month; April cannot be paid in March.
        payroll(operator, "210422", "2026-03").andExpect(jsonPath("$.paid").value(0));
        payroll(operator, "210422", "2026-04").andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.title").value("不能预先发放"));

        clock.set(chinaMorning("2026-04-10"));
        payroll(operator, "210422", "2026-04").andExpect(jsonPath("$.paid").value(1))
                .andExpect(jsonPath("$.total").value(1043.34));
        payroll(operator, "210422", "2026-04").andExpect(jsonPath("$.paid").value(0))
                .andExpect(jsonPath("$.alreadyPaid").value(1));

        // A negative review on 30 April: May is the first month without payment.
        clock.set(chinaMorning("2026-04-30"));
        mvc.perform(post("/api/social-assistance/grants/" + grantId + "/reviews")
                        .header("Authorization", reviewer("210422")).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"eligible\":false,\"reason\":\"儿子外出务工，家庭收入已超过低保标准\"}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.grant.status").value("STOPPED"))
                .andExpect(jsonPath("$.grant.stopMonth").value("2026-05"))
                .andExpect(jsonPath("$.schedule.length()").value(1))
                .andExpect(jsonPath("$.schedule[0].month").value("2026-04"))
                .andExpect(jsonPath("$.schedule[0].paid").value(true))
                .andExpect(jsonPath("$.reviews[0].eligible").value(false));
        AssistanceStatusChanged stopped = bus.awaitEvent(Topics.SOCIAL_ASSISTANCE_STATUS, householdId.toString(),
                AssistanceStatusChanged.class, e -> e.status() == AssistanceStatusChanged.Status.STOPPED).data();
        assertThat(stopped.effectiveFrom()).isEqualTo(LocalDate.parse("2026-05-01"));

        clock.set(chinaMorning("2026-05-06"));
        payroll(operator, "210422", "2026-05").andExpect(jsonPath("$.paid").value(0))
                .andExpect(jsonPath("$.alreadyPaid").value(0));
        assertThat(jdbc.sql("select count(*) from grant_payment where grant_id = :g").param("g", UUID.fromString(grantId))
                .query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void shouldRefuseAnApprovalTheRulesDoNotSupportChangingNothingAndRecordARejectionWithItsReasons() throws Exception {
        clock.set(chinaMorning("2026-06-15"));
        String operator = token("210423");
        Person head = new Person(UUID.randomUUID(), "孙示林", "2104**********2011", "户主", "FULL");
        Person wife = new Person(UUID.randomUUID(), "李示梅", "2104**********2022", "配偶", "FULL");
        UUID householdId = register("210423100201", HouseholdCategory.MARGINAL, head, wife);
        // 20,000 counted for 2 people: 833.33 a month each, above the 520 standard.
        String applicationId = JsonPath.read(submit(operator, householdId, null, "DIBAO", List.of(), "20000", "0", "0",
                member(head, "FULL", "12000"), member(wife, "FULL", "8000"))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString(), "$.id");

        review(reviewer("210423"), applicationId, false, "乡镇审核：人均收入高于标准").andExpect(status().isOk());
        mvc.perform(post("/api/social-assistance/applications/" + applicationId + "/decision")
                        .header("Authorization", approver("210423")).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"approve\":true,\"reason\":\"同意\"}"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.title").value("不符合条件，不能批准"))
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("不低于低保标准 520 元")));
        mvc.perform(get("/api/social-assistance/applications/" + applicationId).header("Authorization", operator))
                .andExpect(jsonPath("$.status").value("REVIEWED"))
                .andExpect(jsonPath("$.reviewRecommends").value(false))
                .andExpect(jsonPath("$.determination").isEmpty());
        assertThat(count("select count(*) from assistance_grant where household_id = :h", householdId)).isZero();
        assertThat(count("select count(*) from outbox_event where aggregateid = :h", householdId.toString())).isZero();

        mvc.perform(post("/api/social-assistance/applications/" + applicationId + "/decision")
                        .header("Authorization", approver("210423")).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"approve\":false,\"reason\":\"家庭月人均收入高于本县低保标准\"}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("REJECTED"))
                .andExpect(jsonPath("$.decisionReason").value("家庭月人均收入高于本县低保标准"))
                .andExpect(jsonPath("$.determination.incomePerPerson").value(833.33))
                .andExpect(jsonPath("$.grantId").isEmpty());
        assertThat(count("select count(*) from outbox_event where aggregateid = :h", householdId.toString())).isZero();
    }

    @Test
    void shouldGrantTekunToAPersonAloneAndDibaoToADisabledMemberOfAHouseholdAboveTheStandard() throws Exception {
        clock.set(chinaMorning("2026-07-01"));
        String operator = token("210421");
        Person elder = new Person(UUID.randomUUID(), "周示德", "2104**********3011", "户主", "NONE");
        UUID aloneId = register("210421100201", HouseholdCategory.OUT_OF_POVERTY, elder);
        String tekun = JsonPath.read(submit(operator, aloneId, null, "TEKUN", List.of(elder.id()), "1200", "1200", "0",
                member(elder, "NONE", "0")).andExpect(status().isCreated()).andReturn().getResponse().getContentAsString(),
                "$.id");
        reviewed(tekun, "210421");
        decide(approver("210421"), tekun, true, "无劳动能力、无生活来源、无法定赡养人")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.determination.monthlyAmount").value(680.00));
        AssistanceStatusChanged supported = bus.awaitEvent(Topics.SOCIAL_ASSISTANCE_STATUS, aloneId.toString(),
                AssistanceStatusChanged.class).data();
        assertThat(supported.programme()).isEqualTo(AssistanceStatusChanged.Programme.TEKUN);
        assertThat(supported.persons()).extracting(AssistanceStatusChanged.Person::personId).containsExactly(elder.id());

        // Covered already: a second application for the same person is refused at approval.
        String again = JsonPath.read(submit(operator, aloneId, null, "TEKUN", List.of(elder.id()), "1200", "1200", "0",
                member(elder, "NONE", "0")).andReturn().getResponse().getContentAsString(), "$.id");
        reviewed(again, "210421");
        decide(approver("210421"), again, true, "重复申请").andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.title").value("已在享受救助"));
        mvc.perform(get("/api/social-assistance/applications/" + again).header("Authorization", operator))
                .andExpect(jsonPath("$.status").value("REVIEWED"));
        assertThat(count("select count(*) from assistance_grant where household_id = :h", aloneId)).isEqualTo(1);
        assertThat(count("select count(*) from outbox_event where aggregateid = :h", aloneId.toString())).isEqualTo(1);

        // 单人保: the mother cannot work and has no income; the son earns well, so the household is above
        // the standard and she has a supporter (no 特困), but as out-of-poverty population she is included alone.
        Person son = new Person(UUID.randomUUID(), "吴示军", "2104**********3022", "户主", "FULL");
        Person mother = new Person(UUID.randomUUID(), "郑示兰", "2104**********3033", "母亲", "NONE");
        UUID familyId = register("210421100202", HouseholdCategory.OUT_OF_POVERTY, son, mother);
        String single = JsonPath.read(submit(operator, familyId, null, "DIBAO", List.of(mother.id()), "36600", "0", "0",
                member(son, "FULL", "36000"), member(mother, "NONE", "600")).andReturn().getResponse().getContentAsString(),
                "$.id");
        String tekunForMother = JsonPath.read(submit(operator, familyId, null, "TEKUN", List.of(mother.id()), "36600", "0",
                "0", member(son, "FULL", "36000"), member(mother, "NONE", "600")).andReturn().getResponse()
                .getContentAsString(), "$.id");
        reviewed(tekunForMother, "210421");
        reviewed(single, "210421");
        decide(approver("210421"), tekunForMother, true, "申请特困").andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("不符合特困人员认定条件")));
        // 520 - 600 / 12 = 470 a month for her alone.
        decide(approver("210421"), single, true, "完全丧失劳动能力的脱贫人口，单人纳入低保")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.determination.monthlyAmount").value(470.00));
        AssistanceStatusChanged alone = bus.awaitEvent(Topics.SOCIAL_ASSISTANCE_STATUS, familyId.toString(),
                AssistanceStatusChanged.class).data();
        assertThat(alone.persons()).extracting(AssistanceStatusChanged.Person::personId).containsExactly(mother.id());
    }

    @Test
    void shouldRefuseBadApplicationsWithFieldErrorsAndHideOtherCountiesChangingNothing() throws Exception {
        clock.set(chinaMorning("2026-08-03"));
        String xinbin = token("210422");
        Person head = new Person(UUID.randomUUID(), "冯示安", "2104**********4011", "户主", "FULL");
        Person child = new Person(UUID.randomUUID(), "冯示乐", "2104**********4022", "子女", "NONE");
        UUID householdId = register("210422100301", HouseholdCategory.ORDINARY, head, child);
        long before = count("select count(*) from assistance_application where household_id = :h", householdId);

        mvc.perform(post("/api/social-assistance/applications").header("Authorization", xinbin)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"householdId\":\"" + householdId + "\",\"programme\":\"DIBAO\",\"declaration\":"
                                + "{\"totalIncome\":-5,\"basicPension\":0,\"illnessSpending\":0,\"schoolingSpending\":0,"
                                + "\"employmentCosts\":0.001},\"members\":[]}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[?(@.field == 'declaration.totalIncome')].message").value("金额不能为负"))
                .andExpect(jsonPath("$.errors[?(@.field == 'declaration.employmentCosts')].message").value("金额最多两位小数"))
                .andExpect(jsonPath("$.errors[?(@.field == 'members')].message").value("必须逐一填写家庭成员情况"));
        submit(xinbin, householdId, null, "DIBAO", List.of(), "1000", "0", "0", member(head, "FULL", "1000"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.title").value("家庭成员不完整"));
        submit(xinbin, householdId, null, "TEKUN", List.of(), "1000", "0", "0", member(head, "FULL", "1000"),
                member(child, "NONE", "0"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.detail").value("特困供养申请须指定一名保障对象。"));
        submit(token("210423"), householdId, null, "DIBAO", List.of(), "1000", "0", "0", member(head, "FULL", "1000"),
                member(child, "NONE", "0"))
                .andExpect(status().isNotFound());
        assertThat(count("select count(*) from assistance_application where household_id = :h", householdId))
                .isEqualTo(before);

        String applicationId = JsonPath.read(submit(xinbin, householdId, null, "DIBAO", List.of(), "1000", "0", "0",
                member(head, "FULL", "1000"), member(child, "NONE", "0", true))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString(), "$.id");
        mvc.perform(get("/api/social-assistance/applications/" + applicationId).header("Authorization", token("210423")))
                .andExpect(status().isNotFound());
        review(reviewer("210423"), applicationId, true, "越权审核").andExpect(status().isNotFound());
        decide(approver("210423"), applicationId, true, "越权审批").andExpect(status().isNotFound());
        mvc.perform(post("/api/social-assistance/payrolls").header("Authorization", token("210423"))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"county\":\"210422\",\"month\":\"2026-08\"}"))
                .andExpect(status().isNotFound());
        mvc.perform(post("/api/social-assistance/payrolls").header("Authorization", xinbin)
                        .contentType(MediaType.APPLICATION_JSON).content("{\"county\":\"210422\",\"month\":\"August\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.title").value("请求无效"));
        mvc.perform(get("/api/social-assistance/applications/" + applicationId).header("Authorization", xinbin))
                .andExpect(jsonPath("$.status").value("SUBMITTED"));
    }

    @Test
    void shouldFilterAndSearchTheQueueAndCloseACaseOnce() throws Exception {
        String operator = token("210424");
        Person head = new Person(UUID.randomUUID(), "陈示远", "2104**********5678", "户主", "FULL");
        UUID householdId = register("210424100201", HouseholdCategory.UNSTABLE_OUT_OF_POVERTY, head);
        RiskAlertRaised alert = alert(householdId, "210424100201", RiskType.LACK_OF_LABOUR);
        String caseId = caseFor(householdId, alert);
        Person other = new Person(UUID.randomUUID(), "林示青", "2104**********9999", "户主", "FULL");
        UUID otherHousehold = register("210424200201", HouseholdCategory.MARGINAL, other);
        String otherCase = caseFor(otherHousehold, alert(otherHousehold, "210424200201", RiskType.ILLNESS));
        Person late = new Person(UUID.randomUUID(), "黄示迟", "2104**********7777", "户主", "FULL");
        UUID lateHousehold = register("210424300201", HouseholdCategory.MARGINAL, late);
        RiskAlertRaised overdueAlert = new RiskAlertRaised(UUID.randomUUID(), lateHousehold, "210424300201",
                List.of(RiskType.ACCIDENT), "监测预警：ACCIDENT", Instant.now(), List.of(new RiskAlertRaised.Assignment(
                UUID.randomUUID(), Bureau.CIVIL_AFFAIRS, LocalDate.now().minusDays(1))));
        String lateCase = caseFor(lateHousehold, overdueAlert);

        queue(operator, "q=陈示").andExpect(jsonPath("$.total").value(1))
                .andExpect(jsonPath("$.items[0].caseId").value(caseId));
        assertThat(caseIds(operator, "q=5678")).containsExactly(caseId);
        queue(operator, "q=%25").andExpect(jsonPath("$.total").value(0));
        assertThat(caseIds(operator, "riskType=ILLNESS")).containsExactly(otherCase);
        assertThat(caseIds(operator, "division=210424200")).containsExactly(otherCase);
        assertThat(caseIds(operator, "overdue=true")).containsExactly(lateCase);
        assertThat(caseIds(operator, "")).first().isEqualTo(lateCase);
        assertThat(caseIds(operator, "division=210400")).hasSize(3);
        queue(operator, "riskType=NOT_A_RISK").andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("riskType")));
        queue(operator, "size=1&page=1").andExpect(jsonPath("$.total").value(3))
                .andExpect(jsonPath("$.items.length()").value(1));

        mvc.perform(post("/api/social-assistance/cases/" + caseId + "/close").header("Authorization", operator)
                        .contentType(MediaType.APPLICATION_JSON).content("{\"outcome\":\" \"}"))
                .andExpect(status().isBadRequest());
        mvc.perform(post("/api/social-assistance/cases/" + caseId + "/close").header("Authorization", operator)
                        .contentType(MediaType.APPLICATION_JSON).content("{\"outcome\":\"已推荐公益性岗位，家庭收入恢复\"}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("CLOSED"))
                .andExpect(jsonPath("$.outcome").value("已推荐公益性岗位，家庭收入恢复"));
        mvc.perform(post("/api/social-assistance/cases/" + caseId + "/close").header("Authorization", operator)
                        .contentType(MediaType.APPLICATION_JSON).content("{\"outcome\":\"再办结一次\"}"))
                .andExpect(status().isUnprocessableContent());
        CaseClosed closed = bus.awaitEvent(Topics.SOCIAL_ASSISTANCE_MEASURE, householdId.toString(), CaseClosed.class).data();
        assertThat(closed.assignmentId()).isEqualTo(alert.assignmentFor(Bureau.CIVIL_AFFAIRS).assignmentId());
        assertThat(count("select count(*) from outbox_event where aggregateid = :h and type = 'CaseClosed'",
                householdId.toString())).isEqualTo(1);
        assertThat(caseIds(operator, "status=OPEN")).containsExactlyInAnyOrder(otherCase, lateCase);
    }

    @Test
    void shouldDecideAnApplicationOnceAndPayAMonthOnceWhenOperatorsActAtTheSameTime() throws Exception {
        clock.set(chinaMorning("2026-09-30"));
        String operator = token("210411");
        Person head = new Person(UUID.randomUUID(), "何示山", "2104**********6011", "户主", "NONE");
        UUID householdId = register("210411100201", HouseholdCategory.OUT_OF_POVERTY, head);
        String applicationId = JsonPath.read(submit(operator, householdId, null, "DIBAO", List.of(), "0", "0", "0",
                member(head, "NONE", "0")).andExpect(status().isCreated()).andReturn().getResponse().getContentAsString(), "$.id");

        List<Integer> reviews = inParallel(4, () -> review(reviewer("210411"), applicationId, true, "同时审核")
                .andReturn().getResponse().getStatus());
        assertThat(reviews).containsExactlyInAnyOrder(200, 422, 422, 422);
        List<Integer> answers = inParallel(4, () -> decide(approver("210411"), applicationId, true, "同时审批").andReturn()
                .getResponse().getStatus());

        assertThat(answers).containsExactlyInAnyOrder(200, 422, 422, 422);
        assertThat(count("select count(*) from assistance_grant where household_id = :h", householdId)).isEqualTo(1);
        assertThat(count("select count(*) from outbox_event where aggregateid = :h and type = 'AssistanceStatusChanged'",
                householdId.toString())).isEqualTo(1);

        clock.set(chinaMorning("2026-10-08"));
        List<Integer> paid = inParallel(4, () -> JsonPath.read(payroll(operator, "210411", "2026-10")
                .andReturn().getResponse().getContentAsString(), "$.paid"));
        assertThat(paid).containsExactlyInAnyOrder(1, 0, 0, 0);
        assertThat(count("select count(*) from grant_payment p join assistance_grant g on g.id = p.grant_id "
                + "where g.household_id = :h", householdId)).isEqualTo(1);
    }

    private static <T> List<T> inParallel(int times, java.util.concurrent.Callable<T> work) throws Exception {
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(times);
        java.util.concurrent.CountDownLatch start = new java.util.concurrent.CountDownLatch(1);
        try {
            List<java.util.concurrent.Future<T>> futures = new java.util.ArrayList<>();
            for (int i = 0; i < times; i++) {
                futures.add(pool.submit(() -> {
                    start.await();
                    return work.call();
                }));
            }
            start.countDown();
            List<T> results = new java.util.ArrayList<>();
            for (java.util.concurrent.Future<T> future : futures) {
                results.add(future.get());
            }
            return results;
        } finally {
            pool.shutdown();
        }
    }

    @Test
    void shouldStopALeaversShareFromTheNextMonthListTheGrantForReviewAndFollowAMove() throws Exception {
        clock.set(chinaMorning("2026-03-31"));
        String operator = token("210421");
        Person head = new Person(UUID.randomUUID(), "孙示国", "2104**********2011", "户主", "PARTIAL");
        Person spouse = new Person(UUID.randomUUID(), "周示兰", "2104**********2022", "配偶", "NONE");
        Person son = new Person(UUID.randomUUID(), "孙示明", "2104**********2033", "子女", "FULL");
        UUID householdId = register("210421100201", HouseholdCategory.OUT_OF_POVERTY, head, spouse, son);
        String caseId = caseFor(householdId, alert(householdId, "210421100201", RiskType.ILLNESS));
        String applicationId = submit(operator, householdId, caseId, "DIBAO", List.of(), "12000", "1800", "4000",
                member(head, "PARTIAL", "2000"), member(spouse, "NONE", "0"), member(son, "FULL", "10000"))
                .andExpect(status().isCreated()).andReturn().getResponse().getHeader("Location").replaceAll(".*/", "");
        reviewed(applicationId, "210421");
        String grantId = JsonPath.read(decide(approver("210421"), applicationId, true, "入户核查属实").andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString(), "$.grantId");
        clock.set(chinaMorning("2026-04-10"));
        payroll(operator, "210421", "2026-04").andExpect(jsonPath("$.total").value(1043.34));

        // the spouse died on 15 April: her share (1,043.34 / 3) stops from May, the grant goes on for two and is reviewed
        clock.set(chinaMorning("2026-04-20"));
        EventEnvelope<HouseholdChanged> death = EventEnvelope.of("monitoring", householdId.toString(), "210421100201",
                changed(householdId, 2, HouseholdChanged.Kind.MEMBER_LEFT, "210421100201", spouse.id(), head, spouse, son));
        bus.publish(Topics.MONITORING_HOUSEHOLD, death);
        bus.publish(Topics.MONITORING_HOUSEHOLD, death);
        bus.publish(Topics.MONITORING_HOUSEHOLD, EventEnvelope.of("monitoring", householdId.toString(), "210421100201",
                death.data()));
        AssistanceStatusChanged stopped = bus.awaitEvent(Topics.SOCIAL_ASSISTANCE_STATUS, householdId.toString(),
                AssistanceStatusChanged.class, e -> e.status() == AssistanceStatusChanged.Status.STOPPED).data();
        assertThat(stopped.persons()).extracting(AssistanceStatusChanged.Person::personId).containsExactly(spouse.id());
        assertThat(stopped.amount()).isEqualByComparingTo("347.78");
        assertThat(stopped.effectiveFrom()).isEqualTo(LocalDate.parse("2026-05-01"));
        assertThat(stopped.reason()).contains("死亡");
        mvc.perform(get("/api/social-assistance/grants/" + grantId).header("Authorization", operator))
                .andExpect(jsonPath("$.grant.status").value("ACTIVE"))
                .andExpect(jsonPath("$.grant.nextReview").value("2026-04-20"))
                .andExpect(jsonPath("$.grant.reviewReason").value("MEMBER_LEFT"))
                .andExpect(jsonPath("$.covered[?(@.personId == '" + spouse.id() + "')].stopMonth").value("2026-05"))
                .andExpect(jsonPath("$.covered[?(@.personId == '" + spouse.id() + "')].share").value(347.78))
                .andExpect(jsonPath("$.covered[?(@.personId == '" + son.id() + "')].stopMonth").value(org.hamcrest.Matchers.contains((Object) null)));
        mvc.perform(get("/api/social-assistance/grants?reviewDueBy=2026-04-30").header("Authorization", operator))
                .andExpect(jsonPath("$.items[?(@.id == '" + grantId + "')]").exists());
        mvc.perform(get("/api/social-assistance/cases/" + caseId).header("Authorization", operator))
                .andExpect(jsonPath("$.household.members[?(@.personId == '" + spouse.id() + "')].status").value("LEFT"));

        clock.set(chinaMorning("2026-05-06"));
        payroll(operator, "210421", "2026-05").andExpect(jsonPath("$.paid").value(1))
                .andExpect(jsonPath("$.total").value(695.56));
        assertThat(count("select count(*) from grant_person where grant_id = :h and stop_month is not null",
                UUID.fromString(grantId))).isEqualTo(1);

        // the household moves to 清原: its case and grant are 清原's from now on
        bus.publish(Topics.MONITORING_HOUSEHOLD, EventEnvelope.of("monitoring", householdId.toString(), "210423100201",
                changed(householdId, 3, HouseholdChanged.Kind.DIVISION, "210423100201", null, head, spouse, son)));
        String qingyuan = token("210423");
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                mvc.perform(get("/api/social-assistance/cases/" + caseId).header("Authorization", qingyuan))
                        .andExpect(status().isOk()));
        mvc.perform(get("/api/social-assistance/cases/" + caseId).header("Authorization", operator))
                .andExpect(status().isNotFound());
        mvc.perform(get("/api/social-assistance/grants/" + grantId).header("Authorization", qingyuan))
                .andExpect(status().isOk());
        // and so does the alert it was opened for
        mvc.perform(get("/api/social-assistance/alerts").header("Authorization", qingyuan))
                .andExpect(jsonPath("$.items[?(@.householdId == '" + householdId + "')].divisionCode").value("210423100201"));
        mvc.perform(get("/api/social-assistance/alerts").header("Authorization", operator))
                .andExpect(jsonPath("$.items[?(@.householdId == '" + householdId + "')]").isEmpty());
    }

    /** The registry's state after a change: the spouse left on 15 April. */
    private static HouseholdChanged changed(UUID householdId, int revision, HouseholdChanged.Kind kind, String division,
                                            UUID about, Person head, Person spouse, Person son) {
        List<HouseholdChanged.Member> members = java.util.stream.Stream.of(head, spouse, son)
                .map(p -> p == spouse
                        ? new HouseholdChanged.Member(p.id(), "f".repeat(64), p.name(), p.maskedId(), p.relationship(),
                        p.capacity(), HouseholdChanged.MemberStatus.LEFT, LocalDate.parse("2026-04-15"),
                        HouseholdChanged.Reason.DEATH, 1975)
                        : new HouseholdChanged.Member(p.id(), "e".repeat(64), p.name(), p.maskedId(), p.relationship(),
                        p.capacity(), HouseholdChanged.MemberStatus.ACTIVE, null, null, 1970))
                .toList();
        return new HouseholdChanged(householdId, revision, kind,
                kind == HouseholdChanged.Kind.DIVISION ? HouseholdChanged.Reason.RELOCATION : HouseholdChanged.Reason.DEATH,
                LocalDate.parse("2026-04-15"), about, division, "210421100201", HouseholdCategory.OUT_OF_POVERTY, false,
                head.name(), members, Instant.now());
    }

    // ---- helpers ----

    private static String token(String county) {
        return "Bearer " + TestTokens.user("operator-" + county, county, "civil-affairs-operator");
    }

    /** The county's township reviewer (乡镇审核); the tests' townships are the county's. */
    private static String reviewer(String county) {
        return "Bearer " + TestTokens.user("reviewer-" + county, county, "civil-affairs-reviewer");
    }

    /** The county's civil-affairs approver (县民政局审批). */
    private static String approver(String county) {
        return "Bearer " + TestTokens.user("approver-" + county, county, "civil-affairs-approver");
    }

    private UUID register(String village, HouseholdCategory category, Person... people) throws Exception {
        UUID householdId = UUID.randomUUID();
        bus.publish(Topics.MONITORING_HOUSEHOLD, EventEnvelope.of("monitoring", householdId.toString(), village,
                new HouseholdRegistered(householdId, village, category, false, people[0].name(),
                        java.util.Arrays.stream(people).map(p -> new HouseholdRegistered.Member(p.id(),
                                UUID.randomUUID().toString().replace("-", "") + UUID.randomUUID().toString().replace("-", ""),
                                p.name(), p.maskedId(), p.relationship(), p.capacity())).toList())));
        await().atMost(Duration.ofSeconds(30)).until(() ->
                count("select count(*) from roster_member where household_id = :h", householdId) == people.length);
        return householdId;
    }

    private static RiskAlertRaised alert(UUID householdId, String village, RiskType risk) {
        return new RiskAlertRaised(UUID.randomUUID(), householdId, village, List.of(risk), "监测预警：" + risk.name(),
                Instant.now(), List.of(new RiskAlertRaised.Assignment(UUID.randomUUID(), Bureau.CIVIL_AFFAIRS,
                LocalDate.now().plusDays(15))));
    }

    private String caseFor(UUID householdId, RiskAlertRaised alert) throws Exception {
        bus.publish(Topics.MONITORING_RISK_ALERT, EventEnvelope.of("monitoring", householdId.toString(),
                alert.divisionCode(), alert));
        return bus.awaitEvent(Topics.SOCIAL_ASSISTANCE_MEASURE, householdId.toString(), AssignmentAcknowledged.class)
                .data().caseReference();
    }

    private static Map<String, Object> member(Person p, String capacity, String ownIncome) {
        return member(p, capacity, ownIncome, false);
    }

    private static Map<String, Object> member(Person p, String capacity, String ownIncome, boolean underSixteen) {
        return Map.of("personId", p.id(), "capacity", capacity, "ownYearlyIncome", new java.math.BigDecimal(ownIncome),
                "underSixteen", underSixteen);
    }

    @SafeVarargs
    private ResultActions submit(String token, UUID householdId, String caseId, String programme, List<UUID> covered,
                                 String income, String pension, String illness, Map<String, Object>... members)
            throws Exception {
        Map<String, Object> body = new java.util.HashMap<>();
        body.put("householdId", householdId);
        body.put("caseId", caseId);
        body.put("programme", programme);
        body.put("coveredPersons", covered);
        body.put("declaration", Map.of("totalIncome", new java.math.BigDecimal(income),
                "basicPension", new java.math.BigDecimal(pension), "illnessSpending", new java.math.BigDecimal(illness),
                "schoolingSpending", 0, "employmentCosts", 0));
        body.put("members", List.of(members));
        return mvc.perform(post("/api/social-assistance/applications").header("Authorization", token)
                .contentType(MediaType.APPLICATION_JSON).content(json(body)));
    }

    private ResultActions review(String token, String applicationId, boolean recommend, String opinion) throws Exception {
        return mvc.perform(post("/api/social-assistance/applications/" + applicationId + "/review")
                .header("Authorization", token).contentType(MediaType.APPLICATION_JSON)
                .content(json(Map.of("recommend", recommend, "opinion", opinion))));
    }

    /** Reviewed in favour by the county's reviewer, ready for the approver. */
    private void reviewed(String applicationId, String county) throws Exception {
        review(reviewer(county), applicationId, true, "乡镇审核：情况属实").andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("REVIEWED"));
    }

    private ResultActions decide(String token, String applicationId, boolean approve, String reason) throws Exception {
        return mvc.perform(post("/api/social-assistance/applications/" + applicationId + "/decision")
                .header("Authorization", token).contentType(MediaType.APPLICATION_JSON)
                .content(json(Map.of("approve", approve, "reason", reason))));
    }

    /**
     * Civil affairs' monthly feed (报送完整性): a 特困 status change counts for its county and month;
     * after the deadline the month is checked once, and the counties with no status change are
     * published once. February 2025, a month no other test decides in.
     */
    @Test
    void shouldCountAStatusChangeInTheFeedAndPublishTheMissedDeadlineOnceWhenCheckedTwice() throws Exception {
        clock.set(chinaMorning("2025-02-10"));
        Person elder = new Person(UUID.randomUUID(), "孙示福", "2104**********5011", "户主", "NONE");
        UUID householdId = register("210423100201", HouseholdCategory.OUT_OF_POVERTY, elder);
        String tekun = JsonPath.read(submit(token("210423"), householdId, null, "TEKUN", List.of(elder.id()), "1200",
                "1200", "0", member(elder, "NONE", "0")).andExpect(status().isCreated()).andReturn().getResponse()
                .getContentAsString(), "$.id");
        reviewed(tekun, "210423");
        decide(approver("210423"), tekun, true, "无劳动能力、无生活来源、无法定赡养人").andExpect(status().isOk());
        String analyst = "Bearer " + TestTokens.user("city-analyst", "210400", "analyst");

        mvc.perform(get("/api/social-assistance/feeds?bureau=CIVIL_AFFAIRS&month=2025-02&size=7")
                        .header("Authorization", analyst))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.total").value(7))
                .andExpect(jsonPath("$.due").value(false))
                .andExpect(jsonPath("$.items[6].county").value("210423"))
                .andExpect(jsonPath("$.items[6].state").value("ON_TIME"))
                .andExpect(jsonPath("$.items[6].onTime").value(1))
                .andExpect(jsonPath("$.items[5].state").value("PENDING"));
        mvc.perform(get("/api/social-assistance/feeds?bureau=HEALTH&month=2025-02").header("Authorization", analyst))
                .andExpect(status().isNotFound());

        clock.set(chinaMorning("2025-03-06"));
        List<FeedDeadlineMissed> first = feeds.check(java.time.YearMonth.of(2025, 2));
        List<FeedDeadlineMissed> again = feeds.check(java.time.YearMonth.of(2025, 2));

        assertThat(first).singleElement().satisfies(missed -> {
            assertThat(missed.bureau()).isEqualTo(Bureau.CIVIL_AFFAIRS);
            assertThat(missed.missingCounties()).containsExactly("210402", "210403", "210404", "210411", "210421", "210422");
            assertThat(missed.lateCounties()).isEmpty();
        });
        assertThat(again).isEmpty();
        FeedDeadlineMissed published = bus.awaitEvent(Topics.SOCIAL_ASSISTANCE_FEED, "2025-02/CIVIL_AFFAIRS",
                FeedDeadlineMissed.class).data();
        assertThat(published.month()).isEqualTo("2025-02");
        // the topic also carries the months' MonthlyTotals of the payrolls and payouts
        assertThat(count("select count(*) from outbox_event where topic = :h and type = 'FeedDeadlineMissed'",
                Topics.SOCIAL_ASSISTANCE_FEED)).isEqualTo(1);
    }

    /** In 东洲区 (210403), which no other test pays. */
    @Test
    void shouldPageGrantsWithTheirTotal() throws Exception {
        String village = "210403100201";
        String operator = "Bearer " + TestTokens.user("dongzhou-operator", "210403", "civil-affairs-operator");
        List<String> granted = new java.util.ArrayList<>();
        for (int i = 0; i < 5; i++) {
            granted.add(grant(village, i == 4 ? "STOPPED" : "ACTIVE").toString());
        }

        List<String> listed = Pages.readAll(mvc, "/api/social-assistance/grants", operator, 3, 5).stream()
                .map(item -> (String) item.get("id")).toList();
        assertThat(listed).containsExactlyInAnyOrderElementsOf(granted);
        // the filter counts what it keeps: the stopped grant is due for no review
        mvc.perform(get("/api/social-assistance/grants?reviewDueBy=2099-12-31").header("Authorization", operator))
                .andExpect(jsonPath("$.total").value(4))
                .andExpect(jsonPath("$.items[?(@.id == '" + granted.get(4) + "')]").isEmpty());

        mvc.perform(get("/api/social-assistance/grants?size=201").header("Authorization", operator))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.title").value("请求无效"))
                .andExpect(jsonPath("$.errors[?(@.field == 'size')].message").value("每页最多200条"));
    }

    /** A granted application and its grant as the decision would have left them; one review date for all. */
    private UUID grant(String village, String status) {
        UUID household = RosterFixtures.registered(jdbc, village, UUID.randomUUID(), "FULL");
        UUID application = UUID.randomUUID();
        jdbc.sql("""
                insert into assistance_application (id, household_id, division_code, programme, total_income, basic_pension,
                    illness_spending, schooling_spending, employment_costs, status, submitted_by)
                values (:id, :h, :v, 'DIBAO', 0, 0, 0, 0, 0, 'GRANTED', 'test')""")
                .param("id", application).param("h", household).param("v", village).update();
        UUID grant = UUID.randomUUID();
        jdbc.sql("""
                insert into assistance_grant (id, application_id, household_id, division_code, programme, monthly_amount,
                    first_month, next_review, status, granted_on)
                values (:id, :a, :h, :v, 'DIBAO', 500.00, date '2026-01-01', date '2026-12-31', :status, date '2025-12-15')""")
                .param("id", grant).param("a", application).param("h", household).param("v", village)
                .param("status", status).update();
        return grant;
    }

    private ResultActions payroll(String token, String county, String month) throws Exception {
        return mvc.perform(post("/api/social-assistance/payrolls").header("Authorization", token)
                .contentType(MediaType.APPLICATION_JSON).content(json(Map.of("county", county, "month", month))));
    }

    private List<String> caseIds(String token, String query) throws Exception {
        return JsonPath.read(queue(token, query).andExpect(status().isOk()).andReturn().getResponse().getContentAsString(),
                "$.items[*].caseId");
    }

    private ResultActions queue(String token, String query) throws Exception {
        return mvc.perform(get("/api/social-assistance/cases?" + query).header("Authorization", token));
    }

    private static String json(Object body) {
        return tools.jackson.databind.json.JsonMapper.builder().build().writeValueAsString(body);
    }

    private long count(String sql, Object household) {
        return jdbc.sql(sql).param("h", household).query(Long.class).single();
    }
}
