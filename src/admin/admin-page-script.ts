/**
 * The script of /admin/, after Decap CMS's own (bundled for the browser by admin-script.ts): it
 * registers Dateline's file formats (entry-files.ts), a text field with suggestions for bylines and
 * story slugs, the slug a new story gets from its headline (as the build makes it), and the
 * direction of an RTL edition's form; then starts Decap CMS, which the page holds back until now
 * (`CMS_MANUAL_INIT`) so that the formats exist when it reads config.yml.
 */
import { slugOf } from "../site/slugs.ts";
import { readDataFile, readStory, tidy, writeDataFile, writeStory } from "./entry-files.ts";
import { dataFormat, FACTS_ID, storyFormat, SUGGEST_WIDGET, type AdminModel } from "../model/admin.ts";

type Data = Record<string, unknown>;
interface ImmutableMap {
  get(key: string): unknown;
  set(key: string, value: unknown): ImmutableMap;
  toJS(): unknown;
}
interface DecapCms {
  init(): void;
  registerCustomFormat(name: string, extension: string, formatter: { fromFile(text: string): Data; toFile(data: Data): string }): void;
  registerWidget(name: string, control: unknown): void;
  registerEventListener(listener: { name: string; handler(args: { entry: ImmutableMap }): unknown }): void;
}
type H = (type: string, props: Record<string, unknown> | null, ...children: unknown[]) => unknown;
interface WidgetProps {
  forID: string;
  value: string | undefined;
  field: ImmutableMap;
  onChange(value: string): void;
  classNameWrapper: string;
  setActiveStyle(): void;
  setInactiveStyle(): void;
}

const page = window as unknown as { CMS: DecapCms; createClass(spec: Record<string, unknown>): unknown; h: H };
const facts = JSON.parse(document.getElementById(FACTS_ID)!.textContent!) as AdminModel["facts"];
const { CMS, h } = page;

for (const code of Object.keys(facts.editions)) {
  CMS.registerCustomFormat(storyFormat(code), "md", { fromFile: (text) => readStory(text, facts), toFile: (data) => writeStory(data, facts) });
  CMS.registerCustomFormat(dataFormat(code), "yaml", { fromFile: (text) => readDataFile(text, facts, code), toFile: (data) => writeDataFile(data, facts, code) });
}

// A text field that suggests values (the site's authors, the newest stories' slugs) and takes any
// other: a wire agency's byline, a story older than the suggestions. The browser's own <datalist>.
CMS.registerWidget(
  SUGGEST_WIDGET,
  page.createClass({
    render(this: { props: WidgetProps }) {
      const { forID, value, field, onChange, classNameWrapper, setActiveStyle, setInactiveStyle } = this.props;
      const options = ((field.get("options") as { toJS(): unknown } | undefined)?.toJS() ?? []) as (string | { value: string; label: string })[];
      const listId = `${forID}-suggestions`;
      return h(
        "div",
        null,
        h("input", {
          id: forID,
          type: "text",
          dir: "auto",
          className: classNameWrapper,
          value: value ?? "",
          list: listId,
          autoComplete: "off",
          onChange: (e: { target: { value: string } }) => onChange(e.target.value),
          onFocus: setActiveStyle,
          onBlur: setInactiveStyle,
        }),
        h("datalist", { id: listId }, ...options.map((o) => (typeof o === "string" ? h("option", { key: o, value: o }) : h("option", { key: o.value, value: o.value, label: o.label })))),
      );
    },
  }),
);

// A new story's slug, when the editor gave none: the build's own, from the headline. Decap makes the
// folder from it after this handler, and the build reads the same `slug:` back.
CMS.registerEventListener({
  name: "preSave",
  handler: ({ entry }) => {
    const data = entry.get("data") as ImmutableMap;
    const slug = data.get("slug");
    const title = data.get("title");
    if (typeof data.get("section") !== "string") return undefined;
    // A group given in part (a picture without its alt text): refused, as the build would refuse it.
    for (const rule of facts.requiredInGroups) {
      // Empty as the file format writes it: a group or field left empty is not written at all.
      const group = tidy((data.get(rule.group) as ImmutableMap | undefined)?.toJS()) as Record<string, unknown> | undefined;
      if (group && group[rule.field] === undefined) throw new Error(`${rule.groupLabel}: ${rule.label} is required.`);
    }
    if ((typeof slug === "string" && slug.trim()) || typeof title !== "string") return undefined;
    return data.set("slug", slugOf(title));
  },
});

// An RTL edition's form reads right to left: its labels and hints, and each field's text by its own
// first letter (`dir=auto`: a Latin slug or URL stays left to right).
function setDirection(): void {
  const name = /^#\/collections\/([^/]+)/.exec(location.hash)?.[1];
  const rtl = name !== undefined && facts.collections[decodeURIComponent(name)]?.dir === "rtl";
  for (const el of document.querySelectorAll<HTMLElement>("input:not([type]), input[type=text], textarea")) {
    if (!el.hasAttribute("dir")) el.setAttribute("dir", "auto");
  }
  // Each field's box (Decap labels it "<widget> field"): its label, control and hint together.
  const want = rtl ? "rtl" : "ltr";
  for (const label of document.querySelectorAll<HTMLLabelElement>("label[for]")) {
    const box = label.closest<HTMLElement>('[aria-label$=" field"]') ?? label.parentElement;
    if (box && box.dir !== want) box.dir = want;
  }
}
new MutationObserver(setDirection).observe(document.body, { childList: true, subtree: true });
addEventListener("hashchange", setDirection);

CMS.init();
