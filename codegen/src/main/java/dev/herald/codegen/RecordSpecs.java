package dev.herald.codegen;

import com.palantir.javapoet.AnnotationSpec;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterSpec;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.lang.model.element.Modifier;

/**
 * A public record for an object schema: one component per property in schema order, a nested record per object
 * property with properties of its own, and a {@link BuilderSpecs builder}.
 */
final class RecordSpecs {

    static final ClassName JSONB_PROPERTY = ClassName.get("jakarta.json.bind.annotation", "JsonbProperty");

    private RecordSpecs() {
    }

    /**
     * @param name the record's class name; its enclosing classes' names cannot be reused by nested records
     * @param javadoc the record's Javadoc
     */
    static TypeSpec.Builder record(ClassName name, JsonObject objectSchema, String javadoc) {
        NestedNames nestedNames = new NestedNames(name);
        List<TypeSpec> nested = new ArrayList<>();
        TypeMapper types = new TypeMapper((suggested, schema) -> {
            ClassName child = name.nestedClass(nestedNames.allocate(suggested));
            String doc = Javadocs.ofNestedRecord(schema, name);
            nested.add(record(child, schema, doc).addModifiers(Modifier.STATIC).build());
            return child;
        });
        List<RecordComponent> components = components(objectSchema, types);

        MethodSpec.Builder constructor = MethodSpec.constructorBuilder();
        for (RecordComponent component : components) {
            constructor.addParameter(parameter(component));
        }
        TypeSpec.Builder record = TypeSpec.recordBuilder(name)
                .addModifiers(Modifier.PUBLIC)
                .addJavadoc("$L", javadoc)
                .recordConstructor(constructor.build())
                .addMethod(BuilderSpecs.factoryMethod(name))
                .addType(BuilderSpecs.builder(name, components));
        nested.forEach(record::addType);
        return record;
    }

    private static List<RecordComponent> components(JsonObject objectSchema, TypeMapper types) {
        JsonObject properties = objectSchema.getJsonObject("properties");
        Set<String> required = new HashSet<>();
        if (objectSchema.containsKey("required")) {
            objectSchema.getJsonArray("required").getValuesAs(JsonString.class)
                    .forEach(s -> required.add(s.getString()));
        }
        Set<String> javaNames = new HashSet<>();
        List<RecordComponent> out = new ArrayList<>();
        for (Map.Entry<String, JsonValue> property : properties.entrySet()) {
            String jsonName = property.getKey();
            JsonObject schema = property.getValue().asJsonObject();
            String javaName = unique(JavaNames.componentName(jsonName), javaNames);
            TypeName type = types.typeOf(jsonName, schema);
            String doc = Javadocs.ofComponent(schema, required.contains(jsonName), jsonName);
            out.add(new RecordComponent(jsonName, javaName, type, doc));
        }
        return out;
    }

    /** {@code user_id} and {@code userId} in one object would both be {@code userId}; the second gets a number. */
    private static String unique(String name, Set<String> taken) {
        String candidate = name;
        for (int n = 2; !taken.add(candidate); n++) {
            candidate = name + n;
        }
        return candidate;
    }

    private static ParameterSpec parameter(RecordComponent component) {
        ParameterSpec.Builder parameter = ParameterSpec.builder(component.type(), component.javaName())
                .addJavadoc("$L\n", component.javadoc());
        if (component.renamed()) {
            parameter.addAnnotation(AnnotationSpec.builder(JSONB_PROPERTY)
                    .addMember("value", "$S", component.jsonName()).build());
        }
        return parameter.build();
    }

    /**
     * Simple names of the records nested in one record. Java forbids a nested class named like an enclosing one,
     * and {@code Builder} is taken by the builder, so a clash gets the enclosing record's name in front
     * ({@code Comment.Author} vs {@code Author.AuthorAuthor}), then a number.
     */
    private static final class NestedNames {

        private final ClassName parent;
        private final Set<String> taken = new HashSet<>();

        NestedNames(ClassName parent) {
            this.parent = parent;
            taken.add(BuilderSpecs.BUILDER);
            taken.addAll(parent.simpleNames());
        }

        String allocate(String suggested) {
            String candidate = taken.contains(suggested) ? parent.simpleName() + suggested : suggested;
            String numbered = candidate;
            for (int n = 2; !taken.add(numbered); n++) {
                numbered = candidate + n;
            }
            return numbered;
        }
    }
}
