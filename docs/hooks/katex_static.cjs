// Typesets TeX with the vendored KaTeX for docs/hooks/katex_static.py (run by node, never by a
// reader's browser). Argument: the path of katex.min.js. Each line on stdin is a JSON array of
// [tex, display] pairs; each line written back is a JSON array, in the same order, of
// {"html": ...} or {"error": KaTeX's message}.
"use strict";

const readline = require("readline");
const katex = require(process.argv[2]);

function typeset([tex, display]) {
  try {
    return { html: katex.renderToString(tex, { displayMode: display, throwOnError: true }) };
  } catch (error) {
    return { error: String(error.message || error) };
  }
}

readline.createInterface({ input: process.stdin }).on("line", (line) => {
  process.stdout.write(JSON.stringify(JSON.parse(line).map(typeset)) + "\n");
});
