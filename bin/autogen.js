#!/usr/bin/env node
"use strict";
// V8's code cache for every module, unless stack traces should show TypeScript lines.
if (!process.argv.includes("--verbose")) require("../dist/loader/code-cache.js").installCodeCache();
require("../dist/cli/main.js").main(process.argv.slice(2));
