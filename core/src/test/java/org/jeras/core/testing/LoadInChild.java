package org.jeras.core.testing;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.nio.file.Path;

/**
 * The {@code main} that {@link ChildJvm} runs for hostile-file tests: calls the static method
 * {@code args[1]} of class {@code args[0]} on the path {@code args[2]} and prints one line,
 * {@code OK} or {@code FAILED <exception class> <message>}.
 */
public final class LoadInChild {
  private LoadInChild() {}

  public static void main(String[] args) throws ReflectiveOperationException {
    Method m = Class.forName(args[0]).getMethod(args[1], Path.class);
    try {
      m.invoke(null, Path.of(args[2]));
      System.out.println("OK");
    } catch (InvocationTargetException e) {
      Throwable t = e.getCause();
      System.out.println("FAILED " + t.getClass().getName() + " " + t.getMessage());
    }
  }
}
