/** The html template tag (src/shared/html.ts): interpolations escaped once, trusted HTML passed through, attributes escaped. */
import assert from "node:assert/strict";
import { test } from "node:test";
import { attr, html, raw } from "../../src/shared/html.ts";

test("interpolated text is escaped", () => {
  assert.equal(html`<h1>${'<script>alert("x")</script> & \'q\''}</h1>`.value, "<h1>&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;q&#39;</h1>");
});

test("nested html and arrays are not escaped twice", () => {
  const items = ["a<b", "c"].map((x) => html`<li>${x}</li>`);
  assert.equal(html`<ul>${items}</ul>`.value, "<ul><li>a&lt;b</li><li>c</li></ul>");
});

test("raw() passes trusted HTML through; null, undefined and booleans render nothing", () => {
  assert.equal(html`${raw("<p>ok</p>")}${null}${undefined}${false}`.value, "<p>ok</p>");
});

test("attr() escapes the value and drops undefined", () => {
  assert.equal(attr("title", '"quoted"').value, ' title="&quot;quoted&quot;"');
  assert.equal(attr("title", undefined).value, "");
});
