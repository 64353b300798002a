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
        .addJavadoc("@throws IllegalArgumentException when {@code request} is null (nothing is sent)\n")
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
    } else {
      ApiPaging.Cursor c = (ApiPaging.Cursor) op.paging();
      ApiParameter cursor = c.cursor();
      String next = scope.local(cursor.javaName());
      fromRequest.addStatement("return $T.byCursor(request.$L(), $L, $T::$L,\n$L -> $L)", paging,
          cursor.javaName(), pageSize, types.javaType(c.item()), c.itemId().javaName(), next,
          execute(op, cursor, next));
    }
    client.addMethod(Docs.deprecate(fromRequest, op).build());

    CodeBlock.Builder build = CodeBlock.builder().add("$T.builder()", request);
    for (ParameterSpec p : requiredParameters) {
      build.add(".$N($N)", p, p);
    }
    MethodSpec.Builder overload = MethodSpec.methodBuilder(name)
        .addModifiers(Modifier.PUBLIC)
        .returns(result)
        .addParameters(requiredParameters)
        .addJavadoc("$L, all pages, with only the required parameters.\n\n", summary(op));
    for (ParameterSpec p : requiredParameters) {
      overload.addJavadoc("@param $N $L\n", p, paramDoc(op, p));
    }
    client.addMethod(Docs.deprecate(overload
        .addJavadoc("@return the items of every page, fetched as they are consumed\n")
        .addJavadoc("@see #$L($T)\n", name, request)
        .addStatement("return $L($L.build())", name, build.build()), op)
        .build());
  }

  private ApiType itemType(ApiPaging p) {
    return p instanceof ApiPaging.PageNumber n ? ((ListOf) n.items().type()).item() : ((ApiPaging.Cursor) p).item();
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

  /** A required parameter's description, as the plain method's overload gives it. */
  private static String paramDoc(ApiOperation op, ParameterSpec spec) {
    ApiParameter p = op.parameters().stream().filter(x -> x.javaName().equals(spec.name())).findFirst().orElseThrow();
    return Docs.orField(p.description(), p.wireName()) + " (wire name " + Docs.code(p.wireName()) + ")";
  }
}
