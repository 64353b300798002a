package io.github.bybitkit.codegen.emit;

import com.palantir.javapoet.CodeBlock;
import io.github.bybitkit.codegen.ir.ApiOperation;
import io.github.bybitkit.codegen.ir.ApiParameter;
import io.github.bybitkit.codegen.ir.ApiParameter.Bound;
import io.github.bybitkit.codegen.ir.ApiType.EnumRef;
import io.github.bybitkit.codegen.ir.ApiType.Scalar;
import io.github.bybitkit.codegen.ir.ApiType.ScalarKind;
import java.util.function.BiConsumer;

/**
 * Parameter checks from the spec (required, non-blank text, minimum/maximum, {@code x-bybit-nonzero}, known enum
 * constants), emitted as calls to the runtime's {@code Checks} so every message has the same form.
 */
final class CheckEmitter {
  private CheckEmitter() {}

  /** Emits the checks of one parameter through {@code statement} (format, args). */
  static void addChecks(BiConsumer<String, Object[]> statement, Runtime runtime, ApiOperation op, ApiParameter p,
      CodeBlock value, boolean primitive) {
    String label = p.javaName().equals(p.wireName()) ? p.javaName() : p.javaName() + " (" + p.wireName() + ")";
    if (p.required() && !primitive) {
      statement.accept("$T.required($S, $S, $L)", new Object[] {runtime.checks, op.operationId(), label, value});
    }
    if (p.type() instanceof Scalar s && s.kind() == ScalarKind.STRING) {
      statement.accept("$T.notBlank($S, $S, $L)", new Object[] {runtime.checks, op.operationId(), label, value});
    }
    if (p.type() instanceof EnumRef) {
      statement.accept("$T.known($S, $S, $L)", new Object[] {runtime.checks, op.operationId(), label, value});
    }
    Bound min = p.minimum();
    Bound max = p.maximum();
    if (min != null || max != null) {
      statement.accept("$T.range($S, $S, $L, $L, $L, $L, $L)", new Object[] {runtime.checks, op.operationId(), label,
          value, bound(min), min != null && min.exclusive(), bound(max), max != null && max.exclusive()});
    }
    if (p.nonZero()) {
      statement.accept("$T.nonZero($S, $S, $L)", new Object[] {runtime.checks, op.operationId(), label, value});
    }
    if (p.epochMillis()) {
      statement.accept("$T.epochMillis($S, $S, $L)", new Object[] {runtime.checks, op.operationId(), label, value});
    }
    boolean decimal = p.type() instanceof Scalar s && (s.kind() == ScalarKind.DECIMAL_NUMBER
        || s.kind() == ScalarKind.DECIMAL_STRING || s.kind() == ScalarKind.DECIMAL_EITHER);
    boolean sizeChecked = (p.required() && !primitive) || min != null || max != null || p.nonZero();
    if (decimal && !sizeChecked) {
      // required, range and nonZero check the size; without them 1e999999999 would reach toPlainString() unchecked
      statement.accept("$T.decimal($S, $S, $L)", new Object[] {runtime.checks, op.operationId(), label, value});
    }
  }

  private static CodeBlock bound(Bound bound) {
    return bound == null ? CodeBlock.of("null") : CodeBlock.of("$S", bound.value().toPlainString());
  }
}
