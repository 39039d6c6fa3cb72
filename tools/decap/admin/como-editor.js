// Registers our YAML format (como-yaml.js) once per collection, with the shapes como_site/editorconfig.py
// derived from that collection's schema, and the pages' format, then starts Decap CMS with config.yml.
import { fromFile, pageFromFile, pageToFile, toFile } from "./como-yaml.js";

const shapes = await (await fetch("shapes.json", { cache: "no-cache" })).json();
for (const [format, list] of Object.entries(shapes)) {
  window.CMS.registerCustomFormat(format, "yml", {
    fromFile: (text) => fromFile(text, list),
    toFile: (data) => toFile(data, list),
  });
}
// Decap's "new entry" button starts with U+FF0B (a full-width plus), which fonts without CJK glyphs (DejaVu,
// as on our machines) draw as an empty box: the plain + instead.
const english = window.CMS.getLocale("en");
const top = english.collection.collectionTop;
window.CMS.registerLocale("en", { ...english, collection: { ...english.collection,
  collectionTop: { ...top, newButton: top.newButton.replace("\uFF0B", "+") } } });
window.CMS.registerCustomFormat("como-frontmatter", "md", { fromFile: pageFromFile, toFile: pageToFile });
window.CMS.init();
