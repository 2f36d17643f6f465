// A Redocly plugin (redocly.yaml) whose decorator prints each claim's trail after its description, so a reader of the
// rendered docs tells a OneAccess fact ("Source: <pages>") from this package's decision ("Package rule: <why>") at a
// glance. It runs on `redocly bundle` and `build-docs`, so the shipped openapi.json and its generated types say it too.

/** The trail lines of a node: "Source: ..." and/or "Package rule: ...", or "" when it has none. */
export function trailNote(node) {
  const lines = [];
  const sources = node["x-source"];
  if (Array.isArray(sources) && sources.length > 0) lines.push(`Source: ${sources.join(", ")}`);
  if (typeof node["x-package-rule"] == "string" && node["x-package-rule"].trim()) lines.push(`Package rule: ${node["x-package-rule"].trim()}`);
  return lines.join("\n\n");
}

/** Appends `note` to `node.description` once (a shared component is visited once per reference). */
function append(node, note) {
  if (!note) return;
  const description = typeof node.description == "string" ? node.description.trimEnd() : "";
  if (description.includes(note)) return;
  node.description = description ? `${description}\n\n${note}` : note;
}

/** Adds each enum value's trail to its x-enumDescriptions meaning: "(Source: ...)" or "(Package rule: ...)". */
export function decorateEnumDescriptions(schema) {
  const meanings = schema["x-enumDescriptions"];
  const sources = schema["x-enum-sources"];
  if (!meanings || !sources) return;
  for (const [value, meaning] of Object.entries(meanings)) {
    const entry = sources[value];
    const note = Array.isArray(entry) ? `(Source: ${entry.join(", ")})` : typeof entry == "string" ? `(${entry.replace(/^package rule:/, "Package rule:")})` : "";
    if (note && typeof meaning == "string" && !meaning.includes(note)) meanings[value] = `${meaning.trimEnd()} ${note}`;
  }
}

/** The decorator's visitor: operations, parameters, response headers, described schemas and examples. */
export function showSourceTrail() {
  // A parameter's or header's schema has no description of its own that Redoc shows: its rule joins the parent's.
  const withSchemaRule = (node) => {
    append(node, trailNote(node));
    const schema = node.schema;
    if (schema && !schema.$ref && !schema.description && schema["x-package-rule"]) append(node, `Package rule: ${schema["x-package-rule"].trim()}`);
  };
  return {
    Operation: { leave: (op) => append(op, trailNote(op)) },
    Parameter: { leave: withSchemaRule },
    Header: { leave: withSchemaRule },
    Example: { leave: (ex) => append(ex, trailNote(ex)) },
    Schema: {
      leave(schema) {
        if (typeof schema.description == "string") append(schema, trailNote(schema));
        decorateEnumDescriptions(schema);
        // A property that is a $ref with its own description and trail beside it is not visited as a schema itself.
        for (const property of Object.values(schema.properties ?? {})) {
          if (property && typeof property.$ref == "string" && typeof property.description == "string") append(property, trailNote(property));
        }
      },
    },
  };
}

/** The plugin: `source-trail/show` in redocly.yaml's decorators. */
export default function sourceTrailPlugin() {
  return { id: "source-trail", decorators: { oas3: { show: showSourceTrail } } };
}
