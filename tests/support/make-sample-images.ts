/**
 * Makes the illustrations of the sample articles under `content/`: flat SVG graphics (schematic maps,
 * a chart, abstract scenes) rendered to small JPEGs with sharp, then the words each one carries
 * embedded in it (issue 19: caption, credit, creator, copyright, alt text, digital source type, in
 * XMP and IPTC IIM; embed-picture-metadata.ts). No photographs, no network, no randomness beyond a
 * seeded generator, so the same inputs give the same files on a given machine (text is drawn with
 * whatever "DejaVu Sans" fontconfig finds).
 *
 *   node --import tsx tests/support/make-sample-images.ts                   # draw every picture again, then embed
 *   node --import tsx tests/support/make-sample-images.ts --metadata-only   # embed into the committed files, pixels untouched
 *
 * The JPEGs are committed as sample content; this script documents how they were made and remakes
 * them. `--metadata-only` is for a change of words: redrawing would change every file's bytes with
 * the machine's fonts and libvips; it writes only the files whose words changed.
 *
 * The drawing is in svg-drawing.ts, sample-maps.ts and sample-scenes.ts; importing this module does
 * nothing but define (and pass on) the helpers, so tests may reuse `renderSvgToJpeg`.
 */
import { readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { embedPictureMetadata, type PictureMetadata } from "./embed-picture-metadata.ts";
import { REDEPLOYMENT_LABELS, redeploymentMap, SUMMIT_LABELS, summitHero } from "./sample-maps.ts";
import { campHero, mountainRoadHero, oilChart, portrait, powerHero, snowHero } from "./sample-scenes.ts";
import { renderSvgToJpeg } from "./svg-drawing.ts";

export { renderSvgToJpeg, seededRandom } from "./svg-drawing.ts";
export * from "./sample-maps.ts";
export * from "./sample-scenes.ts";

export interface SampleImage {
  /** Relative to `content/`. */
  file: string;
  width: number;
  height: number;
  svg: () => string;
  /** The words embedded in the file; none in the authors' portraits. */
  metadata?: PictureMetadata;
}

type Lang = "en" | "ckb" | "ar";
/** A text in the picture's own language and, for the Sorani and Arabic pictures, in English too. */
type Texts = Partial<Record<Lang, string>>;

/** These are illustrations drawn by a script: IPTC's "digital creation", not a photograph, not AI-generated. */
const DIGITAL_CREATION = "http://cv.iptc.org/newscodes/digitalsourcetype/digitalCreation";

/** The sample publication's graphics desk in each edition's words (content/_data/site.yaml). */
const DESK: Record<Lang, { credit: string; creator: string; rights: string }> = {
  en: { credit: "The Northern Dispatch", creator: "Northern Dispatch graphics desk", rights: "© 2026 Northern Dispatch Media" },
  ckb: { credit: "پەیامی باکوور", creator: "بەشی گرافیکی پەیامی باکوور", rights: "© ٢٠٢٦ دەزگای ڕاگەیاندنی پەیامی باکوور" },
  ar: { credit: "رسالة الشمال", creator: "قسم الرسوم في رسالة الشمال", rights: "© 2026 مؤسسة رسالة الشمال للإعلام" },
};

/**
 * XMP and UTF-8 IIM carrying the same words, the picture's language being `x-default` too. Without
 * `alt` the story's Markdown has to give the alt text.
 */
function deskWords(lang: Lang, caption: Texts, alt?: Texts): PictureMetadata {
  const langAlt = (texts: Texts) => ({ "x-default": texts[lang]!, ...(texts as Record<string, string>) });
  const desk = DESK[lang];
  return {
    xmp: {
      description: langAlt(caption),
      ...(alt && { altText: langAlt(alt) }),
      credit: desk.credit,
      creator: [desk.creator],
      rights: langAlt({ [lang]: desk.rights, en: DESK.en.rights }),
      digitalSourceType: DIGITAL_CREATION,
    },
    iim: { caption: caption[lang]!, credit: desk.credit, byline: [desk.creator], copyright: desk.rights, charset: "utf-8" },
  };
}

export const SAMPLE_IMAGES: readonly SampleImage[] = [
  {
    file: "middle-east/al-sharaa-moscow-putin/hero.jpg",
    width: 1600,
    height: 900,
    svg: () => summitHero(1600, 900),
    metadata: deskWords(
      "en",
      { en: "Syria's president, Ahmed al-Sharaa, met Vladimir Putin in Moscow on 28 January 2026, his second visit since taking power." },
      { en: "Illustrated map: a red dashed line arcs from Damascus, in a shaded Syria, north over the Black Sea to Moscow. A dark strip along the foot reads “Syria and Russia: a second summit”." },
    ),
  },
  {
    file: "middle-east/al-sharaa-moscow-putin/qamishlo-redeployment.jpg",
    width: 1200,
    height: 800,
    svg: () => redeploymentMap(1200, 800),
    metadata: deskWords(
      "en",
      { en: "Russian forces moved armour, radar systems and other equipment from Qamishlo airport to their bases on the Latakia coast in January 2026." },
      { en: "Schematic map of Syria: a red arrow curves from Qamishlo airport in the north-east to the Hmeimim air base on the Mediterranean coast. The Tartus naval facility and Damascus are also marked, with Turkey to the north and Iraq to the east." },
    ),
  },
  {
    file: "middle-east/northeast-syria-winter-displacement/hero.jpg",
    width: 1600,
    height: 900,
    svg: () => campHero(1600, 900),
    metadata: deskWords(
      "en",
      { en: "Families displaced by fighting in north-east Syria face freezing nights short of fuel, blankets and shelter." },
      { en: "Illustration: rows of pale tents fill a bare, sandy plain under a grey winter sky, with low brown hills and a faint sun behind them." },
    ),
  },
  // No alt text in the file: the story's Markdown has to give one.
  {
    file: "kurdistan/duhok-round-the-clock-power/hero.jpg",
    width: 1600,
    height: 900,
    svg: () => powerHero(1600, 900),
    metadata: deskWords("en", { en: "Another 24,000 Duhok households now have electricity from the grid day and night, the Kurdistan Region's electricity ministry says." }),
  },
  // IIM alone, in Latin-1 without dataset 1:90, as older desk software writes it: no XMP, so no alt text.
  {
    file: "world/snow-grounds-flights-northern-europe/hero.jpg",
    width: 1600,
    height: 1067,
    svg: () => snowHero(1600, 1067),
    metadata: {
      iim: {
        caption: "Snow falls on an airport runway as Stockholm, Oslo and Helsinki cancel hundreds of flights.",
        credit: DESK.en.credit,
        byline: [DESK.en.creator],
        copyright: DESK.en.rights,
        charset: "latin-1",
      },
    },
  },
  {
    file: "business/iraq-budget-oil-price/brent-2025.jpg",
    width: 1200,
    height: 800,
    svg: () => oilChart(1200, 800),
    metadata: deskWords(
      "en",
      { en: "Brent crude averaged $79 a barrel in January 2025 and $62 in December; Iraq's draft 2026 budget assumes $65." },
      { en: "Bar chart of Brent crude's monthly average price in 2025, in US dollars a barrel: 79 in January, falling to 64 by May, 71 in June and July, then easing to 62 in December, the last bar, drawn in red." },
    ),
  },
  // The Sorani and Arabic editions' stories (issue 6): their own files, words in their own script.
  {
    file: "ckb/middle-east/al-sharaa-moscow-putin/hero.jpg",
    width: 1600,
    height: 900,
    svg: () => summitHero(1600, 900, SUMMIT_LABELS.ckb),
    metadata: deskWords(
      "ckb",
      {
        ckb: "ئەحمەد شەرع، سەرۆکی سووریا، بۆ دووەم جار لەوەتەی دەسەڵاتی گرتۆتە دەست، لە مۆسکۆ لەگەڵ ڤلادیمیر پوتین کۆبووەوە.",
        en: "Syria's president, Ahmed al-Sharaa, met Vladimir Putin in Moscow for the second time since taking power.",
      },
      {
        ckb: "نەخشەیەکی وێنەکێشراو: هێڵێکی سووری پچڕپچڕ لە دیمەشقەوە بە سەر دەریای ڕەشدا بەرەو مۆسکۆ دەچێت. لە خوارەوەی وێنەکە نووسراوە: «سووریا و ڕووسیا: دووەم لووتکە».",
        en: "Illustrated map: a red dashed line runs from Damascus over the Black Sea to Moscow. The strip along the foot reads “Syria and Russia: a second summit” in Sorani.",
      },
    ),
  },
  {
    file: "ckb/middle-east/al-sharaa-moscow-putin/redeployment-map.jpg",
    width: 1200,
    height: 800,
    svg: () => redeploymentMap(1200, 800, REDEPLOYMENT_LABELS.ckb),
    metadata: deskWords(
      "ckb",
      {
        ckb: "هێزە ڕووسییەکان لە کانوونی دووەمی ٢٠٢٦دا ئامێرەکانیان لە فڕۆکەخانەی قامیشلۆوە بۆ بنکەی ئاسمانیی حمێمیم لە کەناری دەریای ناوەڕاست گواستەوە.",
        en: "In January 2026 Russian forces moved their equipment from Qamishlo airport to the Hmeimim air base on the Mediterranean coast.",
      },
      {
        ckb: "نەخشەی سووریا: تیرێکی سوور لە فڕۆکەخانەی قامیشلۆ لە باکووری ڕۆژهەڵاتەوە بەرەو بنکەی حمێمیم لە کەناری دەریای ناوەڕاست دەڕوات؛ تەرتووس و دیمەشقیش دیاری کراون.",
        en: "Map of Syria: a red arrow runs from Qamishlo airport in the north-east to the Hmeimim air base on the Mediterranean coast; Tartus and Damascus are also marked. The labels are in Sorani.",
      },
    ),
  },
  {
    file: "ar/middle-east/al-sharaa-moscow-putin/hero.jpg",
    width: 1600,
    height: 900,
    svg: () => summitHero(1600, 900, SUMMIT_LABELS.ar),
    metadata: deskWords(
      "ar",
      {
        ar: "التقى الرئيس السوري أحمد الشرع فلاديمير بوتين في موسكو للمرة الثانية منذ توليه السلطة.",
        en: "Syria's president, Ahmed al-Sharaa, met Vladimir Putin in Moscow for the second time since taking power.",
      },
      {
        ar: "خريطة توضيحية: خط أحمر متقطع يمتد من دمشق فوق البحر الأسود إلى موسكو، وفي أسفل الصورة شريط كُتب عليه «سوريا وروسيا: قمة ثانية».",
        en: "Illustrated map: a red dashed line runs from Damascus over the Black Sea to Moscow. The strip along the foot reads “Syria and Russia: a second summit” in Arabic.",
      },
    ),
  },
  {
    file: "ar/middle-east/al-sharaa-moscow-putin/redeployment-map.jpg",
    width: 1200,
    height: 800,
    svg: () => redeploymentMap(1200, 800, REDEPLOYMENT_LABELS.ar),
    metadata: deskWords(
      "ar",
      {
        ar: "نقلت القوات الروسية معداتها في كانون الثاني 2026 من مطار القامشلي إلى قاعدة حميميم الجوية على ساحل البحر المتوسط.",
        en: "In January 2026 Russian forces moved their equipment from Qamishlo airport to the Hmeimim air base on the Mediterranean coast.",
      },
      {
        ar: "خريطة لسوريا: سهم أحمر يمتد من مطار القامشلي في الشمال الشرقي إلى قاعدة حميميم الجوية على ساحل البحر المتوسط، مع تحديد موقعي طرطوس ودمشق.",
        en: "Map of Syria: a red arrow runs from Qamishlo airport in the north-east to the Hmeimim air base on the Mediterranean coast; Tartus and Damascus are also marked. The labels are in Arabic.",
      },
    ),
  },
  {
    file: "ckb/kurdistan/snow-closes-mountain-roads/hero.jpg",
    width: 1600,
    height: 900,
    svg: () => mountainRoadHero(1600, 900),
    metadata: deskWords(
      "ckb",
      {
        ckb: "دوای بەفربارینێکی قورس، ئامێرێکی بەفرماڵین ڕێگایەکی شاخاوی پاک دەکاتەوە و ڕیزێک بارهەڵگر لە خوارەوە چاوەڕێ دەکەن.",
        en: "After heavy snow, a snowplough clears a mountain road while a line of lorries waits below.",
      },
      {
        ckb: "وێنەیەکی وێنەکێشراو: ڕێگایەکی پێچاوپێچ بە ناو شاخە بەفراوییەکاندا بەرەو سەرەوە دەچێت؛ ئامێرێکی بەفرماڵینی زەرد لە نزیک گەردنەکە کار دەکات، چوار بارهەڵگر لە خوارەوە ڕاوەستاون و بەفر دەبارێت.",
        en: "Illustration: a winding road climbs between snowy mountains; a yellow snowplough works near the pass, four lorries stand on the road below, and snow is falling.",
      },
    ),
  },
  { file: "_data/authors/karwan-mirkhan.jpg", width: 400, height: 400, svg: () => portrait("#2f4858", "#c9a27e") },
  { file: "_data/authors/shilan-rashid.jpg", width: 400, height: 400, svg: () => portrait("#6b3e5a", "#d6b08c") },
];

/**
 * Draws each picture (unless `metadataOnly`) and embeds its words. A picture without words loses any
 * it had, so a file carries exactly what the table says.
 */
export async function makeSampleImages(contentDir: string, { metadataOnly = false } = {}): Promise<{ file: string; bytes: number; written: boolean }[]> {
  const made: { file: string; bytes: number; written: boolean }[] = [];
  for (const image of SAMPLE_IMAGES) {
    const target = path.join(contentDir, image.file);
    if (!metadataOnly) await renderSvgToJpeg(image.svg(), target, image.width, image.height);
    const before = await readFile(target);
    const after = embedPictureMetadata(before, image.metadata ?? {});
    const written = !after.equals(before);
    if (written) await writeFile(target, after);
    made.push({ file: image.file, bytes: after.length, written: written || !metadataOnly });
  }
  return made;
}

// Run as the script itself, never when bundled into a test file (tests/support/test-bundles.ts), where
// import.meta.url is the bundle's, the script being run.
if (process.argv[1] && path.basename(process.argv[1]) === "make-sample-images.ts" && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  const flags = process.argv.slice(2);
  const unknown = flags.filter((f) => f !== "--metadata-only");
  if (unknown.length) {
    console.error(`make-sample-images: unknown argument ${unknown.join(" ")}; the only one is --metadata-only`);
    process.exit(2);
  }
  const contentDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../content");
  const made = await makeSampleImages(contentDir, { metadataOnly: flags.includes("--metadata-only") });
  let total = 0;
  for (const { file, bytes, written } of made) {
    total += bytes;
    console.log(`${(bytes / 1024).toFixed(1).padStart(7)} KB  content/${file}${written ? "" : "  (unchanged)"}`);
  }
  console.log(`${(total / 1024).toFixed(1).padStart(7)} KB  total`);
}
