package dev.herald.codegen;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.TypeSpec;
import java.util.List;
import javax.lang.model.element.Modifier;

/**
 * The fluent builder of a record: payload records have up to dozens of components of the same few types, and a
 * positional constructor call of that length is unreadable and easy to get wrong.
 */
final class BuilderSpecs {

    static final String BUILDER = "Builder";

    private BuilderSpecs() {
    }

    static MethodSpec factoryMethod(ClassName record) {
        return MethodSpec.methodBuilder("builder")
                .addJavadoc("A builder with every component unset ({@code null}).\n")
                .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
                .returns(record.nestedClass(BUILDER))
                .addStatement("return new $T()", record.nestedClass(BUILDER))
                .build();
    }

    static TypeSpec builder(ClassName record, List<RecordComponent> components) {
        ClassName builder = record.nestedClass(BUILDER);
        TypeSpec.Builder type = TypeSpec.classBuilder(builder)
                .addJavadoc("Builds a {@link $T}; components left unset are {@code null}.\n", record)
                .addModifiers(Modifier.PUBLIC, Modifier.STATIC, Modifier.FINAL)
                .addMethod(MethodSpec.constructorBuilder().addModifiers(Modifier.PRIVATE).build());
        CodeBlock.Builder arguments = CodeBlock.builder();
        for (RecordComponent component : components) {
            type.addField(FieldSpec.builder(component.type(), component.javaName(), Modifier.PRIVATE).build());
            type.addMethod(MethodSpec.methodBuilder(component.javaName())
                    .addJavadoc("$L\n", component.javadoc())
                    .addModifiers(Modifier.PUBLIC)
                    .returns(builder)
                    .addParameter(component.type(), component.javaName())
                    .addStatement("this.$N = $N", component.javaName(), component.javaName())
                    .addStatement("return this")
                    .build());
            arguments.add(arguments.isEmpty() ? "$N" : ", $N", component.javaName());
        }
        type.addMethod(MethodSpec.methodBuilder("build")
                .addModifiers(Modifier.PUBLIC)
                .returns(record)
                .addStatement("return new $T($L)", record, arguments.build())
                .build());
        return type.build();
    }
}
