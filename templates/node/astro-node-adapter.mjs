// DropDeploy: an Astro site that renders pages on request with a host's adapter (Vercel, Netlify, Cloudflare, Deno)
// is built with @astrojs/node in standalone mode instead, whose server runs anywhere. Only the adapter's import and
// its call in the config change; the rest of the config is kept. Run in the build stage, before the build.
import { existsSync, readFileSync, writeFileSync } from "node:fs";

const ADAPTER = /(['"])@astrojs\/(vercel|netlify|cloudflare|deno)(?:\/[\w-]+)?\1/;
const config = ["astro.config.mjs", "astro.config.ts", "astro.config.mts", "astro.config.js", "astro.config.cjs"]
  .find((name) => existsSync(name));
if (!config) {
  console.error("DropDeploy: no astro.config file to change; building as it is");
  process.exit(0);
}
let text = readFileSync(config, "utf8");
const host = text.match(ADAPTER);
if (!host) {
  console.log(`DropDeploy: ${config} names no host adapter; building as it is`);
  process.exit(0);
}
// import vercel from '@astrojs/vercel/serverless'  ->  import vercel from '@astrojs/node'
text = text.replace(new RegExp(ADAPTER.source, "g"), "$1@astrojs/node$1");
// adapter: vercel({ ...options })  ->  adapter: vercel({ mode: 'standalone' }), options balanced by parentheses
const call = /adapter\s*:\s*([\w$]+)\s*\(/g;
let out = "";
let last = 0;
for (let m; (m = call.exec(text)); ) {
  let depth = 1;
  let i = call.lastIndex;
  for (; i < text.length && depth > 0; i++) {
    if (text[i] === "(") depth++;
    else if (text[i] === ")") depth--;
  }
  out += text.slice(last, m.index) + `adapter: ${m[1]}({ mode: "standalone" })`;
  last = i;
  call.lastIndex = i;
}
text = out + text.slice(last);
writeFileSync(config, text);
console.log(`DropDeploy: ${config}: the @astrojs/${host[2]} adapter runs only on that host;`
  + " built with @astrojs/node (standalone) from the npm registry instead, which serves the same pages here");
