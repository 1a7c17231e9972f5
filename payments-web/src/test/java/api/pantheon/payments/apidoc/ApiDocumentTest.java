package api.pantheon.payments.apidoc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.container.Suspended;
import jakarta.ws.rs.core.Context;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.lang.reflect.ParameterizedType;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The served document describes what the resources really read and answer: every body a resource
 * takes and every document it returns is one whose schema {@link ApiDocument} writes, every schema an
 * answer names exists, and no two records claim one name.
 */
class ApiDocumentTest {

    private static List<Method> resourceMethods;

    @BeforeAll
    static void findResources() {
        resourceMethods = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("api.pantheon.payments").stream()
                .filter(type -> type.isAnnotatedWith(Path.class) && !type.isInterface() && !type.getPackageName().endsWith("sandbox"))
                .map(type -> type.reflect()).flatMap(type -> Stream.of(type.getDeclaredMethods()))
                .filter(method -> Stream.of(method.getAnnotations()).anyMatch(ApiDocumentTest::isHttpMethod))
                .toList();
        assertTrue(resourceMethods.size() > 30, "found only " + resourceMethods.size() + " resource methods");
    }

    @Test
    void everyBodyAResourceReadsIsDeclared() {
        List<String> undeclared = new ArrayList<>();
        for (Method method : resourceMethods) {
            for (Parameter parameter : method.getParameters()) {
                // A file (a bulk CSV) is read as the stream it is; every JSON body is a declared record.
                boolean file = parameter.getType() == java.io.InputStream.class && !consumesJson(method);
                if (isEntity(parameter) && !file && !ApiDocument.REQUEST_BODIES.contains(parameter.getType())) {
                    undeclared.add(method + " reads " + parameter.getType().getName());
                }
            }
        }
        assertEquals(List.of(), undeclared, "list these bodies in ApiDocument.REQUEST_BODIES, as records");
    }

    @Test
    void everyDocumentAResourceReturnsIsDescribed() {
        List<String> undescribed = new ArrayList<>();
        for (Method method : resourceMethods) {
            Class<?> returned = method.getReturnType();
            if (returned == List.class) {
                Class<?> element = (Class<?>) ((ParameterizedType) method.getGenericReturnType()).getActualTypeArguments()[0];
                if (!ApiDocument.LISTED.contains(element)) {
                    undescribed.add(method + " returns a list of " + element.getName());
                }
                // Payara would describe the list inline with Java's names; the answer names the list's schema.
                String listName = RecordSchemas.nameOf(element) + "List";
                if (Stream.of(method.getAnnotationsByType(APIResponse.class)).flatMap(response -> Stream.of(response.content()))
                        .noneMatch(content -> content.schema().ref().equals(listName))) {
                    undescribed.add(method + " declares no answer with @Schema(ref = \"" + listName + "\")");
                }
            } else if (returned.isRecord() && !ApiDocument.RESPONSES.contains(returned)) {
                undescribed.add(method + " returns " + returned.getName());
            }
        }
        assertEquals(List.of(), undescribed, "list these documents in ApiDocument.RESPONSES or LISTED");
    }

    /**
     * Payara writes a success answer's schema only when none is declared and then only for a returned
     * record, inline and with Java's names; so each operation declares its success and names its schema.
     */
    @Test
    void everyOperationDeclaresWhatItAnswers() {
        List<String> silent = new ArrayList<>();
        for (Method method : resourceMethods) {
            if (!producesJson(method)) {
                // A file answered (CSV results) has no JSON schema to name.
                continue;
            }
            boolean declared = Stream.of(method.getAnnotationsByType(APIResponse.class))
                    .filter(response -> response.responseCode().startsWith("2"))
                    .anyMatch(response -> Stream.of(response.content()).anyMatch(content -> !content.schema().ref().isEmpty())
                            || response.responseCode().equals("204"));
            if (!declared) {
                silent.add(method.getDeclaringClass().getSimpleName() + "." + method.getName());
            }
            // OpenAPI requires a description on every answer; generators refuse a document without.
            Stream.of(method.getAnnotationsByType(APIResponse.class)).filter(response -> response.description().isBlank())
                    .forEach(response -> silent.add(method.getDeclaringClass().getSimpleName() + "." + method.getName()
                            + " answers " + response.responseCode() + " without a description"));
        }
        assertEquals(List.of(), silent, "declare @APIResponse(responseCode = \"2..\", content = ... @Schema(ref = ...))");
    }

    private static boolean consumesJson(Method method) {
        jakarta.ws.rs.Consumes consumes = method.getAnnotation(jakarta.ws.rs.Consumes.class);
        return consumes == null || Stream.of(consumes.value()).anyMatch(type -> type.contains("json"));
    }

    private static boolean producesJson(Method method) {
        jakarta.ws.rs.Produces produces = method.getAnnotation(jakarta.ws.rs.Produces.class);
        return produces == null || Stream.of(produces.value()).anyMatch(type -> type.contains("json"));
    }

    @Test
    void everySchemaAnAnswerNamesExists() {
        Set<String> written = new HashSet<>();
        Stream.concat(ApiDocument.REQUEST_BODIES.stream(), ApiDocument.RESPONSES.stream())
                .forEach(record -> namesReachableFrom(record, written));
        ApiDocument.LISTED.forEach(listed -> written.add(RecordSchemas.nameOf(listed) + "List"));
        Set<String> missing = new TreeSet<>();
        for (Method method : resourceMethods) {
            List<Annotation> annotations = new ArrayList<>(List.of(method.getAnnotationsByType(APIResponse.class)));
            annotations.addAll(List.of(method.getDeclaringClass().getAnnotationsByType(APIResponse.class)));
            for (Annotation annotation : annotations) {
                APIResponse response = (APIResponse) annotation;
                for (var content : response.content()) {
                    Schema schema = content.schema();
                    if (!schema.ref().isEmpty() && !written.contains(schema.ref())) {
                        missing.add(method.getDeclaringClass().getSimpleName() + "." + method.getName() + " names " + schema.ref());
                    }
                    assertEquals(Void.class, schema.implementation(),
                            method + ": name the schema with ref; Payara copies an implementation's Java names inline");
                }
            }
        }
        assertEquals(Set.of(), missing);
    }

    @Test
    void noTwoRecordsClaimOneSchemaName() {
        List<Class<?>> records = new ArrayList<>();
        Stream.concat(ApiDocument.REQUEST_BODIES.stream(), ApiDocument.RESPONSES.stream())
                .forEach(record -> recordsReachableFrom(record, records));
        Set<String> names = new HashSet<>();
        List<String> clashes = new ArrayList<>();
        records.stream().distinct().forEach(record -> {
            if (!names.add(RecordSchemas.nameOf(record))) {
                clashes.add(record.getName() + " is also named " + RecordSchemas.nameOf(record));
            }
        });
        assertEquals(List.of(), clashes, "give one of them @Schema(name = ...)");
    }

    @Test
    void wireNamesAreSnakeCase() {
        assertEquals("image_url", RecordSchemas.wireName("imageUrl"));
        assertEquals("account_id", RecordSchemas.wireName("accountId"));
        assertEquals("lat", RecordSchemas.wireName("lat"));
    }

    private static void namesReachableFrom(Class<?> record, Set<String> names) {
        List<Class<?>> records = new ArrayList<>();
        recordsReachableFrom(record, records);
        records.forEach(reached -> names.add(RecordSchemas.nameOf(reached)));
    }

    private static void recordsReachableFrom(Class<?> record, List<Class<?>> records) {
        if (records.contains(record)) {
            return;
        }
        records.add(record);
        for (var component : record.getRecordComponents()) {
            Class<?> type = component.getType();
            if (type == List.class) {
                type = (Class<?>) ((ParameterizedType) component.getGenericType()).getActualTypeArguments()[0];
            }
            if (type.isRecord()) {
                recordsReachableFrom(type, records);
            }
        }
    }

    private static boolean isHttpMethod(Annotation annotation) {
        return annotation.annotationType().isAnnotationPresent(jakarta.ws.rs.HttpMethod.class);
    }

    /** The parameter JAX-RS fills from the body: the one with no parameter annotation of JAX-RS's own. */
    private static boolean isEntity(Parameter parameter) {
        return Stream.of(parameter.getAnnotations()).noneMatch(annotation -> {
            String name = annotation.annotationType().getName();
            return name.startsWith("jakarta.ws.rs.") || annotation.annotationType() == Context.class
                    || annotation.annotationType() == Suspended.class;
        });
    }
}
