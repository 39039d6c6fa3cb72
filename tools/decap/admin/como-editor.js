// Registers our YAML format (como-yaml.js) once per collection, with the shapes como_site/editorconfig.py
// derived from that collection's schema, then starts Decap CMS with config.yml.
import { fromFile, toFile } from "./como-yaml.js";

const shapes = await (await fetch("shapes.json", { cache: "no-cache" })).json();
for (const [format, list] of Object.entries(shapes)) {
  window.CMS.registerCustomFormat(format, "yml", {
    fromFile: (text) => fromFile(text, list),
    toFile: (data) => toFile(data, list),
  });
}
window.CMS.init();
