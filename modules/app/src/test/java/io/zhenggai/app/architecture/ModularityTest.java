package io.zhenggai.app.architecture;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaMethod;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import io.zhenggai.ZhenggaiApplication;
import io.zhenggai.app.support.GeneratedDocs;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;
import org.springframework.stereotype.Controller;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The shape of the modular monolith, enforced: contexts never import each other, they share only the
 * messages in {@code api} and the kernel in {@code platform}, each through the named interfaces those declare; {@code api} is plain Java records without
 * Spring or JPA. Also checks that the module diagrams in {@code docs/architecture/} are the ones the code generates
 * ({@link GeneratedDocs}: {@code -Dzhenggai.docs.write=true} regenerates them).
 */
class ModularityTest {

    /** Bounded contexts (top-level packages below io.zhenggai that hold domain code). */
    static final Set<String> CONTEXTS = Set.of("inspection", "rectification", "finance", "publication", "reporting", "organisation",
            "reminders");

    static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("io.zhenggai");
    }

    @Test
    void springModulithVerifiesTheModules() {
        // every top-level package is a module, api and platform too: a context may use only what they expose as
        // named interfaces (their sub-packages, each declared in its package-info), and no two modules form a cycle
        ApplicationModules modules = ApplicationModules.of(ZhenggaiApplication.class);
        modules.verify();
        assertThat(modules.stream().map(m -> m.getIdentifier().toString()))
                .contains("api", "platform", "ledger", "inspection", "rectification", "finance", "publication", "reporting",
                        "organisation", "reminders", "workbench", "app");
        assertThat(namedInterfaces(modules, "api"))
                .contains("inspection", "rectification", "finance", "publication", "organisation", "audit", "reminders");
        assertThat(namedInterfaces(modules, "platform"))
                .contains("digest", "domain", "events", "excel", "ratelimit", "readside", "security", "text", "web", "web-input");
    }

    private static Set<String> namedInterfaces(ApplicationModules modules, String module) {
        Set<String> names = new TreeSet<>();
        modules.getModuleByName(module).orElseThrow().getNamedInterfaces()
                .forEach(n -> names.add(n.getName()));
        return names;
    }

    @Test
    void contextsNeverImportEachOther() {
        for (String context : CONTEXTS) {
            String[] others = CONTEXTS.stream().filter(c -> !c.equals(context)).map(c -> "io.zhenggai." + c + "..")
                    .toArray(String[]::new);
            ArchRule rule = noClasses().that().resideInAPackage("io.zhenggai." + context + "..")
                    .should().dependOnClassesThat().resideInAnyPackage(others)
                    .because("contexts talk only through Axon commands, events and queries in the api module")
                    .allowEmptyShould(true);
            rule.check(classes);
        }
    }

    @Test
    void contextsDoNotDependOnTheAssembly() {
        String[] contexts = CONTEXTS.stream().map(c -> "io.zhenggai." + c + "..").toArray(String[]::new);
        noClasses().that().resideInAnyPackage(contexts).should().dependOnClassesThat().resideInAPackage("io.zhenggai.app..")
                .check(classes);
    }

    @Test
    void apiIsPlainMessagesWithoutSpringOrJpa() {
        noClasses().that().resideInAPackage("io.zhenggai.api..").and().doNotHaveSimpleName("package-info")
                .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "jakarta.persistence..",
                        "org.hibernate..", "io.zhenggai.platform..", "io.zhenggai.app..")
                .check(classes);
        // a package-info may name its package as a module's named interface (annotation only, nothing at run time)
        noClasses().that().resideInAPackage("io.zhenggai.api..").and().haveSimpleName("package-info")
                .should().dependOnClassesThat(resideInAnyPackage("org.springframework..", "jakarta.persistence..",
                                "org.hibernate..", "io.zhenggai.platform..", "io.zhenggai.app..")
                        .and(DescribedPredicate.not(resideInAnyPackage("org.springframework.modulith"))))
                .check(classes);
        String[] contexts = CONTEXTS.stream().map(c -> "io.zhenggai." + c + "..").toArray(String[]::new);
        noClasses().that().resideInAPackage("io.zhenggai.api..").should().dependOnClassesThat().resideInAnyPackage(contexts)
                .check(classes);
    }

    @Test
    void theLedgerArithmeticIsPureFunctionsOverTheApiTypes() {
        String[] contexts = CONTEXTS.stream().map(c -> "io.zhenggai." + c + "..").toArray(String[]::new);
        noClasses().that().resideInAPackage("io.zhenggai.ledger..")
                .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "org.axonframework..",
                        "jakarta.persistence..", "java.sql..", "javax.sql..", "io.zhenggai.platform..", "io.zhenggai.app..")
                .because("every reader folds through the one ledger arithmetic; it needs nothing but the api types (ADR 0019)")
                .check(classes);
        noClasses().that().resideInAPackage("io.zhenggai.ledger..").should().dependOnClassesThat().resideInAnyPackage(contexts)
                .check(classes);
    }

    @Test
    void platformKnowsNoContext() {
        String[] contexts = CONTEXTS.stream().map(c -> "io.zhenggai." + c + "..").toArray(String[]::new);
        noClasses().that().resideInAPackage("io.zhenggai.platform..")
                .should().dependOnClassesThat().resideInAnyPackage(contexts).check(classes);
        noClasses().that().resideInAPackage("io.zhenggai.platform..")
                .should().dependOnClassesThat().resideInAnyPackage("io.zhenggai.app..", "io.zhenggai.ledger..")
                .because("the kernel is below every module: it knows the messages in api and nothing else of ours")
                .check(classes);
    }

    @Test
    void controllersNeverTouchTheDatabase() {
        noClasses().that().resideInAPackage("..web..").and().resideOutsideOfPackage("io.zhenggai.app..")
                .should().dependOnClassesThat().resideInAnyPackage("org.springframework.jdbc..", "java.sql..", "javax.sql..")
                .because("controllers send commands and queries; read models are behind query handlers")
                .check(classes);
    }

    /** In every context the domain ({@code command}) knows nothing of its read side ({@code query}). */
    @Test
    void commandNeverImportsQueryInAnyContext() {
        for (String context : CONTEXTS) {
            noClasses().that().resideInAPackage("io.zhenggai." + context + ".command..")
                    .should().dependOnClassesThat().resideInAPackage("io.zhenggai." + context + ".query..")
                    .because("aggregates decide on their own events; read models are rebuilt from them")
                    .allowEmptyShould(true)
                    .check(classes);
        }
    }

    /**
     * Every controller of a context, wherever it lives, sends commands and queries through the gateways and answers
     * with platform and web types: the messages in {@code api}, the kernel in {@code platform}, the request and
     * response types of its own package, and the frameworks' web parts.
     */
    @Test
    void controllersDependOnlyOnGatewaysPlatformAndWebTypes() {
        String[] contexts = CONTEXTS.stream().map(c -> "io.zhenggai." + c + "..").toArray(String[]::new);
        classes().that().resideInAnyPackage(contexts)
                .and().areMetaAnnotatedWith(Controller.class)
                .should(dependOnlyOnGatewaysPlatformAndWebTypes())
                .check(classes);
    }

    static final List<String> CONTROLLER_MAY_USE = List.of("java.", "jakarta.validation.", "jakarta.servlet.", "io.swagger.",
            "com.fasterxml.jackson.", "io.zhenggai.api.", "io.zhenggai.platform.", "org.axonframework.commandhandling.gateway.",
            "org.axonframework.queryhandling.QueryGateway", "org.axonframework.messaging.responsetypes.",
            "org.axonframework.commandhandling.CommandExecutionException",
            "org.springframework.web.", "org.springframework.http.", "org.springframework.security.",
            "org.springframework.validation.", "org.springframework.format.", "org.springframework.beans.factory.annotation.",
            "org.springframework.core.io.", "org.springframework.util.", "org.springframework.stereotype.",
            "org.springframework.ui."); // the model of a page controller (ADR 0053)

    /**
     * The known exceptions, each with its reason. A new one needs a line here, and a reason a reviewer accepts.
     */
    static final Map<String, String> CONTROLLER_EXCEPTIONS = Map.of(
            "io.zhenggai.rectification.evidence.EvidenceFiles",
            "evidence files are bytes stored by content, not messages: upload and download stream them (ADR 0038)",
            "io.zhenggai.publication.compose.",
            "the notice's facts are folded from the event store as of a position, on request (ADR 0020); not yet a query",
            "io.zhenggai.publication.notice.",
            "rendering a notice (text, checks, diff) is a pure function of its parts; owned by the publication work",
            "io.zhenggai.reminders.digest.DigestJob",
            "an operator's run of the daily digest is the job itself, which sends one command per recipient (ADR 0043)",
            "io.zhenggai.publication.pdf.",
            "writing the rendered notice as a PDF is a pure function of it and the font, like its text and page (ADR 0042)",
            "io.zhenggai.rectification.excel.",
            "workbooks are a file format at the edge: the export writes a query's answer, the import reads the file and "
                    + "sends its commands through the gateways itself, as the caller (ADR 0041)");

    /**
     * The workbench (the staff pages) is a UI adapter: it knows the messages in {@code api} and the kernel in
     * {@code platform}, never a context's, the ledger arithmetic's or the assembly's classes (ADR 0039); and no context
     * knows it. Its page controllers obey the controllers' rule, with the workbench's own form helpers and the model.
     */
    @Test
    void theWorkbenchSpeaksOnlyThroughTheMessagesInApi() {
        String[] forbidden = java.util.stream.Stream.concat(CONTEXTS.stream().map(c -> "io.zhenggai." + c + ".."),
                java.util.stream.Stream.of("io.zhenggai.app..", "io.zhenggai.ledger..")).toArray(String[]::new);
        noClasses().that().resideInAPackage("io.zhenggai.workbench..")
                .should().dependOnClassesThat().resideInAnyPackage(forbidden)
                .because("pages send the same commands and queries as the API, through the gateways")
                .check(classes);
        String[] contexts = CONTEXTS.stream().map(c -> "io.zhenggai." + c + "..").toArray(String[]::new);
        noClasses().that().resideInAnyPackage(contexts).should().dependOnClassesThat().resideInAPackage("io.zhenggai.workbench..")
                .check(classes);
        classes().that().resideInAPackage("io.zhenggai.workbench..").and().areMetaAnnotatedWith(Controller.class)
                .should(dependOnlyOnGatewaysPlatformAndWebTypes("io.zhenggai.workbench.", "org.springframework.ui."))
                .check(classes);
    }

    static ArchCondition<JavaClass> dependOnlyOnGatewaysPlatformAndWebTypes(String... alsoAllowed) {
        return new ArchCondition<>("depend only on gateways, platform and web types") {
            @Override
            public void check(JavaClass controller, ConditionEvents events) {
                for (Dependency d : controller.getDirectDependenciesFromSelf()) {
                    JavaClass target = d.getTargetClass();
                    String name = target.getName();
                    boolean ownPackage = target.getPackageName().equals(controller.getPackageName());
                    boolean allowed = ownPackage || target.isPrimitive() || target.isArray()
                            || CONTROLLER_MAY_USE.stream().anyMatch(name::startsWith)
                            || CONTROLLER_EXCEPTIONS.keySet().stream().anyMatch(name::startsWith)
                            || java.util.Arrays.stream(alsoAllowed).anyMatch(name::startsWith);
                    if (!allowed) {
                        events.add(SimpleConditionEvent.violated(d, d.getDescription()));
                    }
                }
            }
        };
    }

    @Test
    void theCommittedModuleDiagramsAreTheOnesTheCodeGenerates() throws IOException {
        Path generated = Files.createTempDirectory("zhenggai-modulith");
        ApplicationModules modules = ApplicationModules.of(ZhenggaiApplication.class,
                resideInAnyPackage("io.zhenggai.api..", "io.zhenggai.platform.."));
        new Documenter(modules, Documenter.Options.defaults().withOutputFolder(generated.toString()))
                .writeModulesAsPlantUml()
                .writeIndividualModulesAsPlantUml();
        try (var files = Files.list(generated)) {
            for (Path puml : files.filter(f -> f.toString().endsWith(".puml")).toList()) {
                Files.writeString(puml, relationsInOrder(Files.readString(puml)));
            }
        }
        GeneratedDocs.writeOrCheckFolder(generated, "architecture/modulith");
        GeneratedDocs.writeOrCheck("architecture/modules.md", messageFlowDiagram());
    }

    /**
     * The Documenter writes a diagram's {@code Rel(...)} lines in the order it happens to meet the dependencies, which
     * changes from run to run; PlantUML gives the order no meaning, so each block of them is sorted, and the committed
     * copy is the same whatever that order was.
     */
    static String relationsInOrder(String plantUml) {
        List<String> out = new ArrayList<>();
        List<String> block = new ArrayList<>();
        for (String line : plantUml.split("\n", -1)) {
            if (line.startsWith("Rel(")) {
                block.add(line);
                continue;
            }
            block.sort(null);
            out.addAll(block);
            block.clear();
            out.add(line);
        }
        block.sort(null);
        out.addAll(block);
        return String.join("\n", out);
    }

    /**
     * A Mermaid diagram of which context uses which message package of {@code api}: an edge
     * "handles events" for every {@code @EventHandler}/{@code @SagaEventHandler} parameter type from another
     * context's messages, "uses" for any other dependency.
     */
    static String messageFlowDiagram() {
        Map<String, Set<String>> uses = new TreeMap<>();
        Map<String, Set<String>> listens = new TreeMap<>();
        Set<String> folds = new TreeSet<>();
        for (JavaClass c : classes) {
            String context = contextOf(c.getPackageName());
            if (context == null) {
                continue;
            }
            c.getDirectDependenciesFromSelf().forEach(d -> {
                String pkg = d.getTargetClass().getPackageName();
                if (pkg.startsWith("io.zhenggai.api.") && !pkg.equals("io.zhenggai.api.audit")) {
                    uses.computeIfAbsent(context, k -> new TreeSet<>()).add(pkg.substring("io.zhenggai.api.".length()));
                }
                if (pkg.equals("io.zhenggai.ledger") || pkg.startsWith("io.zhenggai.ledger.")) {
                    folds.add(context);
                }
            });
            for (JavaMethod m : c.getMethods()) {
                boolean handler = m.isAnnotatedWith("org.axonframework.eventhandling.EventHandler")
                        || m.isAnnotatedWith("org.axonframework.modelling.saga.SagaEventHandler");
                if (handler && !m.getRawParameterTypes().isEmpty()) {
                    String pkg = m.getRawParameterTypes().get(0).getPackageName();
                    if (pkg.startsWith("io.zhenggai.api.")) {
                        String api = pkg.substring("io.zhenggai.api.".length());
                        if (!api.equals(context)) {
                            listens.computeIfAbsent(context, k -> new TreeSet<>())
                                    .add(api + ": " + m.getRawParameterTypes().get(0).getSimpleName());
                        }
                    }
                }
            }
        }
        StringBuilder md = new StringBuilder();
        md.append("# Modules and the messages they exchange\n\n")
                .append("Generated by `ModularityTest` from the compiled code — do not edit by hand.\n")
                .append("Each bounded context is a Maven module; contexts never import each other and meet only in the\n")
                .append("message packages of the `api` module (commands, events, queries). Every figure of the ledger\n")
                .append("(done, statuses, warnings, totals, rates, 万元) comes from the `ledger` module (ADR 0019).\n\n")
                .append("```mermaid\nflowchart LR\n");
        for (String context : new TreeSet<>(uses.keySet())) {
            md.append("  ").append(context).append("[\"").append(context).append(" context\"]\n");
        }
        uses.forEach((context, apis) -> apis.forEach(api ->
                md.append("  ").append(context).append(" -->|uses| api_").append(api).append("([\"api.").append(api).append("\"])\n")));
        if (!folds.isEmpty()) {
            md.append("  ledger[[\"ledger arithmetic\"]]\n");
            folds.forEach(context -> md.append("  ").append(context).append(" ==>|folds through| ledger\n"));
        }
        listens.forEach((context, events) -> {
            Map<String, Set<String>> byApi = new TreeMap<>();
            events.forEach(e -> byApi.computeIfAbsent(e.substring(0, e.indexOf(':')), k -> new TreeSet<>()).add(e.substring(e.indexOf(':') + 2)));
            byApi.forEach((api, names) -> md.append("  api_").append(api).append(" -. \"").append(String.join(", ", names))
                    .append("\" .-> ").append(context).append("\n"));
        });
        md.append("```\n\n| context | uses api packages | reacts to events of other contexts | folds through the ledger arithmetic |\n|---|---|---|---|\n");
        uses.forEach((context, apis) -> md.append("| ").append(context).append(" | ").append(String.join(", ", apis))
                .append(" | ").append(String.join("<br>", listens.getOrDefault(context, Set.of())))
                .append(" | ").append(folds.contains(context) ? "yes" : "").append(" |\n"));
        return md.toString();
    }

    private static String contextOf(String pkg) {
        for (String c : CONTEXTS) {
            if (pkg.equals("io.zhenggai." + c) || pkg.startsWith("io.zhenggai." + c + ".")) {
                return c;
            }
        }
        return null;
    }
}
