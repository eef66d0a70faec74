/**
 * Content safety: input that is refused, on a fixture site built for each case. Image paths that
 * leave the repository (hero and body, by `..`, percent-encoding, an absolute path or a symlink),
 * image URLs (`data:` too), an author's photo outside the repository and `javascript:`/`data:` links,
 * and a 30,000 × 30,000 pixel "decompression bomb", refused by its header in bounded memory.
 */
import assert from "node:assert/strict";
import { execFile } from "node:child_process";
import { mkdtemp, rm, symlink, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { deflateSync } from "node:zlib";
import { after, before, describe, test } from "node:test";
import { promisify } from "node:util";
import type { Problem } from "../../src/shared/errors.ts";
import { editFile } from "../support/edit-file.ts";
import { contentErrorOfBuild } from "../support/failing-build.ts";
import { jpeg, makeFixtureSite, removeSite, REPO, resetContent } from "../support/fixture-site.ts";

describe("refused input", () => {
  let broken: string;
  before(async () => {
    broken = await makeFixtureSite();
  });
  after(() => removeSite(broken));

  async function problemsOf(change: () => Promise<void>): Promise<Problem[]> {
    await resetContent(broken);
    await change();
    const content = await contentErrorOfBuild(broken);
    return [...content.problems];
  }
  const STORY = "content/news/full-story/index.md";
  const edit = (change: (t: string) => string) => editFile(path.join(broken, STORY), change);
  const brief = (ps: Problem[]) => ps.map((p) => `${p.file}:${p.line} ${p.field}: ${p.message}`);

  test("image paths that leave the repository, absolute paths and URLs (data: too) are refused, hero and body", async () => {
    const problems = await problemsOf(() =>
      edit((t) =>
        t
          .replace("src: ./hero.jpg", "src: /etc/passwd")
          .replace("![Trucks on a desert road](./convoy.jpg", "![Trucks on a desert road](../../../../../../../../etc/passwd")
          .replace("The request was repeated", "![a](%2E%2E/%2E%2E/%2E%2E/%2E%2E/%2E%2E/%2E%2E/%2E%2E/etc/passwd)\n\n![b](/assets/../../../../../../etc/passwd)\n\n![c](data:image/png;base64,iVBORw0KGgo=)\n\nThe request was repeated"),
      ),
    );
    assert.deepEqual(brief(problems), [
      `${STORY}:13 image.src: /etc/passwd: write a path relative to this file, or one starting with /assets/`,
      `${STORY}:27 body: ../../../../../../../../etc/passwd: leaves the repository`,
      `${STORY}:31 body: %2E%2E/%2E%2E/%2E%2E/%2E%2E/%2E%2E/%2E%2E/%2E%2E/etc/passwd: leaves the repository`,
      `${STORY}:33 body: /assets/../../../../../../etc/passwd: leaves the assets folder`,
      `${STORY}:35 body: data:image/png;base64,iVBORw0KGgo=: images must be files in the repository (beside the article, or under /assets/), not URLs`,
    ]);
  });

  test("an author's photo outside the repository and a javascript: or data: link are refused", async () => {
    const problems = await problemsOf(async () => {
      await editFile(path.join(broken, "content/_data/authors.yaml"), (t) =>
        t
          .replace("photo: ./dilan.jpg", "photo: /etc/passwd")
          .replace("url: mailto:dilan@fixture.example.org", "url: javascript:alert(1)\n    - label: Data\n      url: data:text/html,x"),
      );
    });
    const messages = brief(problems).join("\n");
    assert.match(messages, /authors.yaml:\d+ 0\.links\.0\.url: expected an https:\/\/ or mailto: address/);
    assert.match(messages, /authors.yaml:\d+ 0\.links\.1\.url: expected an https:\/\/ or mailto: address/);
  });

  test(
    "an image symlinked from inside the repository to a file outside it is refused",
    async () => {
      const outside = await mkdtemp(path.join(tmpdir(), "dateline-outside-"));
      try {
        await jpeg(path.join(outside, "private.jpg"), 320, 200, "#000000");
        const problems = await problemsOf(async () => {
          const hero = path.join(broken, "content/news/full-story/hero.jpg");
          await rm(hero);
          await symlink(path.join(outside, "private.jpg"), hero);
        });
        assert.match(brief(problems).join("\n"), /image.src: .\/hero.jpg: leaves the repository/);
      } finally {
        await rm(outside, { recursive: true, force: true });
      }
    },
  );

  describe("a 30,000 × 30,000 pixel PNG (a decompression bomb, 2.7 GB decoded)", () => {
    let result: { problems?: Problem[]; ms: number; maxRssMb: number };
    before(async () => {
      await resetContent(broken);
      const bomb = bombPng(30_000, 30_000);
      assert.ok(bomb.length < 200, "a few bytes on disk");
      await writeFile(path.join(broken, "content/news/full-story/hero.png"), bomb);
      await edit((t) => t.replace("src: ./hero.jpg", "src: ./hero.png"));
      // Built in a process of its own, so that its peak memory is its own.
      const script = path.join(broken, "build-bomb.mts");
      await writeFile(
        script,
        `import { buildFixture } from ${JSON.stringify(path.join(REPO, "tests/support/fixture-site.ts"))};
import { findContentError } from ${JSON.stringify(path.join(REPO, "src/shared/errors.ts"))};
const started = Date.now();
let problems;
try { await buildFixture(${JSON.stringify(broken)}); } catch (error) { problems = findContentError(error)?.problems; }
console.log(JSON.stringify({ problems, ms: Date.now() - started, maxRssMb: process.resourceUsage().maxRSS / 1024 }));
`,
      );
      const { stdout } = await promisify(execFile)(process.execPath, ["--import", import.meta.resolve("tsx"), script], { cwd: REPO });
      result = JSON.parse(stdout.trim().split("\n").pop()!);
    });

    test("is refused by its header, with its size and the limit in megapixels, quickly and in bounded memory", (t) => {
      t.diagnostic(`peak memory ${Math.round(result.maxRssMb)} MB, ${result.ms} ms`);
      assert.ok(result.problems, "the build must fail");
      assert.deepEqual(brief(result.problems), ["content/news/full-story/index.md:13 image.src: ./hero.png: 30000×30000 pixels is over the limit of 100 megapixels"]);
      assert.ok(result.maxRssMb < 1024, `peak memory ${Math.round(result.maxRssMb)} MB`);
      assert.ok(result.ms < 60_000, `took ${result.ms} ms`);
    });
  });
});

/** A valid PNG whose header claims width × height pixels, with one empty compressed row: tiny on disk. */
function bombPng(width: number, height: number): Buffer {
  const chunk = (type: string, data: Buffer) => {
    const body = Buffer.concat([Buffer.from(type, "latin1"), data]);
    const out = Buffer.alloc(body.length + 8);
    out.writeUInt32BE(data.length, 0);
    body.copy(out, 4);
    out.writeUInt32BE(crc32(body), body.length + 4);
    return out;
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header[8] = 8; // bit depth
  header[9] = 2; // truecolour RGB
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  return Buffer.concat([signature, chunk("IHDR", header), chunk("IDAT", deflateSync(Buffer.from([0]))), chunk("IEND", Buffer.alloc(0))]);
}

/** CRC-32 as PNG chunks use it (ISO 3309; Node 20's zlib has no crc32). */
function crc32(bytes: Uint8Array): number {
  let crc = 0xffffffff;
  for (const byte of bytes) {
    crc ^= byte;
    for (let k = 0; k < 8; k++) crc = crc & 1 ? 0xedb88320 ^ (crc >>> 1) : crc >>> 1;
  }
  return (crc ^ 0xffffffff) >>> 0;
}
