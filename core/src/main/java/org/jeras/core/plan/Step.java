package org.jeras.core.plan;

/** One op of a plan frame, bound to that frame's arrays: it reads its inputs and writes its output buffer. */
@FunctionalInterface
interface Step {
  void run();
}
