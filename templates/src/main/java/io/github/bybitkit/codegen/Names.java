package io.github.bybitkit.codegen;

import com.palantir.javapoet.NameAllocator;
import java.util.Locale;
import java.util.Set;
import javax.lang.model.SourceVersion;

/**
 * Every Java name the generator derives, decided here: class, method, record component and parameter names from
 * JSON names, and the names of generated locals, which are allocated so they never collide with a spec-derived name.
 * The JSON wire name is never changed; only its Java name is.
 */
public final class Names {
  /**
   * Names a record component cannot have (the methods of {@link Object} without parameters) besides keywords; a
   * JSON field named like one gets the same {@code _} suffix as a keyword.
   */
  private static final Set<String> OBJECT_METHODS = Set.of("clone", "finalize", "getClass", "hashCode", "notify",
      "notifyAll", "toString", "wait");

  private Names() {}

  /**
   * camelCase of a JSON name: {@code wallet_balance -> walletBalance}, {@code ALL -> all},
   * {@code accountIM -> accountIM}, {@code baseCoin -> baseCoin}. A Java keyword or literal, or a name of a method
   * every object has, gets a trailing {@code _}: {@code class -> class_}, {@code default -> default_},
   * {@code hashCode -> hashCode_}.
   */
  public static String javaName(String jsonName) {
    return safe(camel(jsonName));
  }

  /** The name itself, or with a trailing {@code _} when it is a keyword, literal or an {@link Object} method. */
  public static String safe(String name) {
    return SourceVersion.isKeyword(name) || OBJECT_METHODS.contains(name) ? name + "_" : name;
  }

  private static String camel(String jsonName) {
    if (jsonName.equals(jsonName.toUpperCase(Locale.ROOT)) && !jsonName.contains("_")) {
      return jsonName.toLowerCase(Locale.ROOT);
    }
    String[] parts = jsonName.split("_");
    StringBuilder name = new StringBuilder();
    for (String part : parts) {
      if (part.isEmpty()) {
        continue;
      }
      if (name.length() == 0) {
        name.append(Character.toLowerCase(part.charAt(0))).append(part.substring(1));
      } else {
        name.append(Character.toUpperCase(part.charAt(0))).append(part.substring(1).toLowerCase(Locale.ROOT));
      }
    }
    return name.toString();
  }

  public static String capitalize(String name) {
    return Character.toUpperCase(name.charAt(0)) + name.substring(1);
  }

  /** {@code InversePerpetual -> inversePerpetual}: a group's accessor on {@code BybitClient}. */
  public static String decapitalize(String name) {
    return Character.toLowerCase(name.charAt(0)) + name.substring(1);
  }

  /** {@code getBalances -> GET_BALANCES}. */
  public static String constantName(String camel) {
    return camel.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toUpperCase(Locale.ROOT);
  }

  /** The record component of an enum field, which keeps the raw wire text: {@code side -> sideRaw}. */
  public static String rawComponent(String javaName) {
    return javaName + "Raw";
  }

  /** The asynchronous twin of an operation's public method: {@code getTrades -> getTradesAsync}. */
  public static String asyncMethod(String javaMethod) {
    return javaMethod + "Async";
  }

  /** The lazy all-pages method of a paged operation: {@code getTrades -> getTradesPages}. */
  public static String pagesMethod(String javaMethod) {
    return javaMethod + "Pages";
  }

  /** The client's private method that checks the parameters and builds the Retrofit call. */
  public static String callMethod(String javaMethod) {
    return javaMethod + "Call";
  }

  /** The client's private method that shapes the envelope's result into what the public method returns. */
  public static String resultMapper(String javaMethod) {
    return javaMethod + "Result";
  }

  /** The client's private method that turns a paged operation's result into one page. */
  public static String pageMapper(String javaMethod) {
    return javaMethod + "Page";
  }

  /** The generated Moshi adapter of a model class: {@code BybitBalance -> BybitBalanceJsonAdapter}. */
  public static String adapterClass(String modelClass) {
    return modelClass + "JsonAdapter";
  }

  /** The field holding a model's adapter: {@code BybitBalance -> bybitBalanceAdapter}. */
  public static String modelAdapterField(String modelClass) {
    return decapitalize(modelClass) + "Adapter";
  }

  /** The field holding a hand-written adapter: {@code PositionListAdapter -> positionListAdapter}. */
  public static String customAdapterField(String adapterClass) {
    return decapitalize(adapterClass);
  }

  /** The Retrofit interface of a spec tag: {@code V5Market -> V5MarketApi}. */
  public static String retrofitInterface(String tag) {
    return tag + "Api";
  }

  /** The public request record of an operation's Java method: {@code getTrades -> GetTradesRequest}. */
  public static String requestRecord(String javaMethod) {
    return capitalize(javaMethod) + "Request";
  }

  /**
   * Names for one generated method body. The spec-derived names in scope (parameters, record components) are
   * claimed first under their own names, which are public API and never change; every local the generator adds
   * afterwards gets its preferred name, or that name with a number when it is taken.
   */
  public static final class Scope {
    private final NameAllocator allocator;

    public Scope() {
      this(new NameAllocator());
    }

    private Scope(NameAllocator allocator) {
      this.allocator = allocator;
    }

    /** Claims {@code name} unchanged; fails when two spec-derived names in one scope are the same. */
    public Scope claim(String name) {
      String got = allocator.newName(name);
      if (!got.equals(name)) {
        throw new IllegalStateException("name " + name + " is claimed twice in one generated method");
      }
      return this;
    }

    /** A scope that starts with this one's names, for a nested block whose own names may repeat a sibling's. */
    public Scope copy() {
      return new Scope(allocator.clone());
    }

    /** A fresh local name: {@code preferred}, or {@code preferred_} with a number when taken. */
    public String local(String preferred) {
      return allocator.newName(preferred);
    }
  }
}
