package io.github.bybitkit.codegen.ir;

import java.util.List;

/**
 * One operation. {@code resultType} is the type of the envelope's {@code result}; {@code resultShape} says how
 * the public method returns it; {@code paging} how to fetch page after page, null when the operation is not paged;
 * {@code deprecatedReplacement} what to call instead, null when the operation is not deprecated; {@code overloads} the
 * extra signatures generator-config asks for. {@code javaMethod} names the public method and its request record; it is
 * the operationId unless generator-config gives another, so a v5 operation can keep a v2 operation's Java name.
 */
public record ApiOperation(
    String operationId,
    String javaMethod,
    HttpMethod httpMethod,
    String path,
    String summary,
    String description,
    String docsUrl,
    AuthScheme authScheme,
    Envelope envelope,
    List<ApiParameter> parameters,
    ApiType resultType,
    String resultDescription,
    ResultShape resultShape,
    ApiPaging paging,
    String deprecatedReplacement,
    List<ApiOverload> overloads) {

  public enum Envelope { V2, V5 }

  /** The HTTP methods the runtime sends: query parameters with GET, a JSON body with POST. */
  public enum HttpMethod { GET, POST }

  /**
   * How a request is signed; the names are the constants of the runtime's {@code AuthScheme}, which generator-config
   * maps each spec security scheme to.
   */
  public enum AuthScheme { NONE, V2_SIGNED, V5_SIGNED }

  /** How the public method presents the result. */
  public sealed interface ResultShape {
    /** Return the result as it is. */
    record Direct() implements ResultShape {}

    /** Return one list field of the result model; null becomes an empty list. */
    record Unwrap(ApiProperty field) implements ResultShape {}

    /** Wrap the page fields of the result model into the runtime's page type. */
    record Page(ApiProperty data, ApiProperty currentPage, ApiProperty lastPage) implements ResultShape {}

    /** Return the server time the envelope carries; the operation is the clock that time sync reads. */
    record ServerTime() implements ResultShape {}
  }

  public boolean deprecated() {
    return deprecatedReplacement != null;
  }

  public boolean hasOptionalParameters() {
    return parameters.stream().anyMatch(p -> !p.required());
  }

  public List<ApiParameter> requiredParameters() {
    return parameters.stream().filter(ApiParameter::required).toList();
  }
}
