package org.jeras.core.tensor;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.jeras.core.testing.MapVariableStore;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.factory.Nd4j;

/** A variable loaded from a store keeps the store's integer dtype when it is saved again. */
class VariableStoredDtypeTest {
  @Test
  void int64CounterReadIntoInt32IsSavedAsInt64() {
    MapVariableStore file = new MapVariableStore("layers/normalization/vars");
    file.put("0", Nd4j.scalar(DataType.LONG, 7L));
    Variable count = new Variable("count", "normalization/count", Nd4j.scalar(DataType.INT, 0), false);
    count.assign(file.getChecked("0", count, "variable"));
    assertEquals(DType.INT32, count.dtype(), "the variable keeps its own dtype");
    assertEquals(7, count.array().getInt(0));

    MapVariableStore saved = new MapVariableStore("layers/normalization/vars");
    saved.put("0", count);
    assertEquals(DataType.LONG, saved.get("0").dataType());
    assertEquals(7L, saved.get("0").getLong(0));
  }

  @Test
  void sameOrFloatingDtypesAreSavedInTheVariablesDtype() {
    Variable unread = new Variable("n", "n", Nd4j.scalar(DataType.INT, 3), false);
    assertEquals(DataType.INT, unread.savedValue().dataType());

    MapVariableStore file = new MapVariableStore("vars");
    file.put("0", Nd4j.createFromArray(1.0, 2.0));
    Variable kernel = new Variable("kernel", "dense/kernel", Nd4j.zeros(DataType.FLOAT, 2), true);
    kernel.assign(file.getChecked("0", kernel, "variable"));
    assertEquals(DataType.FLOAT, kernel.savedValue().dataType(), "float values are stored as the variable's dtype");
  }
}
