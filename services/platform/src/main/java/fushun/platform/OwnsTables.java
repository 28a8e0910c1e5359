package fushun.platform;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Names the tables a feature owns, on its top package's {@code package-info.java}. Only the
 * owning feature's classes name these tables in SQL; other features ask its application service.
 * The services' architecture tests read it (from the source) and hold every table created by the
 * service's migrations to exactly one owner.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.PACKAGE)
public @interface OwnsTables {

    /** Table names as the migrations create them, without schema. */
    String[] value();
}
