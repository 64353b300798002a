package io.github.bybitkit.codegen;

import io.github.bybitkit.codegen.emit.Emitters;
import io.github.bybitkit.codegen.ir.ApiSpec;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.openapitools.codegen.CliOption;
import org.openapitools.codegen.CodegenModel;
import org.openapitools.codegen.CodegenOperation;
import org.openapitools.codegen.CodegenType;
import org.openapitools.codegen.languages.AbstractJavaCodegen;
import org.openapitools.codegen.model.ModelMap;
import org.openapitools.codegen.model.OperationsMap;

/**
 * BybitKit's generator, run by openapi-generator-maven-plugin ({@code generatorName} is this class). It lets
 * openapi-generator parse, validate and name the spec, renders no mustache template, and instead maps the models
 * and operations to BybitKit's IR ({@link IrMapper}) and writes Java with JavaPoet ({@link Emitters}).
 *
 * <p>Options ({@code configOptions} of the plugin): {@code bybitkitConfig}, the path of
 * {@code generator-config/bybitkit.yaml}.
 */
public class BybitJavaCodegen extends AbstractJavaCodegen {
  public static final String CONFIG_OPTION = "bybitkitConfig";

  public BybitJavaCodegen() {
    super();
    // openapi-generator passes a configOption through only if the generator declares it.
    cliOptions.add(new CliOption(CONFIG_OPTION, "Path of generator-config/bybitkit.yaml"));
  }

  @Override
  public String getName() {
    return "bybitkit-java";
  }

  @Override
  public CodegenType getTag() {
    return CodegenType.CLIENT;
  }

  @Override
  public String getHelp() {
    return "Generates the BybitKit client (records, Moshi adapters, Retrofit interfaces, clients) with JavaPoet.";
  }

  /**
   * Keeps the spec's text as it is (openapi-generator would double backslashes and turn a comment end into
   * {@code *_/} for its own templates): the emitters escape every text for where it goes, Javadoc or literal.
   */
  @Override
  public String escapeText(String input) {
    return input;
  }

  @Override
  public void processOpts() {
    super.processOpts();
    // Everything is written by the JavaPoet emitters; no template of openapi-generator is rendered.
    modelTemplateFiles.clear();
    apiTemplateFiles.clear();
    modelDocTemplateFiles.clear();
    apiDocTemplateFiles.clear();
    modelTestTemplateFiles.clear();
    apiTestTemplateFiles.clear();
    supportingFiles.clear();
  }

  @Override
  @SuppressWarnings("unchecked")
  public Map<String, Object> postProcessSupportingFileData(Map<String, Object> bundle) {
    Object configPath = additionalProperties.get(CONFIG_OPTION);
    if (configPath == null) {
      throw new IllegalStateException("configOptions." + CONFIG_OPTION
          + " must name the generator config (generator-config/bybitkit.yaml)");
    }
    GeneratorConfig config = GeneratorConfig.load(Path.of(configPath.toString()));

    List<CodegenModel> models = new ArrayList<>();
    for (ModelMap modelMap : (List<ModelMap>) bundle.get("models")) {
      models.add(modelMap.getModel());
    }
    List<CodegenOperation> operations = new ArrayList<>();
    Map<String, Object> apiInfo = (Map<String, Object>) bundle.get("apiInfo");
    for (OperationsMap api : (List<OperationsMap>) apiInfo.get("apis")) {
      operations.addAll(api.getOperations().getOperation());
    }

    emit(new IrMapper(config, models).map(operations), Path.of(outputFolder(), sourceFolder));
    return super.postProcessSupportingFileData(bundle);
  }

  /** Writes the generated sources; tests override it to look at the IR instead. */
  protected void emit(ApiSpec spec, Path sourceRoot) {
    Emitters.writeAll(spec, sourceRoot);
  }

  /** The base class prints a donation banner here after every run; a green build stays quiet. */
  @Override
  public void postProcess() {
    // nothing to add after generation
  }
}
