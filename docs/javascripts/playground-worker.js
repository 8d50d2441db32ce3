// The playground's web worker: Pyodide with SymPy, mpmath and nnref, every file from the site
// (assets/playground/, put there by docs/hooks/playground.py). It answers the page's requests by
// calling nnref.playground.handle: all checking, deriving and rendering happen in Python.
//
// Start-up, in order: the manifest; every download at once (counted for the progress bar, the
// Pyodide core's own fetches included); Python; the packages written into site-packages; the
// imports. Python's standard library, SymPy with mpmath, and nnref arrive compiled to bytecode
// by the same Pyodide at site build (PyPI's wheels and Pyodide's standard library hold sources
// only, which every visit would compile again); the packages come as .tar.gz files unpacked
// here straight into Pyodide's file system.
"use strict";

let ready = null;
let stage = null;

// Progress goes one way: the core's last downloads must not take the bar back from "starting".
function post(message) {
  if (message.type === "progress") {
    if (message.stage === "downloading" && stage !== null && stage !== "downloading") return;
    stage = message.stage;
  }
  self.postMessage(message);
}

// Counts the bytes of every response as it streams in (Pyodide's fetches of its core too).
function countDownloads(total) {
  const plainFetch = self.fetch.bind(self);
  let done = 0;
  let shown = 0;
  self.fetch = async (input, init) => {
    const response = await plainFetch(input, init);
    if (!response.body) return response;
    const counter = new TransformStream({
      transform(chunk, controller) {
        done += chunk.byteLength;
        if (done - shown > 256 * 1024 || done >= total) {
          shown = done;
          post({ type: "progress", stage: "downloading", done: Math.min(done, total), total });
        }
        controller.enqueue(chunk);
      },
    });
    return new Response(response.body.pipeThrough(counter), {
      status: response.status,
      statusText: response.statusText,
      headers: response.headers,
    });
  };
}

async function download(url, gzipped) {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`${response.status} ${url}`);
  const body = gzipped ? response.body.pipeThrough(new DecompressionStream("gzip")) : response.body;
  return new Uint8Array(await new Response(body).arrayBuffer());
}

// A ustar archive (docs/hooks/playground.py writes regular files only) into the file system.
function untar(bytes, FS, folder) {
  const text = (start, length) => {
    let end = start;
    while (end < start + length && bytes[end] !== 0) end += 1;
    return new TextDecoder().decode(bytes.subarray(start, end));
  };
  let offset = 0;
  while (offset + 512 <= bytes.length && bytes[offset] !== 0) {
    const name = text(offset, 100);
    const prefix = text(offset + 345, 155);
    const size = parseInt(text(offset + 124, 12).trim() || "0", 8);
    const type = String.fromCharCode(bytes[offset + 156] || 48);
    const path = `${folder}/${prefix ? `${prefix}/` : ""}${name}`;
    offset += 512;
    if (type === "0") {
      FS.mkdirTree(path.slice(0, path.lastIndexOf("/")));
      FS.writeFile(path, bytes.subarray(offset, offset + size));
    }
    offset += Math.ceil(size / 512) * 512;
  }
}

async function start(assets) {
  const manifest = await (await fetch(new URL("manifest.json", assets))).json();
  const total = Object.values(manifest.bytes).reduce((a, b) => a + b, 0);
  countDownloads(total);
  post({ type: "progress", stage: "downloading", done: 0, total });
  const packages = manifest.packages.map((name) => download(new URL(name, assets), true));
  const core = new URL(manifest.pyodide, assets).href;
  const { loadPyodide } = await import(`${core}pyodide.mjs`);
  const starting = loadPyodide({ indexURL: core, stdLibURL: new URL(manifest.stdlib, assets).href });
  await Promise.all(packages);
  post({ type: "progress", stage: "starting" }); // the core's wasm may still stream in, compiling
  const pyodide = await starting;
  const sitePackages = pyodide.runPython("import sysconfig; sysconfig.get_paths()['purelib']");
  for (const bytes of packages) untar(await bytes, pyodide.FS, sitePackages);
  pyodide.runPython("import importlib; importlib.invalidate_caches()");
  post({ type: "progress", stage: "loading_sympy" });
  pyodide.runPython("import sympy");
  post({ type: "progress", stage: "loading_nnref" });
  const handle = pyodide.pyimport("nnref.playground").handle;
  pyodide.runPython("import nnref.playground.result");
  post({ type: "progress", stage: "ready" });
  return handle;
}

self.addEventListener("message", async ({ data }) => {
  if (data.type === "start") {
    ready = start(data.assets);
    ready.catch((error) => post({ type: "failed", reason: String(error && error.message ? error.message : error) }));
    return;
  }
  if (data.type !== "request") return;
  try {
    const handle = await ready;
    post({ type: "reply", id: data.id, reply: handle(data.request) });
  } catch (error) {
    post({ type: "reply", id: data.id, error: String(error && error.message ? error.message : error) });
  }
});
