// Copies the catalog queries (.sql files) next to the compiled code: tsc copies only .ts.
"use strict";
const { cpSync, readdirSync, statSync } = require("node:fs");
const { join } = require("node:path");

function copySql(from, to) {
  for (const name of readdirSync(from)) {
    const source = join(from, name);
    if (statSync(source).isDirectory()) copySql(source, join(to, name));
    else if (name.endsWith(".sql")) cpSync(source, join(to, name));
  }
}
copySql(join(__dirname, "..", "src"), join(__dirname, "..", "dist"));
