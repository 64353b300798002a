package io.github.bybitkit.codegen.ir;

/**
 * A field of a model: its JSON name, its Java name, its type and the spec's description; {@code secret} from
 * {@code x-bybit-secret} (a credential such as an API key, masked in the model's {@code toString()}).
 */
public record ApiProperty(String jsonName, String javaName, ApiType type, String description, boolean required,
    boolean secret) {}
