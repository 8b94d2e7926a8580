package gvm.interp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import gvm.ir.types.FloatType;
import gvm.ir.types.IntegerType;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import org.junit.jupiter.api.Test;

/** Tensors read from little-endian bytes (checkpoint tensors, dense_resource blobs). */
class TensorBytesTest {
  @Test void everyHalfValueWidensAsApFloatDoes() {
    for (int bits = 0; bits < 0x10000; bits++) {
      float fast = Tensor.halfToFloat((short) bits);
      double exact = Elements.fromBits(bits, FloatType.F16);
      if (Double.isNaN(exact)) assertEquals(true, Float.isNaN(fast), "bits " + bits);
      else assertEquals(Double.doubleToRawLongBits(exact), Double.doubleToRawLongBits(fast), "bits " + Integer.toHexString(bits));
    }
  }

  @Test void typesFromBytes() {
    ByteBuffer b = ByteBuffer.allocate(16).order(ByteOrder.LITTLE_ENDIAN);
    b.putShort((short) 0x3C00).putShort((short) 0xC000).putShort((short) 0x3F80).putShort((short) 0x4049).putLong(-5);
    assertArrayEquals(new float[] {1f, -2f}, Tensor.fromLittleEndian(FloatType.F16, new int[] {2}, b.slice(0, 4)).floatArray());
    Tensor bf = Tensor.fromLittleEndian(FloatType.BF16, new int[] {2}, b.slice(4, 4));
    assertArrayEquals(new float[] {1f, 3.140625f}, bf.floatArray());
    assertEquals(FloatType.BF16, bf.elementType());
    assertArrayEquals(new long[] {-5}, Tensor.fromLittleEndian(IntegerType.I64, new int[] {1}, b.slice(8, 8)).intArray());
    assertArrayEquals(new long[] {-5, -1}, Tensor.fromLittleEndian(IntegerType.get(8), new int[] {2}, b.slice(8, 2)).intArray());
  }
}
