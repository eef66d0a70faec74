/** xmllint, which the sitemap and feed tests validate with (Debian's libxml2-utils). */
import { execFileSync } from "node:child_process";
import { IN_CI } from "./browser.ts";

/**
 * Why the xmllint checks must be skipped (`what` names them), or undefined when they run: where
 * xmllint is not installed they skip, unless CI is set: then they run and fail.
 */
export function xmllintSkipReason(what: string): string | undefined {
  try {
    execFileSync("xmllint", ["--version"], { stdio: "ignore" });
    return undefined;
  } catch {
    return IN_CI ? undefined : `xmllint not found (apt-get install libxml2-utils): ${what} skipped`;
  }
}
