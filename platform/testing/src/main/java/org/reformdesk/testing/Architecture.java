package org.reformdesk.testing;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaField;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.core.importer.Location;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.EvaluationResult;
import com.tngtech.archunit.lang.SimpleConditionEvent;

import java.util.List;
import java.util.stream.Collectors;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The package structure a module keeps, checked on its compiled main classes: its feature packages depend on each
 * other without a loop, and a service stands alone, reaching into no other service and not into the local launcher;
 * and, checked with its tests, a service makes public only what its other packages use.
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

    /** Classes compiled from src/main, told apart from the tests imported beside them. */
    private static final DescribedPredicate<JavaClass> MAIN_CODE = DescribedPredicate.describe("are main code",
            javaClass -> javaClass.getSource()
                    .map(source -> ImportOption.Predefined.DO_NOT_INCLUDE_TESTS.includes(Location.of(source.getUri())))
                    .orElse(false));

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

    /**
     * Fails if a public top-level type of the module's main code is used only inside its own package: a feature
     * package shows the rest of the service what it offers and keeps the rest package-private. A use by a test in
     * another package counts. Quarkus in JVM mode needs none of them public when they live in the application itself:
     * resources, beans, entities, config mappings without validation constraints, REST clients.
     */
    public static void assertFewPublicTypes(String rootPackage) {
        JavaClasses mainAndTests = new ClassFileImporter().importPackages(rootPackage);
        if (mainAndTests.stream().noneMatch(MAIN_CODE)) {
            throw new AssertionError("No main classes found under " + rootPackage + ": the rule would pass on nothing");
        }
        check(mainAndTests, List.of(classes()
                .that(MAIN_CODE).and().arePublic().and().areTopLevelClasses()
                .should(beUsedFromAnotherPackage(mainAndTests))
                .because("a type nothing outside its package uses is package-private, so a reader sees at a glance"
                        + " what a feature package offers the rest of the service")));
    }

    /** Using a nested type ({@code TaskRequests.NewTask}) uses the type around it, which must be public for that. */
    private static ArchCondition<JavaClass> beUsedFromAnotherPackage(JavaClasses all) {
        return new ArchCondition<>("be used from another package") {
            @Override
            public void check(JavaClass type, ConditionEvents events) {
                boolean used = all.stream()
                        .filter(candidate -> candidate.equals(type) || candidate.getName().startsWith(type.getName() + "$"))
                        .flatMap(typeOrNested -> typeOrNested.getDirectDependenciesToSelf().stream())
                        .map(Dependency::getOriginClass)
                        .anyMatch(origin -> !origin.getPackageName().equals(type.getPackageName()));
                if (!used && !declaresConstants(type)) {
                    events.add(SimpleConditionEvent.violated(type, type.getName()
                            + " is public but nothing outside " + type.getPackageName() + " uses it: make it package-private"));
                }
            }
        };
    }

    /**
     * The compiler copies a constant ({@code static final} String or primitive) into the class that reads it, so a
     * use of a constant leaves no trace in the reader's bytecode; such a type may well be used, and the compiler
     * keeps it honest.
     */
    private static boolean declaresConstants(JavaClass type) {
        return type.getFields().stream()
                .filter(field -> field.getModifiers().containsAll(
                        List.of(JavaModifier.PUBLIC, JavaModifier.STATIC, JavaModifier.FINAL)))
                .map(JavaField::getRawType)
                .anyMatch(fieldType -> fieldType.isPrimitive() || fieldType.isEquivalentTo(String.class));
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
