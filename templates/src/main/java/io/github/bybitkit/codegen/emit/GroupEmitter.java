package io.github.bybitkit.codegen.emit;

import com.palantir.javapoet.AnnotationSpec;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.JavaFile;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.TypeSpec;
import io.github.bybitkit.codegen.ir.ApiTag;
import java.util.List;
import javax.lang.model.element.Modifier;

/**
 * One class per API family ({@code group} in generator-config) holding its tag clients, e.g. {@code InversePerpetual}
 * with {@code account()}. {@code BybitClient} hands these out.
 */
final class GroupEmitter {
  private final Runtime runtime;

  GroupEmitter(Runtime runtime) {
    this.runtime = runtime;
  }

  JavaFile emit(String group, List<ApiTag> tags) {
    String pkg = tags.get(0).packageName();
    TypeSpec.Builder type = TypeSpec.classBuilder(ClassName.get(pkg, group))
        .addModifiers(Modifier.PUBLIC, Modifier.FINAL)
        .addAnnotation(Docs.generated("generator-config/bybitkit.yaml, group " + group))
        .addJavadoc("The $L clients of a {@code BybitClient}. Thread-safe.\n", group);
    MethodSpec.Builder constructor = MethodSpec.constructorBuilder()
        .addModifiers(Modifier.PUBLIC)
        // Public for BybitClient, in another package; the non-exported transport type keeps it out of users' reach.
        .addAnnotation(AnnotationSpec.builder(SuppressWarnings.class).addMember("value", "$S", "exports").build())
        .addJavadoc("For {@code BybitClient} only (its transport type is not exported); applications get this from\n")
        .addJavadoc("there.\n")
        .addParameter(runtime.transport, "transport")
        .addParameter(runtime.requestOptions, "options");
    for (ApiTag tag : tags) {
      ClassName client = ClassName.get(tag.packageName(), tag.clientName());
      type.addField(client, tag.groupAccessor(), Modifier.PRIVATE, Modifier.FINAL);
      constructor.addStatement("this.$L = new $T(transport, options)", tag.groupAccessor(), client);
      String description = Docs.text(tag.description());
      type.addMethod(MethodSpec.methodBuilder(tag.groupAccessor())
          .addModifiers(Modifier.PUBLIC)
          .returns(client)
          .addJavadoc("$L\n\n@return the client of tag $L\n",
              description.isEmpty() ? "Operations of tag " + tag.name() + "." : description, Docs.code(tag.name()))
          .addStatement("return $L", tag.groupAccessor())
          .build());
    }
    type.addMethod(constructor.build());
    return Docs.file(pkg, type.build());
  }
}
