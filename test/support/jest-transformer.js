// Jest compiles test and source files exactly like the CLI's loader does (the TypeScript
// compiler with the options in src/loader/transpile-options.json), so a test sees the same
// decorator metadata and circular-import behaviour as a user's project.
"use strict";
const { createHash } = require("node:crypto");
const ts = require("typescript");
const json = require("../../src/loader/transpile-options.json");

const { options } = ts.convertCompilerOptionsFromJson(json, "");

module.exports = {
  process(source, filename) {
    const out = ts.transpileModule(source, { fileName: filename, compilerOptions: options });
    return { code: out.outputText };
  },
  getCacheKey(source, filename) {
    return createHash("sha256")
      .update(ts.version)
      .update(JSON.stringify(json))
      .update(filename)
      .update(source)
      .digest("hex");
  },
};
