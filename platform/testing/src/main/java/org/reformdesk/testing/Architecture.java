package org.reformdesk.testing;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.EvaluationResult;

import java.util.List;
import java.util.stream.Collectors;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The package structure a module keeps, checked on its compiled main classes: its feature packages depend on each
 * other without a loop, and a service stands alone, reaching into no other service and not into the local launcher.
 */
public final class Architecture {

    /** Each service is deployed on its own and shares only platform/ with the others. */
    private static final List<String> SERVICES = List.of(
            "org.reformdesk.task",
            "org.reformdesk.pilot",
            "org.reformdesk.inspection",
            "org.reformdesk.assessment",
            "org.reformdesk.notification",
            "org.reformdesk.console");

    /** The launcher (local/) starts the services as processes; it is no library for them. */
    private static final String LOCAL_LAUNCHER = "org.reformdesk.local..";

    private Architecture() {
    }

    /** Fails unless the service's feature packages are free of loops and it imports no other service nor the launcher. */
    public static void assertSoundService(String rootPackage) {
        if (!SERVICES.contains(rootPackage)) {
            throw new IllegalArgumentException(rootPackage + " is not the root package of a service: " + SERVICES);
        }
        String[] otherServices = SERVICES.stream()
                .filter(service -> !service.equals(rootPackage))
                .map(service -> service + "..")
                .toArray(String[]::new);
        check(mainClasses(rootPackage), List.of(
                noPackageLoops(rootPackage),
                noClasses().that().resideInAPackage(rootPackage + "..")
                        .should().dependOnClassesThat().resideInAnyPackage(otherServices)
                        .because("a service talks to another only through events and HTTP, never through its classes"),
                noClasses().that().resideInAPackage(rootPackage + "..")
                        .should().dependOnClassesThat().resideInAPackage(LOCAL_LAUNCHER)
                        .because("the local launcher starts services; a service running in Kubernetes has none")));
    }

    /** Fails if two packages directly under {@code rootPackage} (with what lies below them) depend on each other in a loop. */
    public static void assertNoPackageLoops(String rootPackage) {
        check(mainClasses(rootPackage), List.of(noPackageLoops(rootPackage)));
    }

    /** Reports only the rules that are broken, each with its own heading, rather than one heading naming them all. */
    private static void check(JavaClasses classes, List<ArchRule> rules) {
        String failures = rules.stream()
                .map(rule -> rule.evaluate(classes))
                .filter(EvaluationResult::hasViolation)
                .map(result -> result.getFailureReport().toString())
                .collect(Collectors.joining(System.lineSeparator() + System.lineSeparator()));
        if (!failures.isEmpty()) {
            throw new AssertionError(failures);
        }
    }

    private static ArchRule noPackageLoops(String rootPackage) {
        return slices().matching(rootPackage + ".(*)..").namingSlices("$1")
                .should().beFreeOfCycles()
                .because("a feature package that needs another must not be needed by it: the shared part belongs to one"
                        + " of them or to a package of its own");
    }

    private static JavaClasses mainClasses(String rootPackage) {
        JavaClasses classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages(rootPackage);
        if (classes.isEmpty()) {
            throw new AssertionError("No main classes found under " + rootPackage + ": the rule would pass on nothing");
        }
        return classes;
    }
}
