// Preloaded into each timed process (`node --import`): prints its peak resident memory on exit.
import { writeSync } from "node:fs";
process.on("exit", () => {
  writeSync(2, `\nBENCH_MAX_RSS_KB=${process.resourceUsage().maxRSS}\n`);
});
