package io.github.bybitkit.codegen.ir;

/** A field of a model: its JSON name, its Java name, its type and the spec's description. */
public record ApiProperty(String jsonName, String javaName, ApiType type, String description, boolean required) {}
