package fushun.platform.validation;

import static java.lang.annotation.ElementType.ANNOTATION_TYPE;
import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.ElementType.METHOD;
import static java.lang.annotation.ElementType.PARAMETER;
import static java.lang.annotation.ElementType.TYPE_USE;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import fushun.platform.PlatformTime;
import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;
import java.time.LocalDate;
import java.time.YearMonth;

/**
 * The day (a {@link LocalDate}) or month (a {@link YearMonth}, by its first day) of something that
 * happened, or is about to: not before {@link #notBefore()}, not after today (China's, by the
 * validator's clock) plus {@link #maxDaysAhead()}. Null is valid: {@code @NotNull} says whether the
 * date is required. It keeps year 0, 1900 and 9999 out of the records, where they would break ages,
 * deadlines and yearly figures.
 *
 * <p>Lower bounds, by what the date records:
 * <ul>
 *   <li>{@link #POVERTY_REGISTRATION_ERA} (2014-01-01, the default): history kept since the
 *       poverty registration (建档立卡) began in 2014, such as housing appraisals and renovations,
 *       trainings, public-welfare posts and their attendance; a bureau may enter such a record late;</li>
 *   <li>{@link #MONITORING_ERA} (2021-01-01): what exists only since the 2021 monitoring mechanism
 *       and its first monitoring line, such as cadres' visits, measures, screenings, payrolls and
 *       policy parameters;</li>
 *   <li>a person's own history (employed since) may go back further; such a field names its bound.</li>
 * </ul>
 * Upper bound: {@code maxDaysAhead = 0} (the default) for what has happened; more for what is
 * planned (a parameter in force from next year, next month's payroll).
 */
@Documented
@Retention(RUNTIME)
@Target({FIELD, METHOD, PARAMETER, ANNOTATION_TYPE, TYPE_USE})
@Constraint(validatedBy = {PlausibleDate.ForLocalDate.class, PlausibleDate.ForYearMonth.class})
public @interface PlausibleDate {

    /** 建档立卡: the poverty registration began in 2014. */
    String POVERTY_REGISTRATION_ERA = "2014-01-01";

    /** The monitoring mechanism and its first monitoring line, 2021. */
    String MONITORING_ERA = "2021-01-01";

    /** The earliest day accepted, ISO (yyyy-MM-dd). */
    String notBefore() default POVERTY_REGISTRATION_ERA;

    /** How many days after today are still accepted; 0: today at the latest. */
    int maxDaysAhead() default 0;

    /** Empty: a message that names the bound crossed. */
    String message() default "";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    /** Shared by both validators: the bounds and the message of the bound crossed. */
    abstract class Bounds {
        private LocalDate earliest;
        private int maxDaysAhead;
        private String message;

        public void initialize(PlausibleDate annotation) {
            earliest = LocalDate.parse(annotation.notBefore());
            maxDaysAhead = annotation.maxDaysAhead();
            message = annotation.message();
        }

        boolean check(LocalDate day, boolean month, ConstraintValidatorContext context) {
            LocalDate latest = PlatformTime.today(context.getClockProvider().getClock()).plusDays(maxDaysAhead);
            if (!day.isBefore(earliest) && !day.isAfter(latest)) {
                return true;
            }
            if (message.isEmpty()) {
                String what = month ? "月份" : "日期";
                String text = day.isBefore(earliest)
                        ? what + "不能早于" + (month ? YearMonth.from(earliest).toString() : earliest.toString())
                        : what + "不能晚于" + (month ? "本月" : "今天") + (maxDaysAhead == 0 ? "" : "之后" + maxDaysAhead + "天");
                context.disableDefaultConstraintViolation();
                context.buildConstraintViolationWithTemplate(text).addConstraintViolation();
            }
            return false;
        }
    }

    /** A day. */
    final class ForLocalDate extends Bounds implements ConstraintValidator<PlausibleDate, LocalDate> {
        @Override
        public boolean isValid(LocalDate value, ConstraintValidatorContext context) {
            return value == null || check(value, false, context);
        }
    }

    /** A month, by its first day: with {@code maxDaysAhead = 0} the current month is the latest. */
    final class ForYearMonth extends Bounds implements ConstraintValidator<PlausibleDate, YearMonth> {
        @Override
        public boolean isValid(YearMonth value, ConstraintValidatorContext context) {
            return value == null || check(value.atDay(1), true, context);
        }
    }
}
