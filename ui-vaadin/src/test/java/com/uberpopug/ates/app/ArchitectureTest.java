package com.uberpopug.ates.app;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/** The module rules of docs/ARCHITECTURE.md (its module table): who may depend on whom. */
class ArchitectureTest {

    private static final String API = "com.uberpopug.ates.api..";
    private static final String IDENTITY = "com.uberpopug.ates.identity..";
    private static final String TASKS = "com.uberpopug.ates.tasks..";
    private static final String ACCOUNTING = "com.uberpopug.ates.accounting..";
    private static final String PROJECTIONS = "com.uberpopug.ates.projections..";
    private static final String ANALYTICS = "com.uberpopug.ates.analytics..";
    private static final String APP = "com.uberpopug.ates.app..";
    private static final String MESSAGING = "com.uberpopug.ates.messaging..";
    private static final String MESSAGING_API = "com.uberpopug.ates.messaging.api..";
    private static final String IDENTITY_ACCESS = "com.uberpopug.ates.identity.access..";

    private static JavaClasses ates;

    @BeforeAll
    static void importClasses() {
        ates = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("com.uberpopug.ates");
    }

    @Test
    void coreApiDependsOnNothingOfOurs() {
        noClasses().that().resideInAPackage(API)
                .should().dependOnClassesThat().resideInAnyPackage(IDENTITY, TASKS, ACCOUNTING, PROJECTIONS, ANALYTICS, APP)
                .check(ates);
    }

    @Test
    void coreApiHasNoSpring() {
        noClasses().that().resideInAPackage(API).should().dependOnClassesThat().resideInAPackage("org.springframework..")
                .check(ates);
    }

    @Test
    void coreApiIsThePublishedLanguageOfValues() {
        classes().that().resideInAPackage(API).and().areTopLevelClasses()
                .should().beRecords().orShould().beEnums()
                .orShould().beAssignableTo(RuntimeException.class)
                .orShould().haveSimpleNameEndingWith("Fields")
                .orShould().haveSimpleNameEndingWith("Upcaster")
                .check(ates);
    }

    @Test
    void commandModulesNeverImportEachOtherNorTheReadSide() {
        noClasses().that().resideInAPackage(IDENTITY)
                .should().dependOnClassesThat().resideInAnyPackage(TASKS, ACCOUNTING, PROJECTIONS, ANALYTICS, APP)
                .allowEmptyShould(true).check(ates);
        noClasses().that().resideInAPackage(TASKS)
                .should().dependOnClassesThat().resideInAnyPackage(IDENTITY, ACCOUNTING, PROJECTIONS, ANALYTICS, APP)
                .check(ates);
        noClasses().that().resideInAPackage(ACCOUNTING)
                .should().dependOnClassesThat().resideInAnyPackage(IDENTITY, TASKS, PROJECTIONS, ANALYTICS, APP)
                .allowEmptyShould(true).check(ates);
    }

    @Test
    void theReadSideKnowsOnlyThePublishedLanguage() {
        noClasses().that().resideInAnyPackage(PROJECTIONS, ANALYTICS)
                .should().dependOnClassesThat().resideInAnyPackage(IDENTITY, TASKS, ACCOUNTING, APP)
                .check(ates);
        noClasses().that().resideInAPackage(PROJECTIONS).should().dependOnClassesThat().resideInAPackage(ANALYTICS)
                .check(ates);
        noClasses().that().resideInAPackage(ANALYTICS).should().dependOnClassesThat().resideInAPackage(PROJECTIONS)
                .check(ates);
    }

    @Test
    void theMessagingPlatformKnowsNoContext() {
        noClasses().that().resideInAPackage(MESSAGING)
                .should().dependOnClassesThat().resideInAnyPackage(IDENTITY, TASKS, ACCOUNTING, PROJECTIONS, ANALYTICS, APP)
                .because("every context runs on it (publisher, sources, processors, trace ids): it names none of them")
                .check(ates);
    }

    @Test
    void contextsUseOnlyTheSmallApiOfTheMessagingPlatform() {
        noClasses().that().resideInAnyPackage(IDENTITY, TASKS, ACCOUNTING, PROJECTIONS, ANALYTICS)
                .should().dependOnClassesThat(resideInAPackage(MESSAGING).and(not(resideInAPackage(MESSAGING_API))))
                .because("a context works per batch and follows trace ids through messaging-api; the publisher, sources and "
                        + "processors are the platform's business, wired by the application")
                .check(ates);
    }

    @Test
    void theMessagingApiStandsOnItsOwn() {
        noClasses().that().resideInAPackage(MESSAGING_API)
                .should().dependOnClassesThat(resideInAPackage(MESSAGING).and(not(resideInAPackage(MESSAGING_API))))
                .orShould().dependOnClassesThat().resideInAnyPackage("org.springframework.boot..", "org.apache.kafka..",
                        "org.axonframework.extensions..")
                .because("a context that uses it must not pull the platform in")
                .check(ates);
    }

    @Test
    void onlyTheApplicationWiresAndItTalksToModulesThroughThePublishedLanguage() {
        noClasses().that().resideOutsideOfPackage(APP).should().dependOnClassesThat().resideInAPackage(APP)
                .check(ates);
        noClasses().that().resideInAPackage(APP)
                .should().dependOnClassesThat().resideInAnyPackage(TASKS, ACCOUNTING, PROJECTIONS, ANALYTICS)
                .because("views and the API send commands and queries of core-api; Spring wires the modules")
                .check(ates);
        noClasses().that().resideInAPackage(APP)
                .should().dependOnClassesThat(resideInAPackage(IDENTITY).and(not(resideInAPackage(IDENTITY_ACCESS))))
                .because("identity's access package (tokens, throttled login) is the one module API the app wires into security")
                .check(ates);
    }

    @Test
    void xstreamIsNotOnTheClassPath() {
        // Every serializer is Jackson; XStream reads whatever classes its XML names (the root pom excludes it).
        assertThatThrownBy(() -> Class.forName("com.thoughtworks.xstream.XStream"))
                .isInstanceOf(ClassNotFoundException.class);
    }

    @Test
    void noCyclesBetweenModules() {
        slices().matching("com.uberpopug.ates.(*)..").should().beFreeOfCycles().check(ates);
    }
}
