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
window.CMS.registerCustomFormat("como-frontmatter", "md", { fromFile: pageFromFile, toFile: pageToFile });
window.CMS.init();
