"use strict";
// Preloaded (node --require) into every process the benchmark times. Counts the queries and
// SQL statements sent through `pg` (both tools use it) and writes them with the process's
// peak RSS to BENCH_STATS_FILE when the process exits. pg is patched when the tool loads it,
// so a process that never loads pg pays nothing.
const Module = require("node:module");
const { writeFileSync } = require("node:fs");

const stats = { queries: 0, statements: 0 };

/** Statements in a query text: top-level semicolons outside quotes, comments and $$ bodies. */
function countStatements(text) {
  let count = 0;
  let content = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === "'" || c === '"') {
      const end = text.indexOf(c, i + 1);
      i = end < 0 ? text.length : end;
      content = true;
    } else if (c === "-" && text[i + 1] === "-") {
      const end = text.indexOf("\n", i);
      i = end < 0 ? text.length : end;
    } else if (c === "$") {
      const tag = /^\$[A-Za-z_]*\$/.exec(text.slice(i, i + 64));
      if (tag) {
        const end = text.indexOf(tag[0], i + tag[0].length);
        i = end < 0 ? text.length : end + tag[0].length - 1;
      }
      content = true;
    } else if (c === ";") {
      if (content) count++;
      content = false;
    } else if (!/\s/.test(c)) content = true;
  }
  return count + (content ? 1 : 0);
}

let patched = false;
const load = Module._load;
Module._load = function (request, ...rest) {
  const loaded = load.call(this, request, ...rest);
  if (request === "pg" && !patched && loaded && loaded.Client) {
    patched = true;
    const query = loaded.Client.prototype.query;
    loaded.Client.prototype.query = function (config, ...args) {
      const text = typeof config === "string" ? config : config && config.text;
      stats.queries++;
      stats.statements += typeof text === "string" ? countStatements(text) : 1;
      return query.call(this, config, ...args);
    };
  }
  return loaded;
};

process.on("exit", () => {
  if (!process.env.BENCH_STATS_FILE) return;
  const rssMb = process.resourceUsage().maxRSS / 1024;
  writeFileSync(process.env.BENCH_STATS_FILE, JSON.stringify({ ...stats, rssMb }));
});
