/**
 * A tiny static file server for a built site, for the browser tests: 127.0.0.1 on a random port,
 * `dir/` serves `dir/index.html`, `/dir` redirects to `/dir/`, a missing file gets status 404 with
 * the site's own `404.html` when it has one. Paths are percent-decoded (non-ASCII URLs) and must
 * stay inside the folder.
 */
import { createReadStream } from "node:fs";
import { readFile, stat } from "node:fs/promises";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";

export interface StaticServer {
  /** The server's origin with a trailing slash, e.g. `http://127.0.0.1:41234/`. */
  url: string;
  close(): Promise<void>;
}

const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".htm": "text/html; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".webmanifest": "application/manifest+json; charset=utf-8",
  ".xml": "application/xml; charset=utf-8",
  ".txt": "text/plain; charset=utf-8",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".jpg": "image/jpeg",
  ".jpeg": "image/jpeg",
  ".gif": "image/gif",
  ".webp": "image/webp",
  ".avif": "image/avif",
  ".ico": "image/x-icon",
  ".wasm": "application/wasm",
  ".woff2": "font/woff2",
  ".woff": "font/woff",
};

export function contentTypeOf(file: string): string {
  return TYPES[path.extname(file).toLowerCase()] ?? "application/octet-stream";
}

async function isFile(p: string): Promise<boolean> {
  return (await stat(p).catch(() => undefined))?.isFile() ?? false;
}
async function isDir(p: string): Promise<boolean> {
  return (await stat(p).catch(() => undefined))?.isDirectory() ?? false;
}

export async function serveStatic(dir: string): Promise<StaticServer> {
  const root = path.resolve(dir);

  async function notFound(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const page = path.join(root, "404.html");
    const own = await isFile(page);
    const body = own ? await readFile(page) : Buffer.from("Not found\n");
    res.writeHead(404, {
      "content-type": own ? TYPES[".html"] : TYPES[".txt"],
      "content-length": body.length,
      "cache-control": "no-store",
    });
    res.end(req.method === "HEAD" ? undefined : body);
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    if (req.method !== "GET" && req.method !== "HEAD") {
      res.writeHead(405, { allow: "GET, HEAD" }).end();
      return;
    }
    const url = new URL(req.url ?? "/", "http://localhost");
    let pathname: string;
    try {
      pathname = decodeURIComponent(url.pathname);
    } catch {
      res.writeHead(400, { "content-type": TYPES[".txt"] }).end("Bad request: malformed URL\n");
      return;
    }
    if (pathname.includes("\0")) {
      res.writeHead(400, { "content-type": TYPES[".txt"] }).end("Bad request\n");
      return;
    }
    const file = path.resolve(root, "." + pathname);
    if (file !== root && !file.startsWith(root + path.sep)) {
      res.writeHead(403, { "content-type": TYPES[".txt"] }).end("Forbidden: outside the site\n");
      return;
    }
    let target = file;
    if (await isDir(file)) {
      if (!url.pathname.endsWith("/")) {
        res.writeHead(301, { location: url.pathname + "/" + url.search }).end();
        return;
      }
      target = path.join(file, "index.html");
    }
    if (!(await isFile(target))) return notFound(req, res);
    const { size } = await stat(target);
    res.writeHead(200, { "content-type": contentTypeOf(target), "content-length": size, "cache-control": "no-cache" });
    if (req.method === "HEAD") {
      res.end();
      return;
    }
    createReadStream(target).on("error", () => res.destroy()).pipe(res);
  }

  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      if (!res.headersSent) res.writeHead(500, { "content-type": TYPES[".txt"] });
      res.end(`Server error: ${String(error)}\n`);
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/`,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}
