#!/usr/bin/env node
// Renders the bundled spec (generated/openapi.json, the one the package ships) to one static HTML page with Redoc
// inlined, so it works with no network (no CDN script). The build ships this page (the bin's `docs`); the GitHub Pages
// workflow publishes it.
//   node scripts/docs.mjs [output]   (default docs/index.html)
import { execFileSync } from "node:child_process";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, resolve } from "node:path";

const output = resolve(process.argv[2] ?? "docs/index.html");
mkdirSync(dirname(output), { recursive: true });
execFileSync(
  "node_modules/.bin/redocly",
  ["build-docs", "generated/openapi.json", "--inlineBundle", "--title", "OneAccess SMS verification code login", "-o", output],
  { stdio: ["ignore", "ignore", "inherit"], env: { ...process.env, REDOCLY_TELEMETRY: "off" } },
);
// Redoc 3 loads its attribution logo from Redocly's CDN even with --inlineBundle: offline that is a failed request
// and a console error, so the page gets the same attribution as an inline image.
const LOGO = `data:image/svg+xml,${encodeURIComponent(
  '<svg xmlns="http://www.w3.org/2000/svg" width="64" height="16"><text x="0" y="12" font-family="sans-serif" font-size="12" fill="#0044d4">Redocly</text></svg>',
)}`;
const html = readFileSync(output, "utf8").replace(/https:\/\/cdn\.redoc\.ly\/redoc\/logo-mini(-full)?\.svg/g, LOGO);
writeFileSync(output, html);
// Fail loudly if a Redocly upgrade starts loading scripts, styles or images from elsewhere again.
const external = html.match(/<(script|link|img)\b[^>]*\b(src|href)="(https?:)?\/\/[^"]+"/g);
if (external) {
  console.error(`docs load external resources, so they would not work offline:\n${external.join("\n")}`);
  process.exit(1);
}
console.log(`wrote ${output} (${Math.round(html.length / 1024)} KiB, self-contained)`);
