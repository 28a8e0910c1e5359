package fushun.platform.testsupport;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;

/**
 * The layering every service keeps, as ArchUnit rules over its main classes: controllers
 * ({@code ..web..}) and listeners ({@code ..inbound..}) call application services and never JDBC
 * themselves; a feature's {@code internal} package is its own.
 */
public final class FeatureLayering {

    private final String basePackage;
    private final JavaClasses classes;

    private FeatureLayering(String basePackage) {
        this.basePackage = basePackage;
        this.classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_JARS)
                .importPackages(basePackage);
    }

    public static FeatureLayering of(String basePackage) {
        return new FeatureLayering(basePackage);
    }

    public void check() {
        controllersDoNotUseJdbc().check(classes);
        listenersDoNotUseJdbc().check(classes);
        internalsStayInTheirFeature().check(classes);
    }

    ArchRule controllersDoNotUseJdbc() {
        return noClasses().that().resideInAPackage(basePackage + "..web..")
                .should().dependOnClassesThat().resideInAnyPackage("org.springframework.jdbc..", "javax.sql..")
                .because("controllers call the feature's application service, which owns the SQL")
                .allowEmptyShould(true);
    }

    ArchRule listenersDoNotUseJdbc() {
        return noClasses().that().resideInAPackage(basePackage + "..inbound..")
                .should().dependOnClassesThat().resideInAnyPackage("org.springframework.jdbc..", "javax.sql..")
                .because("listeners map the message to a command and call an application service")
                .allowEmptyShould(true);
    }

    ArchRule internalsStayInTheirFeature() {
        return classes().that().resideInAPackage(basePackage + "..")
                .should(new ArchCondition<JavaClass>("use no other feature's internal package") {
                    @Override
                    public void check(JavaClass origin, ConditionEvents events) {
                        String own = featureOf(origin.getPackageName());
                        for (Dependency dependency : origin.getDirectDependenciesFromSelf()) {
                            String target = dependency.getTargetClass().getPackageName();
                            String feature = featureOf(target);
                            if (feature != null && !feature.equals(own) && isInternal(target)) {
                                events.add(SimpleConditionEvent.violated(dependency, dependency.getDescription()
                                        + ": " + target + " is internal to feature " + feature));
                            }
                        }
                    }
                })
                .allowEmptyShould(true);
    }

    private boolean isInternal(String pkg) {
        return pkg.equals(basePackage + "." + featureOf(pkg) + ".internal")
                || pkg.startsWith(basePackage + "." + featureOf(pkg) + ".internal.");
    }

    private String featureOf(String pkg) {
        if (!pkg.startsWith(basePackage + ".")) {
            return null;
        }
        String rest = pkg.substring(basePackage.length() + 1);
        int dot = rest.indexOf('.');
        return dot < 0 ? rest : rest.substring(0, dot);
    }
}
