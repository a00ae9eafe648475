// Serves an app module that exports its app instead of listening (written for a serverless host such as Vercel:
// `export default app`). DropDeploy starts this with the module's path; the app is served on $PORT, all interfaces.
import http from "node:http";
import path from "node:path";
import { pathToFileURL } from "node:url";

const modulePath = process.argv[2];
const port = Number(process.env.PORT || 8080);
const loaded = await import(pathToFileURL(path.resolve(modulePath)).href);
const app = [loaded.default, loaded.default?.default, loaded.app, loaded.server, loaded.handler]
  .find((candidate) => candidate && (typeof candidate === "function" || typeof candidate === "object"));
if (!app) {
  console.error(`${modulePath} exports no app (export default app, or export const app)`);
  process.exit(1);
}

// Web-standard apps (Hono, H3 2, Elysia, itty-router): a fetch(Request) that returns a Response.
async function serveFetch(request, response) {
  try {
    const url = new URL(request.url, `http://${request.headers.host || "localhost"}`);
    const body = ["GET", "HEAD"].includes(request.method) ? undefined : request;
    const answer = await app.fetch(
      new Request(url, { method: request.method, headers: request.headers, body, duplex: "half" }));
    response.writeHead(answer.status, Object.fromEntries(answer.headers));
    if (answer.body) {
      for await (const chunk of answer.body) {
        response.write(chunk);
      }
    }
    response.end();
  } catch (error) {
    console.error(error);
    response.writeHead(500).end("Internal Server Error");
  }
}

let server;
if (typeof app.fetch === "function") {
  server = http.createServer(serveFetch);
} else if (typeof app.callback === "function") {
  server = http.createServer(app.callback()); // Koa
} else if (typeof app === "function") {
  server = http.createServer(app); // Express, Connect, a plain (request, response) handler
} else if (typeof app.listen === "function") {
  app.listen(port, "0.0.0.0");
} else {
  console.error(`${modulePath} exports something that is not an app: no fetch(), listen() or request handler`);
  process.exit(1);
}
server?.listen(port, "0.0.0.0", () => console.log(`serving ${modulePath} on port ${port}`));
