/** Whether `inner` is strictly inside the folder `outer` (both absolute; a name such as `..notes` inside it counts). */
import path from "node:path";

export function isInside(inner: string, outer: string): boolean {
  const relative = path.relative(outer, inner);
  return relative !== "" && relative !== ".." && !relative.startsWith(`..${path.sep}`) && !path.isAbsolute(relative);
}
