/**
 * Picture and figure markup (src/render/figure.ts), as the hero and inline figures use it: a <source>
 * per modern format, the fallback format in the <img>, its src and intrinsic size, loading priority,
 * and captions with or without a credit. The common case inside Markdown (a JPEG figure with caption
 * and credit) is in the markdown fixtures.
 */
import assert from "node:assert/strict";
import { test } from "node:test";
import { withCrops } from "../../src/images/image-plan.ts";
import { figure, picture, SIZES } from "../../src/render/figure.ts";
import { imagePlan } from "../support/model-values.ts";

const sizes = SIZES.column;
const base = { alt: "Trucks on a road", sizes, imageBase: "/img/" };

test("a transparent hero: WebP and AVIF sources, PNG in the <img>, the 800 px one as src, the largest for its size, loaded first", () => {
  const plan = imagePlan({ name: "map", width: 1600, height: 900, fallback: "png" });
  const widths = (ext: string) => [480, 800, 1200, 1600].map((w) => `/img/map-${w}.${ext} ${w}w`).join(", ");
  assert.equal(
    picture(plan, { ...base, priority: true }).value,
    `<picture><source type="image/avif" srcset="${widths("avif")}" sizes="${sizes}">` +
      `<source type="image/webp" srcset="${widths("webp")}" sizes="${sizes}">` +
      `<img src="/img/map-800.png" srcset="${widths("png")}" sizes="${sizes}" width="1600" height="900" alt="Trucks on a road" loading="eager" fetchpriority="high" decoding="async"></picture>`,
  );
});

test("any other picture loads lazily, without a fetch priority", () => {
  const markup = picture(imagePlan(), base).value;
  assert.match(markup, / loading="lazy" decoding="async">/);
  assert.doesNotMatch(markup, /fetchpriority|eager/);
  assert.equal(picture(imagePlan(), { ...base, priority: false }).value, markup);
});

test("a picture narrower than 800 px has its largest width as src, and that width and height as its size", () => {
  const markup = picture(imagePlan({ name: "pin", width: 700, height: 400 }), base).value;
  assert.match(markup, /<img src="\/img\/pin-700\.jpg" srcset="\/img\/pin-480\.jpg 480w, \/img\/pin-700\.jpg 700w" /);
  assert.match(markup, / width="700" height="400" /);
});

test("a source wider than the widest variant is sized as the largest file served, not as the source", () => {
  const markup = picture(imagePlan({ name: "wide", width: 3000, height: 2000 }), base).value;
  assert.match(markup, / width="1600" height="1067" /);
  assert.match(markup, /<img src="\/img\/wide-800\.jpg" /);
});

test("a hero's fixed-shape crops are for cards and search engines, never offered in the page's srcset", () => {
  const markup = picture(withCrops(imagePlan({ name: "hero" })), base).value;
  assert.doesNotMatch(markup, /hero-\d+x\d+\.jpg/);
  assert.equal(markup, picture(imagePlan({ name: "hero" }), base).value);
});

test("the image base may be absolute, as in feeds", () => {
  const markup = picture(imagePlan({ name: "p", width: 480, height: 320 }), { ...base, imageBase: "https://t.example/news/img/" }).value;
  assert.match(markup, /<source type="image\/avif" srcset="https:\/\/t\.example\/news\/img\/p-480\.avif 480w"/);
  assert.match(markup, /<img src="https:\/\/t\.example\/news\/img\/p-480\.jpg" /);
});

test("alt text is escaped, and an empty alt (a decorative picture) is kept, not dropped", () => {
  assert.match(picture(imagePlan(), { ...base, alt: `"Quotes" & <tags>` }).value, / alt="&quot;Quotes&quot; &amp; &lt;tags&gt;" /);
  assert.match(picture(imagePlan(), { ...base, alt: "" }).value, / alt="" /);
});

test("a figure carries its class; a caption without a credit, or a credit without a caption, shows only what there is", () => {
  const plan = imagePlan({ name: "c" });
  const o = { ...base, className: "hero" };
  const captionOnly = figure(plan, { text: "A convoy leaves.", credit: undefined }, o).value;
  assert.match(captionOnly, /^<figure class="hero"><picture>/);
  assert.match(captionOnly, /<\/picture><figcaption><span class="caption">A convoy leaves\.<\/span><\/figcaption><\/figure>$/);
  const creditOnly = figure(plan, { text: "", credit: "Photo: AFP" }, o).value;
  assert.match(creditOnly, /<\/picture><figcaption><span class="credit">Photo: AFP<\/span><\/figcaption><\/figure>$/);
});

test("a figure without caption or credit has no figcaption; its picture is the picture's markup", () => {
  const plan = imagePlan({ name: "n" });
  assert.equal(figure(plan, { text: "", credit: undefined }, { ...base, className: "figure" }).value, `<figure class="figure">${picture(plan, base).value}</figure>`);
});

test("caption and credit are escaped: an editor's text is never markup", () => {
  const markup = figure(imagePlan(), { text: "<script>alert(1)</script>", credit: `Photo: "A & B"` }, { ...base, className: "figure" }).value;
  assert.match(markup, /<span class="caption">&lt;script&gt;alert\(1\)&lt;\/script&gt;<\/span> <span class="credit">Photo: &quot;A &amp; B&quot;<\/span>/);
  assert.doesNotMatch(markup, /<script>/);
});

test("the picture's colour fills its box until it loads", () => {
  const markup = picture({ ...imagePlan(), colour: "#3a5f7d" }, base).value;
  assert.match(markup, /<img [^>]* width="1600" height="900" [^>]*decoding="async" style="background-color:#3a5f7d"><\/picture>$/);
});

test("a picture without a colour (one with transparency) has no background behind it", () => {
  assert.doesNotMatch(picture(imagePlan({ fallback: "png" }), base).value, /style=/);
});
