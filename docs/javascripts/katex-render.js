// Renders math in the reader's browser with the vendored KaTeX (no MathJax, nothing from a CDN),
// on the pages that make math there: the notebooks and the playground. The Markdown pages' math
// is typeset while the site builds (docs/hooks/katex_static.py), which removes this script and
// KaTeX's from them.
// - Markdown (the playground's results): pymdownx.arithmatex (generic mode) leaves \( \) and
//   \[ \] TeX inside elements with the class "arithmatex".
// - Notebook pages (mkdocs-jupyter): Markdown cells and SymPy's LaTeX outputs carry $ $ and
//   $$ $$ TeX; docs/hooks/i18n_notebooks.py removed nbconvert's MathJax, so KaTeX renders it.
// A formula KaTeX cannot parse stays as raw text (and logs an error), which the browser test
// detects.
"use strict";

const NNREF_ARITHMATEX_DELIMITERS = [
  { left: "\\[", right: "\\]", display: true },
  { left: "\\(", right: "\\)", display: false },
];

const NNREF_NOTEBOOK_DELIMITERS = [
  { left: "$$", right: "$$", display: true },
  { left: "\\[", right: "\\]", display: true },
  { left: "$", right: "$", display: false },
  { left: "\\(", right: "\\)", display: false },
];

function nnrefRenderMath(root) {
  for (const element of root.querySelectorAll(".arithmatex")) {
    renderMathInElement(element, { delimiters: NNREF_ARITHMATEX_DELIMITERS });
  }
  const notebookMath = root.querySelectorAll(
    ".jupyter-wrapper .jp-RenderedMarkdown, .jupyter-wrapper .jp-RenderedLatex",
  );
  for (const element of notebookMath) {
    renderMathInElement(element, { delimiters: NNREF_NOTEBOOK_DELIMITERS });
  }
}

// Material's document$ emits once per page load (and again on instant navigation, if enabled).
document$.subscribe(({ body }) => nnrefRenderMath(body));
