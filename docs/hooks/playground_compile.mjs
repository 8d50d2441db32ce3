// Byte-compiles a folder of pure-Python packages with the Pyodide the playground ships, under
// Node.js, for docs/hooks/playground.py. PyPI's wheels carry source only, so the browser would
// compile every module on import (importing SymPy took 5-15 s); compiled here once per pinned
// version, the import takes about 1 s.
//
//   node playground_compile.mjs <pyodide core folder> [--stdlib <compiled stdlib zip>] <folder>...
//
// Every .py becomes a .pyc next to it ("legacy" placement, which imports without the source) and
// the .py is removed. Python's own compileall does the work, with the interpreter of that Pyodide,
// so the bytecode matches the browser's Python exactly.
import { pathToFileURL } from "node:url";
import path from "node:path";

const [coreDir, ...rest] = process.argv.slice(2);
const stdlib = rest[0] === "--stdlib" ? rest[1] : null;
const folders = stdlib ? rest.slice(2) : rest;
if (!coreDir || folders.length === 0) {
  console.error("usage: node playground_compile.mjs <pyodide core folder> [--stdlib <zip>] <folder>...");
  process.exit(2);
}
const { loadPyodide } = await import(pathToFileURL(path.join(coreDir, "pyodide.mjs")).href);
// A compiled standard library (made by an earlier run) starts Python four times faster.
const pyodide = await loadPyodide({
  indexURL: path.resolve(coreDir) + "/",
  ...(stdlib ? { stdLibURL: path.resolve(stdlib) } : {}),
});
for (const folder of folders) compile(folder);

function compile(folder) {
  pyodide.mountNodeFS("/stage", path.resolve(folder));
  const result = pyodide.runPython(`
import compileall, pathlib, re, sys, warnings
warnings.simplefilter("ignore", SyntaxWarning)  # sympy's test runner has a return in finally
ok = compileall.compile_dir("/stage", quiet=1, legacy=True, workers=1)
sources = [p for p in pathlib.Path("/stage").rglob("*.py")]
missing = [str(p) for p in sources if not p.with_suffix(".pyc").is_file()]
if ok and not missing:
    for p in sources:
        p.unlink()
f"{sys.version_info.major}.{sys.version_info.minor} {len(sources)} {int(bool(ok))} {len(missing)}"
`);
  pyodide.FS.unmount("/stage");
  const [version, count, ok, missing] = result.split(" ");
  if (ok !== "1" || missing !== "0") {
    console.error(`${folder}: compileall failed (Python ${version}: ${count} files, ${missing} not compiled)`);
    process.exit(1);
  }
  console.log(`${folder}: compiled ${count} modules with Pyodide's Python ${version}`);
}
