package gvm.ir.types;

/** A type of an unregistered dialect, kept as text: {@code !dialect.body} or {@code !dialect<"body">}. */
public record OpaqueType(String dialect, String body) implements Type {}
