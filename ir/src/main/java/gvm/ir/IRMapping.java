package gvm.ir;

import java.util.HashMap;
import java.util.Map;

/** Value and block replacements used while cloning. */
public final class IRMapping {
  private final Map<Value, Value> values = new HashMap<>();
  private final Map<Block, Block> blocks = new HashMap<>();

  public void map(Value from, Value to) { values.put(from, to); }

  public void map(Block from, Block to) { blocks.put(from, to); }

  public Value lookupOrDefault(Value v) { return values.getOrDefault(v, v); }

  public Block lookupOrDefault(Block b) { return blocks.getOrDefault(b, b); }

  public Block lookup(Block b) { return blocks.get(b); }

  public Value lookup(Value v) { return values.get(v); }

  public boolean contains(Value v) { return values.containsKey(v); }
}
