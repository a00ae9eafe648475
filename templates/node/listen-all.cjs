// DropDeploy: a server that listens on localhost or 127.0.0.1 (Fastify's default, or written in the code) can be
// reached only from inside its own container. Loaded with NODE_OPTIONS=--require, before the app, it makes such a
// listen call use every IPv4 interface instead, as a Flask app is started with --host 0.0.0.0. An IPv6 loopback
// (::1, which Fastify adds for "localhost") is left alone: it does not clash with 0.0.0.0 on the same port.
"use strict";
const net = require("node:net");

const IPV4_LOOPBACK = new Set(["localhost", "127.0.0.1"]);
const listen = net.Server.prototype.listen;

net.Server.prototype.listen = function (...args) {
  const [first, second] = args;
  if (first !== null && typeof first === "object" && IPV4_LOOPBACK.has(first.host)) {
    args[0] = { ...first, host: "0.0.0.0" };
  } else if ((typeof first === "number" || typeof first === "string") && IPV4_LOOPBACK.has(second)) {
    args[1] = "0.0.0.0";
  }
  return listen.apply(this, args);
};
