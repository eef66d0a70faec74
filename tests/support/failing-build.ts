/** Builds that must stop on bad content. */
import assert from "node:assert/strict";
import { ContentError, findContentError } from "../../src/shared/errors.ts";
import { buildFixture } from "./fixture-site.ts";

/** Builds the fixture site at `root`, which must fail with a ContentError: gives it, or fails the test. */
export async function contentErrorOfBuild(root: string): Promise<ContentError> {
  let caught: unknown;
  try {
    await buildFixture(root);
  } catch (error) {
    caught = error;
  }
  const content = findContentError(caught);
  assert.ok(content instanceof ContentError, `expected a ContentError, got ${String(caught)}`);
  return content;
}
