/**
 * Makes `assets/logo.png`, the publisher logo named in content/_data/site.yaml and NewsArticle
 * JSON-LD: a 600×60 wordmark (Google's limit for publisher logos) on white, in the site's accent red.
 * Text is drawn with whatever serif fontconfig finds ("Noto Serif" here), so output may differ by machine.
 *
 *   node --import tsx tests/support/make-logo.ts
 */
import path from "node:path";
import { fileURLToPath } from "node:url";
import sharp from "sharp";

const OUT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../assets/logo.png");
const ACCENT = "#b3122e"; // --accent in assets/css/site.css
const INK = "#141414"; // --fg

// The mark is the favicon's (assets/favicon.svg), scaled from its 32-unit box to 48 px.
const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="600" height="60" viewBox="0 0 600 60">
  <rect width="600" height="60" fill="#fff"/>
  <g transform="translate(6 6) scale(1.5)">
    <rect width="32" height="32" rx="6" fill="${ACCENT}"/>
    <path fill="#fff" d="M8 7h4.2l8 12.3V7H24v18h-3.9L11.8 12.3V25H8z"/>
  </g>
  <text x="68" y="44" font-family="Noto Serif, Georgia, serif" font-weight="700" font-size="40" fill="${INK}">The Northern Dispatch</text>
</svg>`;

await sharp(Buffer.from(svg)).png({ compressionLevel: 9, palette: true }).toFile(OUT);
console.log(`wrote ${path.relative(process.cwd(), OUT)}`);

// The site's share picture (site.yaml `image`): stands for a story without a picture of its own in
// search results and social cards. 1600×900, the wordmark on the masthead's dark ink.
const SHARE = path.resolve(path.dirname(OUT), "share.jpg");
const share = `<svg xmlns="http://www.w3.org/2000/svg" width="1600" height="900" viewBox="0 0 1600 900">
  <rect width="1600" height="900" fill="${INK}"/>
  <g transform="translate(680 420) scale(7.5)"><rect width="32" height="32" rx="6" fill="${ACCENT}"/>
    <path fill="#fff" d="M8 7h4.2l8 12.3V7H24v18h-3.9L11.8 12.3V25H8z"/></g>
  <text x="800" y="300" text-anchor="middle" font-family="Noto Serif, Georgia, serif" font-weight="700" font-size="96" fill="#fff">The Northern Dispatch</text>
</svg>`;
await sharp(Buffer.from(share)).jpeg({ quality: 80, mozjpeg: true }).toFile(SHARE);
console.log(`wrote ${path.relative(process.cwd(), SHARE)}`);
