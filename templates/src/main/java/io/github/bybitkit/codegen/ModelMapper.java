package io.github.bybitkit.codegen;

import io.github.bybitkit.codegen.ir.ApiModel;
import io.github.bybitkit.codegen.ir.ApiOperation;
import io.github.bybitkit.codegen.ir.ApiProperty;
import io.github.bybitkit.codegen.ir.ApiType;
import io.github.bybitkit.codegen.ir.ApiType.Custom;
import io.github.bybitkit.codegen.ir.ApiType.EnumRef;
import io.github.bybitkit.codegen.ir.ApiType.ListOf;
import io.github.bybitkit.codegen.ir.ApiType.MapOf;
import io.github.bybitkit.codegen.ir.ApiType.ModelRef;
import io.github.bybitkit.codegen.ir.ApiType.Scalar;
import io.github.bybitkit.codegen.ir.ApiType.ScalarKind;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.lang.model.SourceVersion;
import org.openapitools.codegen.CodegenModel;
import org.openapitools.codegen.CodegenProperty;

/**
 * The models: which schemas an operation reaches and the package each goes to, and each schema as a record with its
 * fields, refusing names and types the emitters could not render.
 */
final class ModelMapper {
  private final GeneratorConfig config;
  private final Map<String, CodegenModel> modelsByClass;
  private final Map<String, CodegenModel> modelsBySchema;
  private final TypeMapper types;

  ModelMapper(GeneratorConfig config, Map<String, CodegenModel> modelsByClass, Map<String, CodegenModel> modelsBySchema,
      TypeMapper types) {
    this.config = config;
    this.modelsByClass = modelsByClass;
    this.modelsBySchema = modelsBySchema;
    this.types = types;
  }

  /** openapi-generator's model of a schema. */
  CodegenModel schema(String name) {
    return modelsBySchema.get(name);
  }

  /** Every model reachable from an operation, with the package of the tag that reaches it. */
  Map<String, String> assignPackages(Map<String, List<ApiOperation>> byTag, Set<String> envelopeClasses) {
    Map<String, String> packageBySchema = new LinkedHashMap<>();
    byTag.forEach((tag, ops) -> {
      String modelPackage = config.tags().get(tag).packageName() + ".model";
      Deque<String> pending = new ArrayDeque<>();
      for (ApiOperation op : ops) {
        collectModels(op.resultType(), pending);
        op.parameters().forEach(p -> collectModels(p.type(), pending));
      }
      Set<String> seen = new HashSet<>();
      while (!pending.isEmpty()) {
        String schema = pending.pop();
        if (!seen.add(schema)) {
          continue;
        }
        String previous = packageBySchema.putIfAbsent(schema, modelPackage);
        if (previous != null && !previous.equals(modelPackage)) {
          throw new IllegalArgumentException("schema " + schema + " is used by two tags (" + previous + ", "
              + modelPackage + "); give each tag its own schema");
        }
        for (CodegenProperty p : modelsBySchema.get(schema).vars) {
          collectModels(mapProperty(p, schema).type(), pending);
        }
      }
    });

    for (CodegenModel model : modelsBySchema.values()) {
      boolean handledElsewhere = envelopeClasses.contains(model.classname)
          || config.schemaType(model.name).isPresent()
          || model.vendorExtensions.containsKey(IrMapper.TYPE_EXTENSION)
          || isEnvelopeSchema(model);
      if (!handledElsewhere && !packageBySchema.containsKey(model.name)) {
        throw new IllegalArgumentException("schema " + model.name + " is not used by any operation");
      }
    }
    return packageBySchema;
  }

  private static boolean isEnvelopeSchema(CodegenModel model) {
    return model.name.equals("V2Envelope") || model.name.equals("V5Envelope");
  }

  private void collectModels(ApiType type, Deque<String> into) {
    if (type instanceof ModelRef ref) {
      into.push(ref.schemaName());
    } else if (type instanceof ListOf list) {
      collectModels(list.item(), into);
    } else if (type instanceof MapOf map) {
      collectModels(map.value(), into);
    } else if (type instanceof Custom custom) {
      customReferences(custom).forEach(into::push);
    }
  }

  /** The generated models a hand-written type's schema refers to (its oneOf members), so they are emitted too. */
  private List<String> customReferences(Custom custom) {
    List<String> refs = new ArrayList<>();
    config.schemaTypes().forEach((schema, mapped) -> {
      if (custom.javaType().equals(mapped.javaType())) {
        CodegenModel model = modelsBySchema.get(schema);
        if (model == null) {
          throw new IllegalArgumentException("generator config maps schema " + schema
              + ", which the spec does not have");
        }
        for (String imported : model.imports) {
          CodegenModel target = modelsByClass.get(imported);
          if (target != null && config.schemaType(target.name).isEmpty()) {
            refs.add(target.name);
          }
        }
      }
    });
    return refs;
  }

  ApiModel mapModel(CodegenModel model, String packageName) {
    if (!model.oneOf.isEmpty() || !model.anyOf.isEmpty() || model.isEnum || model.isArray || model.isMap) {
      throw new IllegalArgumentException("schema " + model.name
          + " is a composition, enum or container; map it to a hand-written type under 'schemaTypes'");
    }
    if (!model.name.equals(model.classname)) {
      throw new IllegalArgumentException("schema " + model.name + " would become class " + model.classname
          + "; give the schema a name that is a Java class name");
    }
    List<ApiProperty> properties = new ArrayList<>();
    // A record's members: its components, and for an enum field also the decoding accessor next to the raw one.
    Map<String, String> members = new HashMap<>();
    for (CodegenProperty p : model.vars) {
      ApiProperty property = mapProperty(p, model.name);
      List<String> names = property.type() instanceof EnumRef
          ? List.of(property.javaName(), Names.rawComponent(property.javaName())) : List.of(property.javaName());
      for (String name : names) {
        String other = members.putIfAbsent(name, p.baseName);
        if (other != null) {
          throw new IllegalArgumentException("schema " + model.name + ": fields " + other + " and " + p.baseName
              + " both give the Java name " + name);
        }
      }
      properties.add(property);
    }
    return new ApiModel(model.name, model.classname, packageName, IrMapper.clean(model.unescapedDescription),
        List.copyOf(properties));
  }

  ApiProperty mapProperty(CodegenProperty p, String schema) {
    String javaName = Names.javaName(p.baseName);
    if (!SourceVersion.isName(javaName)) {
      throw new IllegalArgumentException("schema " + schema + ": field " + p.baseName + " gives the Java name "
          + javaName + ", which is not usable");
    }
    ApiType type = types.typeOf(p, p.vendorExtensions, p.isEnumRef, "schema " + schema + " field " + p.baseName);
    if (TypeMapper.containsVoid(type)) {
      throw new IllegalArgumentException("schema " + schema + ": field " + p.baseName + " is "
          + IrMapper.TYPE_EXTENSION + ": void; only an operation's result can be");
    }
    if (type instanceof ListOf l && l.item() instanceof EnumRef || type instanceof MapOf m && m.value() instanceof
        EnumRef) {
      // A record keeps an enum field's raw text; there is no raw form for a collection of them.
      throw new IllegalArgumentException("schema " + schema + ": field " + p.baseName
          + " is a list or map of enums, which is not supported; make it a list of strings");
    }
    boolean secret = Boolean.TRUE.equals(p.vendorExtensions.get(IrMapper.SECRET_EXTENSION));
    if (secret && !(type instanceof Scalar s && s.kind() == ScalarKind.STRING)) {
      throw new IllegalArgumentException("schema " + schema + ": field " + p.baseName + " is "
          + IrMapper.SECRET_EXTENSION
          + " but not a string; only text can be masked");
    }
    return new ApiProperty(p.baseName, javaName, type, IrMapper.clean(p.unescapedDescription), p.required, secret);
  }

  /**
   * A field of an operation's result model that result shaping or paging uses: {@code data} (or the configured
   * unwrap field) must be a list, the page numbers integers. Null when the field is absent and not mandatory.
   */
  ApiProperty resultField(ApiType resultType, String jsonName, String id, boolean mandatory) {
    if (!(resultType instanceof ModelRef ref)) {
      throw new IllegalArgumentException(id + ": result shaping needs the result to be a model");
    }
    CodegenModel model = modelsBySchema.get(ref.schemaName());
    for (CodegenProperty p : model.vars) {
      if (p.baseName.equals(jsonName)) {
        ApiProperty property = mapProperty(p, model.name);
        if (jsonName.equals("data") || jsonName.equals(config.operation(id).unwrapField())) {
          if (!(property.type() instanceof ListOf)) {
            throw new IllegalArgumentException(id + ": result field " + jsonName + " must be an array");
          }
        } else if (!(property.type() instanceof Scalar s && s.kind() == ScalarKind.INT)) {
          throw new IllegalArgumentException(id + ": result field " + jsonName + " must be an integer");
        }
        return property;
      }
    }
    if (mandatory) {
      throw new IllegalArgumentException(id + ": result model " + model.name + " has no field " + jsonName);
    }
    return null;
  }
}
