package io.github.bybitkit.codegen.emit;

import com.palantir.javapoet.JavaFile;
import io.github.bybitkit.codegen.ir.ApiModel;
import io.github.bybitkit.codegen.ir.ApiOperation;
import io.github.bybitkit.codegen.ir.ApiSpec;
import io.github.bybitkit.codegen.ir.ApiTag;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Runs every emitter over the IR. Each emitter depends only on the IR and the runtime's class names. */
public final class Emitters {
  private Emitters() {}

  /** All generated files, in a stable order. */
  public static List<JavaFile> emitAll(ApiSpec spec) {
    JavaTypes types = new JavaTypes(spec);
    Runtime runtime = new Runtime(spec);
    ModelEmitter models = new ModelEmitter(types, runtime);
    AdapterEmitter adapters = new AdapterEmitter(spec, types);
    RetrofitEmitter retrofit = new RetrofitEmitter(types, runtime);
    ClientEmitter clients = new ClientEmitter(types, runtime, retrofit);
    GroupEmitter groups = new GroupEmitter(runtime);

    List<JavaFile> files = new ArrayList<>();
    for (ApiModel model : spec.models()) {
      files.add(models.emit(model));
      files.add(adapters.emit(model));
    }
    files.add(adapters.emitFactory());
    Map<String, List<ApiTag>> byGroup = new LinkedHashMap<>();
    for (ApiTag tag : spec.tags()) {
      files.add(retrofit.emit(tag));
      files.add(clients.emit(tag));
      for (ApiOperation op : tag.operations()) {
        if (op.hasOptionalParameters()) {
          files.add(clients.emitRequest(tag, op));
        }
      }
      byGroup.computeIfAbsent(tag.groupName(), g -> new ArrayList<>()).add(tag);
    }
    byGroup.forEach((group, tags) -> files.add(groups.emit(group, tags)));
    OperationsEmitter operations = new OperationsEmitter(spec, types, runtime);
    files.add(operations.emit());
    files.add(operations.emitResultAdapters());
    return files;
  }

  /** The longest line a generated source has, like the hand-written ones. */
  public static final int LINE_WIDTH = 120;

  /** The source of a generated file as it is written: JavaPoet's output, wrapped to {@link #LINE_WIDTH}. */
  public static String render(JavaFile file) {
    return SourceLayout.wrap(file.toString(), LINE_WIDTH);
  }

  /** Writes every generated file under {@code sourceRoot}. */
  public static void writeAll(ApiSpec spec, Path sourceRoot) {
    for (JavaFile file : emitAll(spec)) {
      Path target = sourceRoot;
      if (!file.packageName().isEmpty()) {
        for (String part : file.packageName().split("\\.")) {
          target = target.resolve(part);
        }
      }
      target = target.resolve(file.typeSpec().name() + ".java");
      try {
        Files.createDirectories(target.getParent());
        Files.writeString(target, render(file), StandardCharsets.UTF_8);
      } catch (IOException e) {
        throw new UncheckedIOException("Cannot write " + file.packageName() + "." + file.typeSpec().name(), e);
      }
    }
  }
}
