package gvm.transforms.mesh;

import gvm.ir.attributes.SymbolRefAttr;
import java.util.ArrayList;
import java.util.List;

/**
 * MLIR's ShardingOption: for each loop of a {@link ShardingInterface} op, the mesh axes it is split
 * over; {@code empty} when no operand or result carried a sharding.
 */
final class ShardingOption {
  final List<List<Long>> shardingArray = new ArrayList<>();
  SymbolRefAttr mesh;
  boolean empty;

  ShardingOption(int loops) {
    for (int i = 0; i < loops; i++) shardingArray.add(new ArrayList<>());
  }

  static ShardingOption makeEmpty() {
    ShardingOption o = new ShardingOption(0);
    o.empty = true;
    return o;
  }
}
