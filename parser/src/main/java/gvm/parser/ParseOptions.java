package gvm.parser;

/** Parser settings: {@code allowUnregistered} as --allow-unregistered-dialect, {@code noImplicitModule} as --no-implicit-module. */
public record ParseOptions(boolean allowUnregistered, boolean noImplicitModule) {
  public static final ParseOptions DEFAULT = new ParseOptions(false, false);
}
