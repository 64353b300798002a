package io.github.bybitkit.codegen.emit;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import io.github.bybitkit.codegen.Names;
import io.github.bybitkit.codegen.ir.ApiOperation;
import io.github.bybitkit.codegen.ir.ApiOperation.ResultShape;
import io.github.bybitkit.codegen.ir.ApiPaging;
import io.github.bybitkit.codegen.ir.ApiParameter;
import io.github.bybitkit.codegen.ir.ApiTag;
import io.github.bybitkit.codegen.ir.ApiType;
import io.github.bybitkit.codegen.ir.ApiType.ListOf;
import java.util.ArrayList;
import java.util.List;
import javax.lang.model.element.Modifier;

/**
 * The {@code ...Pages} methods of a paged operation's client: a lazy {@code BybitPages} of all items, page after
 * page. They only say how to fetch one page, through the operation's private {@code ...Call} builder and
 * {@code transport.execute} like the plain method; the fetch loop and stop rules are the runtime's {@code Paging}.
 */
final class PagingEmitter {
  private final JavaTypes types;
  private final Runtime runtime;
  private final ClassName pages;
  private final ClassName paging;

  PagingEmitter(JavaTypes types, Runtime runtime) {
    this.types = types;
    this.runtime = runtime;
    this.pages = ClassName.get(runtime.page.packageName(), "BybitPages");
    this.paging = ClassName.get(runtime.transport.packageName(), "Paging");
  }

  /**
   * Adds {@code <op>Pages(request)}, {@code <op>Pages(<required parameters>)} and, when the public method does not
   * already return pages, the mapper from the result to a page.
   */
  void addMethods(TypeSpec.Builder client, ApiTag tag, ApiOperation op, List<ParameterSpec> requiredParameters) {
    ClassName request = ClientEmitter.requestName(tag, op);
    TypeName result = ParameterizedTypeName.get(pages, types.javaType(itemType(op.paging())));
    String name = Names.pagesMethod(op.javaMethod());

    MethodSpec.Builder fromRequest = MethodSpec.methodBuilder(name)
        .addModifiers(Modifier.PUBLIC)
        .returns(result)
        .addParameter(request, "request")
        .addJavadoc(javadoc(op, request))
        .addJavadoc("@param request the parameters of the first page; build them with {@code builder()}\n")
        .addJavadoc("@return the items of every page, fetched as they are consumed\n")
        .addJavadoc(op.paging() instanceof ApiPaging.NextPageCursor c && c.window() != null
            ? CodeBlock.of("@throws IllegalArgumentException when {@code request} is null, lacks {@code $L} or"
                + " {@code $L}, or starts after it ends (nothing is sent)\n", c.window().start().javaName(),
                c.window().end().javaName())
            : CodeBlock.of("@throws IllegalArgumentException when {@code request} is null (nothing is sent)\n"))
        .addJavadoc("@see #$L($T)\n", op.javaMethod(), request)
        .addStatement("$T.required($S, $S, request)", runtime.checks, op.operationId(), "request");
    // The only names in scope are the parameter and what this method declares.
    Names.Scope scope = new Names.Scope().claim("request");
    ApiParameter limit = op.paging().limit();
    CodeBlock pageSize = CodeBlock.of("null");
    if (limit != null && op.paging().defaultLimit() != null) {
      String local = scope.local("pageSize");
      fromRequest.addComment("Bybit's page size when no $L is sent (the spec's default)", limit.wireName());
      fromRequest.addStatement("$T $L = request.$L() != null ? request.$L() : $L", Integer.class, local,
          limit.javaName(), limit.javaName(), op.paging().defaultLimit());
      pageSize = CodeBlock.of("$L", local);
    } else if (limit != null) {
      pageSize = CodeBlock.of("request.$L()", limit.javaName());
    }
    if (op.paging() instanceof ApiPaging.PageNumber p) {
      ApiParameter page = p.page();
      String next = scope.local(page.javaName());
      fromRequest.addStatement("return $T.byPageNumber(request.$L(), $L, $L,\n$L -> $L($L))", paging,
          page.javaName(), pageSize, highestPage(page), next, pageMapper(op), execute(op, page, next));
      if (!(op.resultShape() instanceof ResultShape.Page)) {
        client.addMethod(pageMapperMethod(op, p));
      }
    } else if (op.paging() instanceof ApiPaging.NextPageCursor c) {
      addNextPageCursor(fromRequest, op, c, scope);
    } else {
      ApiPaging.Cursor c = (ApiPaging.Cursor) op.paging();
      ApiParameter cursor = c.cursor();
      String next = scope.local(cursor.javaName());
      fromRequest.addStatement("return $T.byCursor(request.$L(), $L, $T::$L,\n$L -> $L)", paging,
          cursor.javaName(), pageSize, types.javaType(c.item()), c.itemId().javaName(), next,
          execute(op, cursor, next));
    }
    client.addMethod(Docs.deprecate(fromRequest, op).build());

    // A windowed operation pages over a time range, so its short form takes the range too.
    List<ParameterSpec> overloadParameters = new ArrayList<>(requiredParameters);
    ApiPaging.Window window = op.paging() instanceof ApiPaging.NextPageCursor c ? c.window() : null;
    if (window != null) {
      overloadParameters.add(ParameterSpec.builder(TypeName.LONG, window.start().javaName()).build());
      overloadParameters.add(ParameterSpec.builder(TypeName.LONG, window.end().javaName()).build());
    }
    CodeBlock.Builder build = CodeBlock.builder().add("$T.builder()", request);
    for (ParameterSpec p : overloadParameters) {
      build.add(".$N($N)", p, p);
    }
    MethodSpec.Builder overload = MethodSpec.methodBuilder(name)
        .addModifiers(Modifier.PUBLIC)
        .returns(result)
        .addParameters(overloadParameters)
        .addJavadoc("$L, all pages, with only the required parameters$L.\n\n", summary(op),
            window == null ? "" : " and the time range");
    for (ParameterSpec p : overloadParameters) {
      if (window != null && p.name().equals(window.start().javaName())) {
        overload.addJavadoc("@param $N the start of the range, epoch ms, included (wire name $L)\n", p,
            Docs.code(window.start().wireName()));
      } else if (window != null && p.name().equals(window.end().javaName())) {
        overload.addJavadoc("@param $N the end of the range, epoch ms, included (wire name $L)\n", p,
            Docs.code(window.end().wireName()));
      } else {
        overload.addJavadoc("@param $N $L\n", p, paramDoc(op, p));
      }
    }
    client.addMethod(Docs.deprecate(overload
        .addJavadoc("@return the items of every page, fetched as they are consumed\n")
        .addJavadoc(window == null ? CodeBlock.of("")
            : CodeBlock.of("@throws IllegalArgumentException when {@code $L} is after {@code $L} (nothing is sent)\n",
                window.start().javaName(), window.end().javaName()))
        .addJavadoc("@see #$L($T)\n", name, request)
        .addStatement("return $L($L.build())", name, build.build()), op)
        .build());
  }

  private ApiType itemType(ApiPaging p) {
    if (p instanceof ApiPaging.NextPageCursor c) {
      return c.item();
    }
    return p instanceof ApiPaging.PageNumber n ? ((ListOf) n.items().type()).item() : ((ApiPaging.Cursor) p).item();
  }

  /**
   * Bybit's v5 cursor, alone or inside time windows: the lambda fetches one page of the caller's request with the
   * cursor (and the window's times) replaced; the result's accessors hand over its items and next cursor.
   */
  private void addNextPageCursor(MethodSpec.Builder method, ApiOperation op, ApiPaging.NextPageCursor c,
      Names.Scope scope) {
    TypeName result = types.javaType(op.resultType());
    ApiParameter cursor = c.cursor();
    String next = scope.local(cursor.javaName());
    ApiPaging.Window w = c.window();
    if (w == null) {
      method.addStatement("return $T.byNextPageCursor(request.$L(),\n$L -> $L,\n$T::$L, $T::$L)", paging,
          cursor.javaName(), next, execute(op, List.of(cursor), List.of(next)), result, c.items().javaName(),
          result, c.next().javaName());
      return;
    }
    String start = scope.local(w.start().javaName());
    String end = scope.local(w.end().javaName());
    method.addComment("Bybit refuses a query whose $L - $L is not $L", w.end().wireName(), w.start().wireName(),
        w.capText());
    method.addStatement("return $T.byTimeWindows($S, $S, request.$L(), $S, request.$L(), $LL, request.$L(),\n"
            + "($L, $L, $L) -> $L,\n$T::$L, $T::$L)", paging,
        op.operationId(), w.start().wireName(), w.start().javaName(), w.end().wireName(), w.end().javaName(),
        w.maxSpanMillis(), cursor.javaName(), start, end, next,
        execute(op, List.of(w.start(), w.end(), cursor), List.of(start, end, next)), result, c.items().javaName(),
        result, c.next().javaName());
  }

  /** Fetches one page: the caller's request with some parameters replaced, sent like the plain method sends it. */
  private static CodeBlock execute(ApiOperation op, List<ApiParameter> replaced, List<String> values) {
    CodeBlock.Builder build = CodeBlock.builder().add("request.toBuilder()");
    for (int i = 0; i < replaced.size(); i++) {
      build.add(".$L($L)", replaced.get(i).javaName(), values.get(i));
    }
    return CodeBlock.of("this.transport.execute($L($L.build()))", Names.callMethod(op.javaMethod()), build.build());
  }

  /** Fetches one page: the caller's request with the paging parameter replaced, sent like the plain method sends it. */
  private static CodeBlock execute(ApiOperation op, ApiParameter replaced, String value) {
    return CodeBlock.of("this.transport.execute($L(request.toBuilder().$L($L).build()))",
        Names.callMethod(op.javaMethod()), replaced.javaName(), value);
  }

  /** The highest page number the spec allows, or null. */
  private static CodeBlock highestPage(ApiParameter page) {
    if (page.maximum() == null) {
      return CodeBlock.of("null");
    }
    int max = page.maximum().value().intValueExact();
    return CodeBlock.of("$L", page.maximum().exclusive() ? max - 1 : max);
  }

  /** The plain method of a page-shaped operation already maps its result to a page; others get their own mapper. */
  private static String pageMapper(ApiOperation op) {
    return op.resultShape() instanceof ResultShape.Page ? Names.resultMapper(op.javaMethod())
        : Names.pageMapper(op.javaMethod());
  }

  private MethodSpec pageMapperMethod(ApiOperation op, ApiPaging.PageNumber p) {
    TypeName item = types.javaType(((ListOf) p.items().type()).item());
    CodeBlock current = p.currentPage() == null ? CodeBlock.of("null")
        : CodeBlock.of("result.$L()", p.currentPage().javaName());
    CodeBlock last = p.lastPage() == null ? CodeBlock.of("null") : CodeBlock.of("result.$L()", p.lastPage().javaName());
    return MethodSpec.methodBuilder(pageMapper(op))
        .addModifiers(Modifier.PRIVATE, Modifier.STATIC)
        .returns(ParameterizedTypeName.get(runtime.page, item))
        .addParameter(types.javaType(op.resultType()), "result")
        .beginControlFlow("if (result == null)")
        .addStatement("return $T.of(null, null, null)", runtime.page)
        .endControlFlow()
        .addStatement("return $T.of($L, $L, result.$L())", runtime.page, current, last, p.items().javaName())
        .build();
  }

  private static String summary(ApiOperation op) {
    return Docs.text(op.summary() == null ? op.javaMethod() : op.summary());
  }

  /** What is fetched, that it is lazy, the bound, and the operation's stop rules, from its paging facts. */
  private CodeBlock javadoc(ApiOperation op, ClassName request) {
    CodeBlock.Builder doc = CodeBlock.builder();
    doc.add("$L, all pages: the items of {@link #$L($T)} page after page, fetched lazily.\n\n", summary(op),
        op.javaMethod(), request);
    doc.add("<p>Nothing is sent until the first item is asked for; each further page is fetched when the items of\n");
    doc.add("the previous one are used up, at most {@link $T#maxPages()} pages ({@link $T#DEFAULT_MAX_PAGES} unless\n",
        pages, pages);
    if (op.paging() instanceof ApiPaging.NextPageCursor c) {
      nextPageCursorJavadoc(doc, c);
      doc.add("<p>Iterating throws what {@link #$L($T)} throws, not wrapped.\n\n", op.javaMethod(), request);
      return doc.build();
    }
    doc.add("set). The first request is {@code request} as it is; ");
    List<String> stops = new ArrayList<>();
    stops.add("an empty page");
    ApiParameter limit = op.paging().limit();
    if (limit != null) {
      stops.add(op.paging().defaultLimit() == null
          ? "a page with fewer items than the page size the request asks for (" + Docs.code(limit.wireName())
              + ", when it has one)"
          : "a page with fewer items than the page size (" + Docs.code(limit.wireName()) + "; "
              + op.paging().defaultLimit() + " when the request has none)");
    }
    if (op.paging() instanceof ApiPaging.PageNumber p) {
      doc.add("each following one asks for the next page number ($L).\n", Docs.code(p.page().wireName()));
      if (p.lastPage() != null) {
        stops.add("the page at " + Docs.code(p.lastPage().jsonName()));
      }
      if (p.page().maximum() != null) {
        stops.add("page " + highestPage(p.page()) + " (the highest " + Docs.code(p.page().wireName())
            + " the operation accepts)");
      }
    } else {
      ApiPaging.Cursor c = (ApiPaging.Cursor) op.paging();
      String id = Docs.code(c.itemId().jsonName());
      doc.add("each following one starts from the $L of the previous page's last item ($L)$L; it leaves out\n",
          id, Docs.code(c.cursor().wireName()),
          c.direction() == null ? "" : " in the request's " + Docs.code(c.direction().wireName()));
      doc.add("items an earlier page returned (by $L), so none is returned twice.\n", id);
      stops.add("a page whose last " + id + " would not move the cursor on (already sent or returned)");
    }
    String last = stops.remove(stops.size() - 1);
    doc.add("Paging stops after $L.\n\n", stops.isEmpty() ? last : String.join(", ", stops) + " or " + last);
    doc.add("<p>Iterating throws what {@link #$L($T)} throws, not wrapped.\n\n", op.javaMethod(), request);
    return doc.build();
  }

  private void nextPageCursorJavadoc(CodeBlock.Builder doc, ApiPaging.NextPageCursor c) {
    String cursor = Docs.code(c.cursor().wireName());
    String next = Docs.code(c.next().jsonName());
    ApiPaging.Window w = c.window();
    if (w == null) {
      doc.add("set). The first request is {@code request} as it is; each following one sends the previous page's\n");
      doc.add("$L as $L, exactly as received. Paging stops after a page whose $L is empty or absent, or repeats\n",
          next, cursor, next);
      doc.add("a cursor already sent.\n\n");
      return;
    }
    String start = Docs.code(w.start().wireName());
    String end = Docs.code(w.end().wireName());
    doc.add("set).\n\n");
    doc.add("<p>Bybit answers one query for a time span of $L ($L - $L); this walks the request's whole range\n",
        w.capText(), end, start);
    doc.add("[$L, $L] (epoch ms, both ends included) in windows of that span, newest first: the first window ends at\n",
        start, end);
    doc.add("$L, each older one ends 1 ms before the newer one starts, and the last one starts at $L. Inside each\n",
        end, start);
    doc.add("window it follows the cursor: the request's $L, if any, goes with the first request of the newest\n",
        cursor);
    doc.add("window only; each following request of a window sends the previous page's $L as $L, exactly as\n",
        next, cursor);
    doc.add("received; a page whose $L is empty or absent, or repeats a cursor already sent in that window, ends\n",
        next);
    doc.add("the window. Every request is {@code request} with the window's $L and $L. Paging stops after the\n",
        start, end);
    doc.add("last page of the oldest window. A window costs at least one request, so a long range may need a\n");
    doc.add("higher {@link $T#maxPages(int)}.\n\n", pages);
  }

  /** A required parameter's description, as the plain method's overload gives it. */
  private static String paramDoc(ApiOperation op, ParameterSpec spec) {
    ApiParameter p = op.parameters().stream().filter(x -> x.javaName().equals(spec.name())).findFirst().orElseThrow();
    return Docs.orField(p.description(), p.wireName()) + " (wire name " + Docs.code(p.wireName()) + ")";
  }
}
