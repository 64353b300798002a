/**
 * BybitKit: a typed client of the Bybit REST API.
 *
 * <p>Exported: the API applications call ({@code io.github.bybitkit}, the generated clients, request records,
 * models and enums, {@code recording}) and the metadata for tools ({@code metadata}). Not exported: the support
 * code of the generated classes ({@code internal}, {@code internal.auth}, {@code internal.json}) and the Retrofit
 * interfaces ({@code *.transport}), which may change in any release.
 */
@SuppressWarnings({"requires-automatic", "requires-transitive-automatic"}) // moshi and retrofit have no module-info yet
module io.github.bybitkit {
  requires transitive okhttp3; // OkHttpClient and Interceptor appear in BybitClient.Builder and recording
  requires transitive com.squareup.moshi; // metadata.BybitJson hands tools the client's Moshi
  requires retrofit2;
  // @javax.annotation.processing.Generated on exported classes: source retention, needed only to compile.
  requires static transitive java.compiler;

  exports io.github.bybitkit;
  exports io.github.bybitkit.enums;
  exports io.github.bybitkit.inverseperpetual;
  exports io.github.bybitkit.inverseperpetual.model;
  exports io.github.bybitkit.metadata;
  exports io.github.bybitkit.recording;
  exports io.github.bybitkit.v5;
  exports io.github.bybitkit.v5.model;
}
