package fushun.monitoring.departmentfeed;

import static org.assertj.core.api.Assertions.assertThat;

import fushun.contracts.Bureau;
import fushun.contracts.RiskType;
import fushun.platform.pii.ResidentIdNumbers;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * One row of a feed by its kind's definition, worked by hand: a pupil roster dated 2026-09-01 (ages
 * 6–15 counted in full years on that day), a water census and 残联's disability register without an
 * age range, read on 2026-12-02. ID numbers are synthetic (sequence 9xx) with the birth date of the case.
 */
class DepartmentFeedRuleTest {

    private static final LocalDate ROSTER_DATE = LocalDate.of(2026, 9, 1);
    private static final LocalDate TODAY = LocalDate.of(2026, 12, 2);

    static final FeedKind PUPILS = new FeedKind("EDUCATION_PUPIL_ROSTER", LocalDate.of(2021, 1, 1), Bureau.EDUCATION,
            "学生花名册", RiskType.SCHOOL_DROPOUT, "身份证号", "在校状态", List.of("在校", "未在校"),
            FeedKind.Condition.VALUE_IN, List.of("未在校"), 6, 15, "义务教育阶段适龄儿童未在校");
    static final FeedKind WATER = new FeedKind("WATER_CENSUS", LocalDate.of(2021, 1, 1), Bureau.WATER,
            "农村饮水安全普查", RiskType.DRINKING_WATER, "户主身份证号", "饮水安全", List.of("安全", "不安全"),
            FeedKind.Condition.VALUE_IN, List.of("不安全"), null, null, "农户饮水不安全");
    static final FeedKind DISABLED = new FeedKind("DISABLED_PERSONS_REGISTER", LocalDate.of(2021, 1, 1),
            Bureau.DISABLED_PERSONS_FEDERATION, "残疾人登记册", RiskType.DISABILITY, "身份证号", "残疾等级",
            List.of("一级", "二级", "三级", "四级"), FeedKind.Condition.VALUE_IN, List.of("一级", "二级"), null, null,
            "家庭成员为重度残疾人", FeedKind.PersonEvent.DISABILITY_REGISTERED);

    @ParameterizedTest(name = "{0}: born {1}, value [{2}] → {3} {4}")
    @CsvSource(nullValues = "-", ignoreLeadingAndTrailingWhitespace = false, value = {
            // kind,  birth (or: BAD_CHECK, BLANK, LOWER_X),  value,   outcome,  age or refused column
            "PUPILS,2014-05-10,未在校,FINDING,12",
            "PUPILS,2014-05-10,在校,NONE,-",
            "PUPILS,2009-03-01,未在校,NONE,-",          // 17: past compulsory schooling
            "PUPILS,2010-09-01,未在校,NONE,-",          // 16 on the roster's date
            "PUPILS,2010-09-02,未在校,FINDING,15",      // 16 only the next day
            "PUPILS,2020-09-01,未在校,FINDING,6",       // 6 on the day
            "PUPILS,2020-09-02,未在校,NONE,-",          // still 5
            "PUPILS,2026-10-01,未在校,NONE,-",          // born after the roster's date, before today
            "PUPILS,2014-05-10,  未在校 ,FINDING,12",   // spaces around a value are not part of it
            "PUPILS,2014-05-10,休学,REFUSED,在校状态",
            "PUPILS,2014-05-10,,REFUSED,在校状态",
            "PUPILS,2014-05-10,未\u0007在校,REFUSED,在校状态",  // inside a value (at its ends trimmed like a space)
            "PUPILS,BAD_CHECK,未在校,REFUSED,身份证号",
            "PUPILS,BAD_CHECK,在校,REFUSED,身份证号",     // a bad number is an error whatever the value
            "PUPILS,BLANK,未在校,REFUSED,身份证号",
            "PUPILS,2027-01-01,未在校,REFUSED,身份证号", // a birth date after today
            "PUPILS,2013-02-30,未在校,REFUSED,身份证号", // no such day
            "WATER,1962-07-15,不安全,FINDING,-",
            "WATER,1962-07-15,安全,NONE,-",
            "WATER,1962-07-15,不 安全,REFUSED,饮水安全",
            "WATER,BAD_CHECK,不安全,REFUSED,户主身份证号",
            // 残联's register: 一级 and 二级 are severe (重度残疾), at any age; 三级 and 四级 are good rows
            "DISABLED,1975-04-20,一级,FINDING,-",
            "DISABLED,2019-01-05,二级,FINDING,-",
            "DISABLED,1975-04-20,三级,NONE,-",
            "DISABLED,1975-04-20,四级,NONE,-",
            "DISABLED,1975-04-20,1级,REFUSED,残疾等级",
            "DISABLED,1975-04-20,重度,REFUSED,残疾等级",
    })
    void shouldDecideARowByItsKind(String kindName, String birth, String value, String outcome, String detail) {
        FeedKind kind = switch (kindName) {
            case "PUPILS" -> PUPILS;
            case "DISABLED" -> DISABLED;
            default -> WATER;
        };

        DepartmentFeedRule.Outcome result = DepartmentFeedRule.apply(kind, idNumber(birth), value, ROSTER_DATE, TODAY);

        switch (outcome) {
            case "FINDING" -> {
                assertThat(result).isInstanceOf(DepartmentFeedRule.Finding.class);
                DepartmentFeedRule.Finding finding = (DepartmentFeedRule.Finding) result;
                assertThat(finding.idNumber()).isEqualTo(idNumber(birth));
                assertThat(finding.ageAtDate()).isEqualTo(detail == null ? null : Integer.valueOf(detail));
            }
            case "NONE" -> assertThat(result).isEqualTo(new DepartmentFeedRule.NoFinding());
            default -> {
                assertThat(result).isInstanceOf(DepartmentFeedRule.Refused.class);
                assertThat(((DepartmentFeedRule.Refused) result).column()).isEqualTo(detail);
            }
        }
    }

    @Test
    void shouldNeverQuoteTheCellsInAReason() {
        String number = idNumber("BAD_CHECK");

        DepartmentFeedRule.Refused refused = (DepartmentFeedRule.Refused) DepartmentFeedRule.apply(PUPILS, number, "未在校",
                ROSTER_DATE, TODAY);
        DepartmentFeedRule.Refused badValue = (DepartmentFeedRule.Refused) DepartmentFeedRule.apply(PUPILS,
                idNumber("2014-05-10"), "辍学在家", ROSTER_DATE, TODAY);

        assertThat(refused.reason()).doesNotContain(number).doesNotContain(number.substring(0, 17));
        assertThat(badValue.reason()).isEqualTo("应为 在校 或 未在校").doesNotContain("辍学在家");
    }

    @Test
    void shouldReadALowerCaseXAsTheCheckCharacter() {
        // 21042220140510 + 9 + sequence chosen so that the check character is X
        String upper = withCheckX();

        DepartmentFeedRule.Outcome result = DepartmentFeedRule.apply(PUPILS, upper.toLowerCase(), "未在校", ROSTER_DATE, TODAY);

        assertThat(result).isEqualTo(new DepartmentFeedRule.Finding(upper, 12));
    }

    /** A synthetic number born on the day, or a broken one. */
    private static String idNumber(String birth) {
        if ("BLANK".equals(birth)) {
            return "  ";
        }
        if ("BAD_CHECK".equals(birth)) {
            String good = idNumber("2014-05-10");
            return good.substring(0, 17) + (good.charAt(17) == '1' ? '2' : '1');
        }
        String first17 = "210422" + birth.replace("-", "") + "901";
        if ("2013-02-30".equals(birth)) {
            return first17 + "0"; // the date is refused before the check character matters
        }
        return first17 + ResidentIdNumbers.checkCharacter(first17);
    }

    private static String withCheckX() {
        for (int sequence = 900; sequence < 1000; sequence++) {
            String first17 = "21042220140510" + sequence;
            if (ResidentIdNumbers.checkCharacter(first17) == 'X') {
                return first17 + "X";
            }
        }
        throw new AssertionError("no sequence 900-999 gives X");
    }
}
