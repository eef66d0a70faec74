/**
 * The GitHub Actions workflows in .github/workflows parse, and hold the steps the project relies on:
 * CI checks content and runs every test with a browser and xmllint; Pages builds for the Pages URL
 * (DATELINE_URL from actions/configure-pages) and deploys `_site/` with the official actions. The
 * check step's annotation script is run here on sample findings.
 */
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { test } from "node:test";
import { parse } from "yaml";
import { REPO } from "../support/fixture-site.ts";

interface Step {
  name?: string;
  id?: string;
  uses?: string;
  run?: string;
  with?: Record<string, unknown>;
  env?: Record<string, string>;
}
interface Job {
  "runs-on": string;
  needs?: string | string[];
  strategy?: { matrix?: Record<string, unknown[]> };
  environment?: { name: string; url?: string };
  steps: Step[];
}
interface Workflow {
  name: string;
  on: Record<string, unknown>;
  permissions: Record<string, string>;
  concurrency?: { group: string; "cancel-in-progress"?: boolean };
  jobs: Record<string, Job>;
}

const workflow = (name: string) => parse(readFileSync(path.join(REPO, ".github/workflows", name), "utf8"), { prettyErrors: true }) as Workflow;
const runs = (job: Job) => job.steps.map((s) => s.run ?? "").join("\n");
const scripts = (JSON.parse(readFileSync(path.join(REPO, "package.json"), "utf8")) as { scripts: Record<string, string> }).scripts;

test("ci.yml: on pull requests and pushes, content check then every test, with a browser and xmllint, on each supported Node", () => {
  const ci = workflow("ci.yml");
  assert.ok("pull_request" in ci.on && "push" in ci.on);
  assert.deepEqual(ci.permissions, { contents: "read" });
  const job = ci.jobs.test!;
  assert.equal(job["runs-on"], "ubuntu-latest");
  // package.json promises Node 20.10 or later; README says tested on 20 and 22.
  assert.deepEqual(job.strategy?.matrix?.node, [20, 22]);
  assert.ok(job.steps.some((s) => s.uses?.startsWith("actions/checkout@")));
  assert.ok(job.steps.some((s) => s.uses?.startsWith("actions/setup-node@") && s.with?.["node-version"] === "${{ matrix.node }}"));
  const commands = runs(job);
  assert.match(commands, /apt-get install -y --no-install-recommends libxml2-utils/);
  assert.match(commands, /echo "DATELINE_CHROMIUM=\$browser" >> "\$GITHUB_ENV"/);
  const order = ["npm ci", "npm run --silent check", "npm test"].map((c) => commands.indexOf(c));
  assert.ok(order.every((i) => i >= 0) && order[0]! < order[1]! && order[1]! < order[2]!, `npm ci, check, test in order: ${order}`);
});

test("ci.yml: the check step turns `npm run check -- --json` findings into annotations", async () => {
  const step = workflow("ci.yml").jobs.test!.steps.find((s) => s.run?.includes("check -- --json"))!;
  const script = /<<'JS'\n([\s\S]*?)\nJS\n/.exec(step.run!)?.[1];
  assert.ok(script, "the annotation script is a heredoc");
  const dir = await mkdtemp(path.join(tmpdir(), "dateline-annotations-"));
  try {
    const findings = path.join(dir, "check.json");
    await writeFile(
      findings,
      JSON.stringify([
        { file: "content/world/a.md", line: 3, field: "summary", severity: "error", message: "required: 100% of stories\nneed one" },
        { file: "content/world/b,c.md", line: null, field: "title", severity: "warning", message: "over 110 characters" },
      ]),
    );
    const output = execFileSync(process.execPath, ["-", findings], { input: script, encoding: "utf8" });
    assert.equal(
      output,
      [
        "content/world/a.md:3: summary: required: 100% of stories\nneed one (error)",
        "::error file=content/world/a.md,line=3,title=summary::required: 100%25 of stories%0Aneed one",
        "content/world/b,c.md: title: over 110 characters (warning)",
        "::warning file=content/world/b%2Cc.md,title=title::over 110 characters",
        "2 finding(s)",
        "",
      ].join("\n"),
    );
    // Output that is not the findings (a crash of the check) fails the step loudly, never "No problems".
    assert.throws(() => execFileSync(process.execPath, ["-", path.join(dir, "missing.json")], { input: script, stdio: "pipe" }), /ENOENT/);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});

test("pages.yml: on pushes to main, built for the Pages URL, deployed with the official actions", () => {
  const pages = workflow("pages.yml");
  assert.deepEqual((pages.on.push as { branches: string[] }).branches, ["main"]);
  assert.ok("workflow_dispatch" in pages.on);
  assert.deepEqual(pages.permissions, { contents: "read", pages: "write", "id-token": "write" });
  assert.equal(pages.concurrency?.group, "pages");
  assert.equal(pages.concurrency?.["cancel-in-progress"], false);

  const build = pages.jobs.build!;
  const configure = build.steps.findIndex((s) => s.uses?.startsWith("actions/configure-pages@") && s.id === "pages");
  const buildStep = build.steps.findIndex((s) => s.run === "npm run build");
  const upload = build.steps.findIndex((s) => s.uses?.startsWith("actions/upload-pages-artifact@"));
  assert.ok(configure >= 0 && configure < buildStep && buildStep < upload, `configure ${configure}, build ${buildStep}, upload ${upload}`);
  assert.equal(build.steps[buildStep]!.env?.DATELINE_URL, "${{ steps.pages.outputs.base_url }}");
  assert.equal(build.steps[upload]!.with?.path, "_site");
  assert.ok(runs(build).indexOf("npm ci") < runs(build).indexOf("npm run build"));

  const deploy = pages.jobs.deploy!;
  assert.equal(deploy.needs, "build");
  assert.deepEqual(deploy.environment, { name: "github-pages", url: "${{ steps.deployment.outputs.page_url }}" });
  assert.ok(deploy.steps.some((s) => s.uses?.startsWith("actions/deploy-pages@") && s.id === "deployment"));
});

test("every step's shell script parses; every npm script a workflow runs exists; every action is pinned to a major version", () => {
  for (const name of ["ci.yml", "pages.yml"]) {
    const jobs = Object.values(workflow(name).jobs);
    for (const step of jobs.flatMap((j) => j.steps)) if (step.run) execFileSync("bash", ["-n"], { input: step.run, stdio: "pipe" });
    for (const [, script] of jobs.map(runs).join("\n").matchAll(/npm run (?:--silent )?([a-z:-]+)/g)) {
      assert.ok(scripts[script!], `${name} runs \`npm run ${script}\`, which package.json does not define`);
    }
    for (const step of jobs.flatMap((j) => j.steps)) {
      if (step.uses) assert.match(step.uses, /^actions\/[a-z-]+@v\d+$/, `${name}: ${step.uses}`);
    }
  }
});
