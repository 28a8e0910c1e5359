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

/**
 * A calendar year of figures (an income year, an asset's operating income): not before
 * {@link #notBefore()}, not after this year (China's, by the validator's clock) plus
 * {@link #maxYearsAhead()}. The default bounds are the monitoring's: its first line is 2021's, and
 * next year's income may be entered as expected; a later year is a typing error. Null is valid.
 */
@Documented
@Retention(RUNTIME)
@Target({FIELD, METHOD, PARAMETER, ANNOTATION_TYPE, TYPE_USE})
@Constraint(validatedBy = PlausibleYear.Validator.class)
public @interface PlausibleYear {

    /** The first monitoring line is 2021's. */
    int notBefore() default 2021;

    int maxYearsAhead() default 1;

    /** Empty: a message that names the bound crossed. */
    String message() default "";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    final class Validator implements ConstraintValidator<PlausibleYear, Integer> {
        private PlausibleYear bounds;

        @Override
        public void initialize(PlausibleYear annotation) {
            bounds = annotation;
        }

        @Override
        public boolean isValid(Integer year, ConstraintValidatorContext context) {
            if (year == null) {
                return true;
            }
            int latest = PlatformTime.today(context.getClockProvider().getClock()).getYear() + bounds.maxYearsAhead();
            if (year >= bounds.notBefore() && year <= latest) {
                return true;
            }
            if (bounds.message().isEmpty()) {
                context.disableDefaultConstraintViolation();
                context.buildConstraintViolationWithTemplate(year < bounds.notBefore()
                        ? "年份不能早于" + bounds.notBefore() + "年" : "年份不能晚于" + latest + "年").addConstraintViolation();
            }
            return false;
        }
    }
}
