package fushun.monitoring.departmentfeed;

import fushun.platform.pii.ResidentIdNumbers;
import fushun.platform.web.ControlCharacters;
import java.time.LocalDate;
import java.time.Period;
import java.util.Locale;
import java.util.Optional;

/**
 * What one row of a feed says, by its kind's definition. Pure: the table of cases is tested without
 * Spring. Cells are never quoted back in a reason (the ID number is personal data; a shifted column
 * could put one anywhere).
 */
public final class DepartmentFeedRule {

    /** What a row leads to. */
    public sealed interface Outcome permits Finding, NoFinding, Refused {
    }

    /**
     * The row meets the condition: its person's household is to be signalled. {@code ageAtDate} is
     * the person's age on the file's date when the kind has an age range, else {@code null}.
     */
    public record Finding(String idNumber, Integer ageAtDate) implements Outcome {
    }

    /** A good row that raises nothing (enrolled, safe, outside the age range). */
    public record NoFinding() implements Outcome {
    }

    /** A bad row: the column it is about and why, in Chinese. */
    public record Refused(String column, String reason) implements Outcome {
    }

    private DepartmentFeedRule() {
    }

    /**
     * {@code describedOn}: the date the file describes (ages are taken on it); {@code today}: China's
     * today, the latest birth date an ID number may carry.
     */
    public static Outcome apply(FeedKind kind, String idCell, String valueCell, LocalDate describedOn, LocalDate today) {
        String id = idCell == null ? "" : idCell.trim().toUpperCase(Locale.ROOT);
        String value = valueCell == null ? "" : valueCell.trim();
        if (ControlCharacters.inParameter(id)) {
            return new Refused(kind.idColumn(), "含有不可见的控制字符");
        }
        if (ControlCharacters.inParameter(value)) {
            return new Refused(kind.valueColumn(), "含有不可见的控制字符");
        }
        if (id.isEmpty()) {
            return new Refused(kind.idColumn(), "请填写" + kind.idColumn());
        }
        if (!ResidentIdNumbers.isValid(id, today)) {
            return new Refused(kind.idColumn(), "身份证号无效（应为18位，校验位和出生日期正确）");
        }
        if (!kind.allowedValues().contains(value)) {
            return new Refused(kind.valueColumn(), (value.isEmpty() ? "请填写" + kind.valueColumn() + "，" : "")
                    + "应为 " + String.join(" 或 ", kind.allowedValues()));
        }
        boolean met = switch (kind.condition()) {
            case VALUE_IN -> kind.conditionValues().contains(value);
        };
        if (!met) {
            return new NoFinding();
        }
        if (kind.ageFrom() == null && kind.ageTo() == null) {
            return new Finding(id, null);
        }
        Optional<Integer> age = ageOn(id, describedOn);
        if (age.isEmpty() || kind.ageFrom() != null && age.get() < kind.ageFrom()
                || kind.ageTo() != null && age.get() > kind.ageTo()) {
            return new NoFinding();
        }
        return new Finding(id, age.get());
    }

    /** Full years on the day from the ID number's birth date; empty when born after that day. */
    static Optional<Integer> ageOn(String idNumber, LocalDate day) {
        return ResidentIdNumbers.birthDate(idNumber).filter(birth -> !birth.isAfter(day))
                .map(birth -> Period.between(birth, day).getYears());
    }
}
