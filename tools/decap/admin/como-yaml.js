// Our YAML format for the web editor: Decap CMS reads a data file through fromFile() and writes it back
// through toFile(). Decap's own YAML format writes the whole file anew (comments gone, quoting changed); this
// one keeps the file as it was and changes only the values the editor changed:
//   - fromFile keeps the file's text in the entry (SOURCE_KEY; Decap keeps keys no field names) and
//     reshapes what Decap cannot show (the shapes come from como_site/editorconfig.py, via shapes.json);
//   - toFile shapes the data back, compares it with the file's own data, and rewrites a changed text in
//     place in the file's syntax tree (comments, order, quoting and every other line stay byte for byte);
//     a change of structure (an item added, a key removed) rewrites that top-level field only.
import { Composer, CST, Document, Parser, YAMLMap, isScalar, parse, stringify } from "./yaml/index.js";

export const SOURCE_KEY = "__como_source";

const isObject = (value) => value !== null && typeof value === "object" && !Array.isArray(value);
const isEmpty = (value) => value === undefined || value === null || value === "" ||
  (Array.isArray(value) && value.length === 0) || (isObject(value) && Object.keys(value).length === 0);

// Empty values (Decap writes "" or null into a field the editor touched and cleared) count as absent.
function cleaned(value) {
  if (Array.isArray(value)) return value.map(cleaned);
  if (!isObject(value)) return value;
  const result = {};
  for (const [key, item] of Object.entries(value)) {
    const clean = cleaned(item);
    if (!isEmpty(clean)) result[key] = clean;
  }
  return result;
}

// Apply fn to every value at path (["sources", "*", "title"]; "*" is every item of a list).
function reshapeAt(data, path, fn) {
  if (path.length === 0) return fn(data);
  const [head, ...rest] = path;
  if (head === "*") return Array.isArray(data) ? data.map((item) => reshapeAt(item, rest, fn)) : data;
  if (!isObject(data) || !(head in data)) return data;
  return { ...data, [head]: reshapeAt(data[head], rest, fn) };
}

const FORWARD = {   // the file's form -> the form Decap's widgets show
  "one-text": (shape) => (value) => typeof value === "string" ? { [shape.field]: value } : value,
  wrap: (shape) => (value) => isObject(value) ? value : { [shape.key]: value },
  map: (shape) => (value) => isObject(value)
    ? Object.entries(value).map(([key, item]) => shape.value ? { [shape.key]: key, [shape.value]: item } : { [shape.key]: key, ...item })
    : value,
  yaml: () => (value) => value === undefined ? value : stringify(value, { lineWidth: 0 }).trimEnd(),
};

const BACK = {      // Decap's form -> the file's form
  "one-text": (shape) => (value) => {
    if (!isObject(value)) return value;
    const { [shape.field]: one, ...languages } = value;
    return !isEmpty(one) && Object.keys(cleaned(languages)).length === 0 ? one : languages;
  },
  wrap: (shape) => (value) => isObject(value) && Object.keys(cleaned(value)).length === 1 && shape.key in value ? value[shape.key] : value,
  map: (shape) => (value) => Array.isArray(value)
    ? Object.fromEntries(value.map(({ [shape.key]: key, ...item }) => [key, shape.value ? item[shape.value] : item]))
    : value,
  yaml: () => (value) => typeof value === "string" ? parse(value) : value,
};

const byDepth = (shapes) => [...shapes].sort((a, b) => a.path.length - b.path.length);

export function forward(data, shapes) {
  return byDepth(shapes).reduce((result, shape) => reshapeAt(result, shape.path, FORWARD[shape.kind](shape)), data);
}

export function back(data, shapes) {
  return byDepth(shapes).reverse().reduce((result, shape) => reshapeAt(result, shape.path, BACK[shape.kind](shape)), data);
}

// What differs between the file's data and the edited data: [{path, value}] (value undefined: removed).
function differences(before, after, path = [], found = []) {
  if (JSON.stringify(before) === JSON.stringify(after)) return found;
  if (isObject(before) && isObject(after)) {
    for (const key of new Set([...Object.keys(before), ...Object.keys(after)])) differences(before[key], after[key], [...path, key], found);
  } else if (Array.isArray(before) && Array.isArray(after) && before.length === after.length) {
    before.forEach((item, index) => differences(item, after[index], [...path, index], found));
  } else {
    found.push({ path, value: after });
  }
  return found;
}

function parsed(text) {
  const tokens = Array.from(new Parser().parse(text));
  const docs = Array.from(new Composer({ keepSourceTokens: true }).compose(tokens));
  return { tokens, doc: docs[0] };
}

// A text as the scalar it replaces would write it: the same style, unless a plain scalar would read back
// as something else (a number, true, a date-like key), then double-quoted.
function scalarType(node, value) {
  if (typeof value !== "string" || node.type !== "PLAIN") return undefined;
  let readBack;
  try { readBack = parse(value); } catch { readBack = undefined; }
  return readBack === value && !value.includes("\n") ? "PLAIN" : "QUOTE_DOUBLE";
}

function inFlow(doc, path) {
  const parent = doc.getIn(path.slice(0, -1), true);
  return Boolean(parent && parent.flow);
}

// Every change a new text for an existing scalar: rewrite those scalars in place.
function rewriteScalars(text, changes) {
  const { tokens, doc } = parsed(text);
  for (const { path, value } of changes) {
    const node = doc.getIn(path, true);
    if (!isScalar(node) || !node.srcToken || !["string", "number", "boolean"].includes(typeof value)) return null;
    CST.setScalarValue(node.srcToken, String(value), { inFlow: inFlow(doc, path), type: scalarType(node, value), afterKey: path.length > 0 });
  }
  return tokens.map((token) => CST.stringify(token)).join("");
}

// A change of structure: the changed top-level fields are written anew (their comments kept), the rest
// of the file stays as it was.
function rewriteFields(text, changes) {
  const doc = parsed(text).doc;
  const before = doc.toJS();
  for (const { path, value } of changes) {
    if (value === undefined) { doc.deleteIn(path); continue; }
    const node = doc.createNode(value);
    const old = doc.getIn(path, true);
    if (old && node && "flow" in Object(old) && old.flow) node.flow = true;   // [a, b] stays [a, b]
    doc.setIn(path, node);
  }
  let result = text;
  const top = [...new Set(changes.map(({ path }) => path[0]))];
  const pairs = Object.fromEntries(doc.contents.items.map((pair) => [pair.key.value, pair]));
  const original = Object.fromEntries(parsed(text).doc.contents.items.map((pair) => [pair.key.value, pair]));
  const edits = [];
  for (const key of top) {
    const piece = new Document();
    piece.contents = new YAMLMap();
    if (pairs[key]) {
      pairs[key].key.commentBefore = undefined;   // they stand before the field's range: kept there
      pairs[key].key.spaceBefore = false;
      piece.contents.items.push(pairs[key]);
    }
    const written = pairs[key] ? piece.toString({ lineWidth: 0, flowCollectionPadding: false }) : "";
    if (key in original) {
      const pair = original[key];
      const start = pair.key.range[0];
      const end = pair.value ? pair.value.range[2] : pair.key.range[2];
      edits.push({ start, end, written: written && !text.slice(start, end).endsWith("\n") ? written.replace(/\n$/, "") : written });
    } else if (key in before === false) {
      edits.push({ start: result.length, end: result.length, written: (result.endsWith("\n") ? "" : "\n") + written });
    }
  }
  for (const { start, end, written } of edits.sort((a, b) => b.start - a.start)) {
    result = result.slice(0, start) + written + result.slice(end);
  }
  return result;
}

export function fromFile(text, shapes) {
  return { ...forward(parse(text) ?? {}, shapes), [SOURCE_KEY]: text };
}

export function toFile(data, shapes) {
  const { [SOURCE_KEY]: source, ...edited } = data;
  const after = cleaned(back(edited, shapes));
  if (typeof source !== "string") return stringify(after, { lineWidth: 0, flowCollectionPadding: false });   // a new file
  const changes = differences(cleaned(parse(source) ?? {}), after);
  if (changes.length === 0) return source;
  return rewriteScalars(source, changes) ?? rewriteFields(source, changes);
}

// A page: its front matter through the same in-place rewriting (a stamp such as source_hash: "0123..." keeps its
// quotes, so it stays a text), its Markdown body as Decap's markdown widget gives it.
const FRONT_MATTER = /^---\n([\s\S]*?\n)?---\n/;

export function pageFromFile(text) {
  const match = text.match(FRONT_MATTER);
  return { ...fromFile(match ? match[1] || "" : "", []), body: match ? text.slice(match[0].length) : text };
}

export function pageToFile(data) {
  const { body = "", ...front } = data;
  return `---\n${toFile(front, [])}---\n${body}`;
}
