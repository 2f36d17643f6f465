// The spec's source trail (openapi/README.md, "Source trail"): every claim says where it comes from, as data. A claim is an
// operation, a parameter, a schema or property schema, an enum value, or a named example that carries an error code
// or a status; it carries `x-source` (Huawei Cloud pages) and/or `x-package-rule` (why this package decided it).
// Walks a bundled spec (local "#/..." refs only), so it sees every operation, including ones added later.

const METHODS = ["get", "put", "post", "delete", "options", "head", "patch", "trace"];

/** Follows local refs; a ref that does not resolve is reported by the caller. */
function resolvePointer(spec, ref) {
  return ref.replace(/^#\//, "").split("/").map((s) => s.replace(/~1/g, "/").replace(/~0/g, "~")).reduce((n, key) => n?.[key], spec);
}

/** Why `node`'s trail is malformed or missing, or undefined when it is fine. */
export function trailProblem(node) {
  const source = node["x-source"];
  const rule = node["x-package-rule"];
  if (source === undefined && rule === undefined) return "has neither x-source nor x-package-rule";
  if (source !== undefined && !(Array.isArray(source) && source.length > 0 && source.every((u) => typeof u == "string" && /^https:\/\/\S+$/.test(u)))) {
    return "x-source must be a non-empty list of https URLs";
  }
  if (rule !== undefined && !(typeof rule == "string" && rule.trim().length > 0)) return "x-package-rule must be a non-empty string";
  return undefined;
}

/** Why an enum's `x-enum-sources` does not cover every value, or undefined. */
function enumProblem(node) {
  const sources = node["x-enum-sources"];
  if (!sources || typeof sources != "object") return "is an enum without x-enum-sources";
  for (const value of node.enum) {
    const entry = sources[String(value)];
    const ok =
      (Array.isArray(entry) && entry.length > 0 && entry.every((u) => typeof u == "string" && /^https:\/\/\S+$/.test(u))) ||
      (typeof entry == "string" && /^package rule: \S/.test(entry));
    if (!ok) return `enum value ${JSON.stringify(value)} has no x-enum-sources entry (URLs or "package rule: <why>")`;
  }
  return undefined;
}

/** Every claim in a bundled spec that has no trail, as "<where>: <problem>" lines; empty when the trail is whole. */
export function missingSourceTrail(spec) {
  const problems = [];
  const seen = new Set();
  const claim = (node, where) => {
    const problem = trailProblem(node);
    if (problem) problems.push(`${where} ${problem}`);
  };
  /** Follows a ref once (a shared component is checked where it is defined), then calls visit on the target. */
  const follow = (node, where, visit) => {
    if (!node || typeof node != "object") return;
    if (typeof node.$ref != "string") return visit(node, where);
    if (seen.has(node.$ref)) return;
    seen.add(node.$ref);
    const target = resolvePointer(spec, node.$ref);
    if (!target) return problems.push(`${where}: unresolved $ref ${node.$ref}`);
    visit(target, node.$ref);
  };
  const schema = (node, where) => {
    // Keywords beside a $ref (3.1) are a claim of their own, e.g. a oneOf shape narrowing status to one value.
    if (node && typeof node.$ref == "string" && Object.keys(node).some((key) => !["$ref", "description", "summary"].includes(key))) {
      claim(node, where);
      if (Array.isArray(node.enum)) {
        const problem = enumProblem(node);
        if (problem) problems.push(`${where} ${problem}`);
      }
    }
    return follow(node, where, (s, at) => {
      claim(s, at);
      if (Array.isArray(s.enum)) {
        const problem = enumProblem(s);
        if (problem) problems.push(`${at} ${problem}`);
      }
      for (const [name, sub] of Object.entries(s.properties ?? {})) schema(sub, `${at}/properties/${name}`);
      for (const key of ["oneOf", "anyOf", "allOf", "prefixItems"]) (s[key] ?? []).forEach((sub, i) => schema(sub, `${at}/${key}/${i}`));
      for (const key of ["items", "not", "additionalProperties", "contains"]) if (s[key] && typeof s[key] == "object") schema(s[key], `${at}/${key}`);
    });
  };
  const example = (node, where) =>
    follow(node, where, (ex, at) => {
      const value = ex.value;
      if (value && typeof value == "object" && ("error_code" in value || "status" in value)) claim(ex, at);
    });
  const media = (content, where) => {
    for (const [type, m] of Object.entries(content ?? {})) {
      schema(m.schema, `${where}/content/${type}/schema`);
      for (const [name, ex] of Object.entries(m.examples ?? {})) example(ex, `${where}/content/${type}/examples/${name}`);
    }
  };
  const parameter = (node, where) =>
    follow(node, where, (p, at) => {
      claim(p, at);
      schema(p.schema, `${at}/schema`);
      media(p.content, at);
    });

  for (const [path, item] of Object.entries(spec.paths ?? {})) {
    const base = `#/paths/${path.replace(/~/g, "~0").replace(/\//g, "~1")}`;
    (item.parameters ?? []).forEach((p, i) => parameter(p, `${base}/parameters/${i}`));
    for (const method of METHODS) {
      const op = item[method];
      if (!op) continue;
      const at = `${base}/${method}`;
      claim(op, at);
      (op.parameters ?? []).forEach((p, i) => parameter(p, `${at}/parameters/${i}`));
      if (op.requestBody) follow(op.requestBody, `${at}/requestBody`, (body, w) => media(body.content, w));
      for (const [status, response] of Object.entries(op.responses ?? {})) {
        follow(response, `${at}/responses/${status}`, (r, w) => {
          media(r.content, w);
          for (const [name, header] of Object.entries(r.headers ?? {})) follow(header, `${w}/headers/${name}`, (h, hw) => schema(h.schema, `${hw}/schema`));
        });
      }
    }
  }
  // Components no operation reaches yet are claims too.
  for (const name of Object.keys(spec.components?.schemas ?? {})) schema({ $ref: `#/components/schemas/${name}` }, name);
  for (const name of Object.keys(spec.components?.parameters ?? {})) parameter({ $ref: `#/components/parameters/${name}` }, name);
  for (const name of Object.keys(spec.components?.examples ?? {})) example({ $ref: `#/components/examples/${name}` }, name);
  return problems;
}
