package io.github.bybitkit.codegen;

import io.github.bybitkit.codegen.GeneratorConfig.TagConfig;
import io.github.bybitkit.codegen.ir.ApiModel;
import io.github.bybitkit.codegen.ir.ApiOperation;
import io.github.bybitkit.codegen.ir.ApiOperation.Envelope;
import io.github.bybitkit.codegen.ir.ApiOperation.ResultShape;
import io.github.bybitkit.codegen.ir.ApiSpec;
import io.github.bybitkit.codegen.ir.ApiTag;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import org.openapitools.codegen.CodegenModel;
import org.openapitools.codegen.CodegenOperation;

/**
 * Maps openapi-generator's {@link CodegenModel}s and {@link CodegenOperation}s to BybitKit's IR. It and its helpers
 * ({@link OperationMapper}, {@link PagingMapper}, {@link ModelMapper}, {@link TypeMapper}) are the only classes that
 * know openapi-generator's model; everything after them works on {@link ApiSpec}. Every check of the spec and the
 * config happens here, failing loudly and naming the schema, operation or config key, on anything the emitters
 * would not render faithfully; this class holds the checks across operations (tags, clocks, Java method names,
 * configured operations that exist).
 */
public final class IrMapper {
  static final String TYPE_EXTENSION = "x-bybit-type";
  static final String NONZERO_EXTENSION = "x-bybit-nonzero";
  static final String EPOCH_MILLIS_EXTENSION = "x-bybit-epoch-millis";
  static final String SECRET_EXTENSION = "x-bybit-secret";

  private final GeneratorConfig config;
  private final Map<String, CodegenModel> modelsByClass = new HashMap<>();
  private final Map<String, CodegenModel> modelsBySchema = new HashMap<>();
  private final ModelMapper modelMapper;
  private final OperationMapper operationMapper;

  public IrMapper(GeneratorConfig config, List<CodegenModel> models) {
    this.config = config;
    for (CodegenModel model : models) {
      modelsByClass.put(model.classname, model);
      modelsBySchema.put(model.name, model);
    }
    TypeMapper types = new TypeMapper(config, modelsByClass);
    this.modelMapper = new ModelMapper(config, modelsByClass, modelsBySchema, types);
    this.operationMapper = new OperationMapper(config, modelsByClass, types, modelMapper,
        new PagingMapper(modelMapper));
  }

  /** Maps the operations (grouped by tag, in spec order) and every model they reach. */
  public ApiSpec map(List<CodegenOperation> operations) {
    Set<String> envelopeClasses = new HashSet<>();
    Map<String, List<ApiOperation>> byTag = new LinkedHashMap<>();
    Map<String, String> tagDescriptions = new HashMap<>();
    for (CodegenOperation op : operations) {
      if (op.tags == null || op.tags.size() != 1) {
        throw new IllegalArgumentException(op.operationId + ": needs exactly one tag");
      }
      String tag = op.tags.get(0).getName();
      if (!config.tags().containsKey(tag)) {
        throw new IllegalArgumentException(op.operationId + ": tag " + tag
            + " has no entry under 'tags' in the generator config");
      }
      tagDescriptions.putIfAbsent(tag, clean(op.tags.get(0).getDescription()));
      envelopeClasses.add(op.returnBaseType);
      if (op.bodyParam != null) {
        envelopeClasses.add(op.bodyParam.dataType);
      }
      byTag.computeIfAbsent(tag, t -> new ArrayList<>()).add(operationMapper.mapOperation(op));
    }
    Map<Envelope, String> clocks = new HashMap<>();
    byTag.values().stream().flatMap(List::stream)
        .filter(op -> op.resultShape() instanceof ResultShape.ServerTime)
        .forEach(op -> {
          String other = clocks.putIfAbsent(op.envelope(), op.operationId());
          if (other != null) {
            throw new IllegalArgumentException(op.operationId() + ": " + other + " already gives the "
                + op.envelope() + " server time; time sync needs one clock per envelope");
          }
        });
    byTag.forEach((tag, ops) -> {
      // Every method a client declares for an operation, so that getX and getXAsync cannot meet in one client.
      Map<String, String> methods = new HashMap<>();
      for (ApiOperation op : ops) {
        String m = op.javaMethod();
        for (String name : List.of(m, Names.asyncMethod(m), Names.pagesMethod(m), Names.callMethod(m),
            Names.resultMapper(m), Names.pageMapper(m))) {
          String other = methods.putIfAbsent(name, op.operationId());
          if (other != null && !other.equals(op.operationId())) {
            throw new IllegalArgumentException(op.operationId() + ": Java method " + name + " is already "
                + other + "'s in tag " + tag + "; give one of them another name under operations.<id>.method");
          }
        }
      }
    });
    for (String configured : config.operations().keySet()) {
      if (operations.stream().noneMatch(op -> op.operationId.equals(configured))) {
        throw new IllegalArgumentException("generator config names operation " + configured
            + ", which the spec does not have");
      }
    }

    Map<String, String> packageBySchema = modelMapper.assignPackages(byTag, envelopeClasses);
    List<ApiModel> models = new ArrayList<>();
    for (Map.Entry<String, String> entry : new TreeMap<>(packageBySchema).entrySet()) {
      models.add(modelMapper.mapModel(modelsBySchema.get(entry.getKey()), entry.getValue()));
    }

    List<ApiTag> tags = new ArrayList<>();
    Map<String, String> packageByGroup = new HashMap<>();
    byTag.forEach((tag, ops) -> {
      TagConfig t = config.tags().get(tag);
      // A group creates its clients through their package-private constructors: one package per group.
      String groupPackage = packageByGroup.putIfAbsent(t.groupName(), t.packageName());
      if (groupPackage != null && !groupPackage.equals(t.packageName())) {
        throw new IllegalArgumentException("generator config tags." + tag + ".package is " + t.packageName()
            + ", but group " + t.groupName() + " is in " + groupPackage + "; the tags of a group share a package");
      }
      tags.add(new ApiTag(tag, tagDescriptions.get(tag), t.packageName(), t.clientName(), t.groupName(),
          t.groupAccessor(), List.copyOf(ops)));
    });
    return new ApiSpec(List.copyOf(models), List.copyOf(tags), config.metadataPackage(), config.jsonPackage(),
        config.transportClass(), config.pageClass());
  }

  /** Trims the spec's text and drops openapi-generator's "null"/empty placeholders. */
  static String clean(String text) {
    if (text == null || text.isBlank() || text.equals("null")) {
      return null;
    }
    return Objects.requireNonNull(text).strip();
  }
}
