/**
 * `npm run edit`: the preview (`npm start`, with live reload) and Decap CMS's local backend
 * (`decap-server`, which reads and writes this checkout's files) together, so that an editor opens
 * http://localhost:8080/admin/, writes a story in the form and finds it in content/, checked by the
 * build as the preview rebuilds. Ctrl-C stops both; when either stops, the other is stopped too and
 * the command exits with its code.
 *
 *   npm run edit [-- --port 8080] [--backend-port 8081]
 *
 * The backend listens on 127.0.0.1 only, and writes only inside the project (decap-server refuses
 * paths that leave its folder); it commits nothing: the editor commits the files as usual.
 */
import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";
import { parseArgs } from "node:util";
import { exitCodeOf } from "../shared/processes.ts";
import { REPO } from "../shared/repo.ts";

const USAGE = `Usage: npm run edit [-- --port 8080] [--backend-port 8081]

Starts the preview and the editing form's local backend; open http://localhost:<port>/admin/.`;

const { values } = parseArgs({
  args: process.argv.slice(2),
  options: { port: { type: "string", default: "8080" }, "backend-port": { type: "string" }, help: { type: "boolean", short: "h" } },
});
if (values.help) {
  console.log(USAGE);
  process.exit(0);
}
const port = Number(values.port);
const backendPort = Number(values["backend-port"] ?? port + 1);
if (![port, backendPort].every((p) => Number.isInteger(p) && p > 0 && p < 65536) || port === backendPort) {
  console.error(`--port ${values.port} --backend-port ${values["backend-port"] ?? ""}: expected two different port numbers.\n\n${USAGE}`);
  process.exit(2);
}

const root = process.cwd();
const backend = `http://127.0.0.1:${backendPort}/api/v1`;
// The packages as `npm start` names them: from the repository's node_modules (neither exports these files).
const modules = path.join(REPO, "node_modules");

// The same command as `npm start`, with the repository's paths (the project may be elsewhere).
const preview = spawn(
  process.execPath,
  [
    ...["src", "templates", ".eleventy.ts"].map((p) => `--watch-path=${path.join(REPO, p)}`),
    "--import",
    import.meta.resolve("tsx"),
    path.join(modules, "@11ty/eleventy/cmd.cjs"),
    `--config=${path.join(REPO, ".eleventy.ts")}`,
    "--serve",
    `--port=${port}`,
  ],
  { cwd: root, stdio: "inherit", env: { ...process.env, DATELINE_LOCAL_BACKEND: backend } },
);
const server = spawn(process.execPath, [path.join(modules, "decap-server/dist/index.js")], {
  cwd: root,
  stdio: ["ignore", "pipe", "inherit"],
  env: { ...process.env, PORT: String(backendPort), BIND_HOST: "127.0.0.1", GIT_REPO_DIRECTORY: root, MODE: "fs", LOG_LEVEL: "info" },
});
// decap-server's own lines, and ours once it listens: where the form is.
server.stdout!.on("data", (chunk: Buffer) => {
  const text = chunk.toString();
  process.stdout.write(text.replace(/^(?=.)/gm, "[decap-server] "));
  if (/listening on/i.test(text)) console.log(`[dateline] Editing: open http://localhost:${port}/admin/ (the form saves into ${path.join(path.relative(process.cwd(), root) || ".", "content")}/)`);
});

const children = [preview, server];
let exiting = false;
function stopAll(signal: NodeJS.Signals): void {
  for (const child of children) if (child.exitCode === null && child.signalCode === null) child.kill(signal);
}
for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => stopAll(signal));
for (const child of children) {
  child.on("exit", (code, signal) => {
    if (!exiting) {
      exiting = true;
      process.exitCode = exitCodeOf(code, signal);
    }
    stopAll("SIGTERM");
  });
}
await Promise.all(children.map((c: ChildProcess) => new Promise((resolve) => (c.exitCode !== null || c.signalCode !== null ? resolve(null) : c.on("exit", resolve)))));
