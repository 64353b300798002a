package io.github.bybitkit.codegen;

import io.github.bybitkit.codegen.GeneratorConfig.PagingConfig;
import io.github.bybitkit.codegen.GeneratorConfig.PagingStyle;
import io.github.bybitkit.codegen.GeneratorConfig.WindowConfig;
import io.github.bybitkit.codegen.ir.ApiOperation.HttpMethod;
import io.github.bybitkit.codegen.ir.ApiPaging;
import io.github.bybitkit.codegen.ir.ApiParameter;
import io.github.bybitkit.codegen.ir.ApiProperty;
import io.github.bybitkit.codegen.ir.ApiType;
import io.github.bybitkit.codegen.ir.ApiType.ListOf;
import io.github.bybitkit.codegen.ir.ApiType.ModelRef;
import io.github.bybitkit.codegen.ir.ApiType.Scalar;
import io.github.bybitkit.codegen.ir.ApiType.ScalarKind;
import java.time.Duration;
import java.util.List;
import org.openapitools.codegen.CodegenModel;
import org.openapitools.codegen.CodegenOperation;

/** The {@code paging} entry of an operation, checked against its parameters and result. */
final class PagingMapper {
  private final ModelMapper models;

  PagingMapper(ModelMapper models) {
    this.models = models;
  }

  ApiPaging paging(PagingConfig paging, CodegenOperation op, HttpMethod method,
      List<ApiParameter> parameters, ApiType resultType, String id) {
    if (method != HttpMethod.GET) {
      throw new IllegalArgumentException(id + ": paging needs a GET operation, not " + method);
    }
    ApiParameter limit = null;
    Integer defaultLimit = null;
    if (paging.limit() != null) {
      limit = pagingParameter(parameters, paging.limit(), "limit", id);
      requireInt(limit, "limit", id);
      defaultLimit = defaultLimit(op, limit, id);
    }
    if (paging.style() == PagingStyle.NEXT_PAGE_CURSOR) {
      return nextPageCursor(paging, parameters, resultType, id);
    }
    if (paging.style() == PagingStyle.PAGE_NUMBER) {
      ApiParameter page = pagingParameter(parameters, paging.page(), "page", id);
      requireInt(page, "page", id);
      requireOptional(page, "page", id);
      if (!(resultType instanceof ModelRef)) {
        throw new IllegalArgumentException(id
            + ": page-number paging needs the result to be a model with a 'data' list");
      }
      return new ApiPaging.PageNumber(page, limit, defaultLimit, models.resultField(resultType, "data", id, true),
          models.resultField(resultType, "current_page", id, false),
          models.resultField(resultType, "last_page", id, false));
    }
    ApiParameter cursor = pagingParameter(parameters, paging.cursor(), "cursor", id);
    requireOptional(cursor, "cursor", id);
    ApiParameter direction = paging.direction() == null ? null
        : pagingParameter(parameters, paging.direction(), "direction", id);
    if (!(resultType instanceof ListOf list && list.item() instanceof ModelRef item)) {
      throw new IllegalArgumentException(id + ": cursor paging needs the result to be a list of models");
    }
    CodegenModel model = models.schema(item.schemaName());
    ApiProperty itemId = model.vars.stream().filter(v -> v.baseName.equals(paging.itemId())).findFirst()
        .map(v -> models.mapProperty(v, model.name))
        .orElseThrow(() -> new IllegalArgumentException(id + ": paging.itemId names " + paging.itemId()
            + ", which the item schema " + model.name + " does not have"));
    if (!itemId.type().equals(cursor.type())) {
      throw new IllegalArgumentException(id + ": the cursor " + cursor.wireName() + " and the item id "
          + model.name + "." + itemId.jsonName() + " must have the same type");
    }
    return new ApiPaging.Cursor(cursor, direction, limit, defaultLimit, item, itemId);
  }

  private ApiPaging.NextPageCursor nextPageCursor(PagingConfig paging, List<ApiParameter> parameters,
      ApiType resultType, String id) {
    ApiParameter cursor = pagingParameter(parameters, paging.cursor(), "cursor", id);
    requireOptional(cursor, "cursor", id);
    if (!(cursor.type() instanceof Scalar s && s.kind() == ScalarKind.STRING)) {
      throw new IllegalArgumentException(id + ": paging.cursor parameter " + cursor.wireName() + " must be a string");
    }
    if (!(resultType instanceof ModelRef)) {
      throw new IllegalArgumentException(id + ": next-page-cursor paging needs the result to be a model");
    }
    ApiProperty items = resultProperty(resultType, paging.items(), "items", id);
    if (!(items.type() instanceof ListOf list)) {
      throw new IllegalArgumentException(id + ": paging.items names " + paging.items() + ", which is not an array");
    }
    ApiProperty next = resultProperty(resultType, paging.next(), "next", id);
    if (!(next.type() instanceof Scalar n && n.kind() == ScalarKind.STRING)) {
      throw new IllegalArgumentException(id + ": paging.next names " + paging.next() + ", which is not a string");
    }
    ApiPaging.Window window = null;
    WindowConfig w = paging.window();
    if (w != null) {
      ApiParameter start = pagingParameter(parameters, w.start(), "window.start", id);
      ApiParameter end = pagingParameter(parameters, w.end(), "window.end", id);
      for (ApiParameter time : List.of(start, end)) {
        requireOptional(time, "window time", id);
        if (!(time.type() instanceof Scalar t && t.kind() == ScalarKind.LONG)) {
          throw new IllegalArgumentException(id + ": paging.window parameter " + time.wireName()
              + " must be an int64 (epoch milliseconds)");
        }
      }
      long span = w.maxSpan().toMillis();
      window = new ApiPaging.Window(start, end, w.spanExclusive() ? span - 1 : span,
          (w.spanExclusive() ? "less than " : "at most ") + spanText(w.maxSpan()));
    }
    return new ApiPaging.NextPageCursor(cursor, list.item(), items, next, window);
  }

  /** A field of the result model, named by a paging key. */
  private ApiProperty resultProperty(ApiType resultType, String jsonName, String role, String id) {
    CodegenModel model = models.schema(((ModelRef) resultType).schemaName());
    return model.vars.stream().filter(v -> v.baseName.equals(jsonName)).findFirst()
        .map(v -> models.mapProperty(v, model.name))
        .orElseThrow(() -> new IllegalArgumentException(id + ": paging." + role + " names " + jsonName
            + ", which the result schema " + model.name + " does not have"));
  }

  /** "7 days", "24 hours", or milliseconds when neither fits, for the Javadoc. */
  static String spanText(Duration span) {
    if (span.toMillis() % Duration.ofDays(1).toMillis() == 0) {
      return span.toDays() + (span.toDays() == 1 ? " day" : " days");
    }
    if (span.toMillis() % Duration.ofHours(1).toMillis() == 0) {
      return span.toHours() + (span.toHours() == 1 ? " hour" : " hours");
    }
    return span.toMillis() + " ms";
  }

  private static ApiParameter pagingParameter(List<ApiParameter> parameters, String wireName, String role, String id) {
    return parameters.stream().filter(p -> p.wireName().equals(wireName)).findFirst()
        .orElseThrow(() -> new IllegalArgumentException(id + ": paging." + role + " names parameter " + wireName
            + ", which the operation does not have"));
  }

  private static void requireInt(ApiParameter p, String role, String id) {
    if (!(p.type() instanceof Scalar s && s.kind() == ScalarKind.INT)) {
      throw new IllegalArgumentException(id + ": paging." + role + " parameter " + p.wireName()
          + " must be an integer");
    }
  }

  /** The paging parameter is left out of the first request when the caller leaves it out, so it must be optional. */
  private static void requireOptional(ApiParameter p, String role, String id) {
    if (p.required()) {
      throw new IllegalArgumentException(id + ": paging." + role + " parameter " + p.wireName() + " must be optional");
    }
  }

  /** The spec's {@code default} of the page-size parameter: the page size Bybit uses when none is sent. */
  private static Integer defaultLimit(CodegenOperation op, ApiParameter limit, String id) {
    String text = op.queryParams.stream().filter(p -> p.baseName.equals(limit.wireName())).findFirst()
        .map(p -> IrMapper.clean(p.defaultValue)).orElse(null);
    if (text == null) {
      return null;
    }
    try {
      int value = Integer.parseInt(text);
      if (value >= 1) {
        return value;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new IllegalArgumentException(id + ": the default of " + limit.wireName()
        + " must be a positive integer, was " + text);
  }
}
