// The playground page (docs/playground.*.md): the form, the address, the worker, the math.
// nnref itself runs in the worker (playground-worker.js) on Pyodide: it reads and checks every
// field, derives, and writes the result as HTML with every number in an element carrying
// data-quantity and data-value. This script only lays out fields for the sizes chosen, moves
// text between the form, the address and the worker, and has KaTeX typeset the result.
// Every word it shows comes from the page's config (nnref/playground/words.py).
"use strict";

const root = document.getElementById("nnref-playground");
const config = JSON.parse(document.getElementById("nnref-playground-config").textContent);
const LIST_OPTIONS = { x: "x", target: "t", weights: "w", biases: "b" };

function word(key, fields = {}) {
  return config.words[key].replace(/\{(\w+)\}/g, (all, name) => (name in fields ? fields[name] : all));
}

function element(tag, attributes = {}, ...children) {
  const made = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (name === "text") made.textContent = value;
    else made.setAttribute(name, value);
  }
  made.append(...children);
  return made;
}

// -- the address -------------------------------------------------------------------------------

function items(text) {
  return text === undefined || text.trim() === "" ? [] : text.split(",").map((item) => item.trim());
}

function stateFromAddress() {
  const params = new URLSearchParams(window.location.search);
  const state = {};
  for (const [name, value] of params) state[name] = value;
  return Object.keys(state).length ? state : { ...config.example };
}

function isComplete(state) {
  const needed = ["sizes", "x", "target", "weights"];
  if (["1", "true"].includes((state.bias || "").toLowerCase())) needed.push("biases");
  return needed.every((name) => (state[name] || "").trim() !== "");
}

function query(state) {
  const encode = (text) => encodeURIComponent(text).replace(/%2C/g, ",").replace(/%2F/g, "/");
  return config.options
    .filter((name) => state[name] !== undefined && state[name] !== "")
    .map((name) => `${name}=${encode(Array.isArray(state[name]) ? state[name].join(",") : state[name])}`)
    .join("&");
}

// -- the form ------------------------------------------------------------------------------------

const form = element("form", { class: "nnref-pg-form", novalidate: "" });
const status = element("div", { class: "nnref-pg-status", role: "status", "aria-live": "polite" });
const progress = element("progress", { max: "1", value: "0" });
const statusText = element("span");
status.append(progress, statusText);
const generalError = element("p", { class: "nnref-pg-error", id: "pg-error-query", hidden: "" });
const result = element("div", { class: "nnref-pg-result", id: "pg-result" });

function errorSlot(key) {
  return element("p", { class: "nnref-pg-error", id: `pg-error-${key}`, hidden: "" });
}

function labelled(key, labelText, control) {
  control.id = `pg-${key}`;
  control.name = key;
  const label = element("label", { for: control.id, text: labelText });
  return element("div", { class: "nnref-pg-field" }, label, control, errorSlot(key));
}

function textInput(extra = {}) {
  return element("input", { type: "text", autocomplete: "off", spellcheck: "false", ...extra });
}

function select(choices) {
  const made = element("select");
  for (const [value, label] of choices) made.append(element("option", { value, text: label }));
  return made;
}

const sizesInput = textInput({ inputmode: "text" });
const activations = element("div", { class: "nnref-pg-row" });
const lossSelect = select(config.losses);
const biasInput = element("input", { type: "checkbox", id: "pg-bias", name: "bias" });
const numbers = element("div", { class: "nnref-pg-numbers" });
const rateInput = textInput({ inputmode: "decimal" });
const chainSelect = select([]);

const networkSet = element(
  "fieldset",
  {},
  element("legend", { text: word("network") }),
  labelled("sizes", word("sizes"), sizesInput),
  activations,
  element("div", { class: "nnref-pg-row" }, labelled("loss", word("loss"), lossSelect),
    element("div", { class: "nnref-pg-field nnref-pg-check" },
      element("label", { for: "pg-bias" }, biasInput, " ", word("bias")), errorSlot("bias"))),
  errorSlot("activation"),
);
const rateField = labelled("lr", word("rate"), rateInput);
rateField.insertBefore(element("small", { text: word("rate_hint") }), rateField.lastChild);
const stepSet = element(
  "fieldset",
  {},
  element("legend", { text: word("step_set") }),
  element("div", { class: "nnref-pg-row" }, rateField, labelled("chain", word("chain"), chainSelect)),
);
const buttons = element("div", { class: "nnref-pg-buttons" });
const deriveButton = element("button", { type: "submit", class: "md-button md-button--primary", text: word("derive") });
const randomButton = element("button", { type: "button", class: "md-button", text: word("random") });
const exampleButton = element("button", { type: "button", class: "md-button", text: word("wikidocs") });
const linkButton = element("button", { type: "button", class: "md-button", text: word("link") });
buttons.append(deriveButton, randomButton, exampleButton, linkButton);
form.append(generalError, networkSet, numbers, stepSet, buttons);
root.replaceChildren(form, status, result);

function layerSizes() {
  const parts = items(sizesInput.value);
  if (parts.length < 2 || !parts.every((part) => /^\+?\d+$/.test(part) && Number(part) >= 1)) return null;
  return parts.map(Number);
}

function counts(sizes, bias) {
  let weights = 0;
  for (let layer = 1; layer < sizes.length; layer += 1) weights += sizes[layer - 1] * sizes[layer];
  const biases = bias ? sizes.slice(1).reduce((a, b) => a + b, 0) : 0;
  return { weights, biases };
}

function numberCell(name, value) {
  const input = textInput({ inputmode: "decimal", id: `pg-${name}`, name, value: value ?? "" });
  const label = element("label", { for: input.id, class: "nnref-pg-name" }, name.replace(/\d+$/, ""),
    element("sub", { text: name.match(/\d+$/)[0] }));
  return element("div", { class: "nnref-pg-cell" }, label, input, errorSlot(name));
}

function numberGroup(option, title, names, values, parts) {
  const group = element("fieldset", { class: "nnref-pg-group" }, element("legend", { text: title }));
  let index = 0;
  for (const part of parts) {
    if (part.title) group.append(element("p", { class: "nnref-pg-part", text: part.title }));
    const grid = element("div", { class: "nnref-pg-grid" });
    for (let k = 0; k < part.count; k += 1, index += 1) grid.append(numberCell(names[index], values[index]));
    group.append(grid);
  }
  group.append(errorSlot(option));
  return group;
}

// Lays the fields out for the sizes typed (names by nnref's rule: w1..wN layer by layer, then by
// receiving and sending neuron; b1..bM), keeping what is already typed in fields that stay.
function layout(state) {
  const sizes = layerSizes();
  const bias = biasInput.checked;
  const kept = Object.fromEntries([...numbers.querySelectorAll("input")].map((input) => [input.name, input.value]));
  const keptActivations = [...activations.querySelectorAll("select")].map((s) => s.value);
  numbers.replaceChildren();
  activations.replaceChildren();
  chainSelect.replaceChildren();
  showError("sizes", "");
  if (sizes === null) return;
  const { weights, biases } = counts(sizes, bias);
  if (sizes.length > config.limits.layers) {
    showError("sizes", word("too_many_layers", { limit: config.limits.layers, count: sizes.length }));
    return;
  }
  if (weights + biases > config.limits.parameters) {
    showError("sizes", word("too_large", { limit: config.limits.parameters, count: weights + biases }));
    return;
  }
  const given = state ? items(state.activation) : keptActivations;
  for (let layer = 2; layer <= sizes.length; layer += 1) {
    const choice = select(config.activations);
    const name = layer === sizes.length ? `${word("activation", { layer })} (${word("output_layer")})`
      : word("activation", { layer });
    const chosen = given.length === 1 ? given[0] : given[layer - 2];
    if (chosen) {
      if (![...choice.options].some((o) => o.value === chosen)) choice.append(element("option", { value: chosen, text: chosen }));
      choice.value = chosen;
    } else if (given.length === 0 && keptActivations.length === 0) {
      choice.value = "sigmoid";
    }
    activations.append(labelled(`activation${layer - 1}`, name, choice));
  }
  const value = (option, index, name) => (state ? items(state[option])[index] : kept[name]);
  const names = (prefix, count) => Array.from({ length: count }, (_, i) => `${prefix}${i + 1}`);
  const x = names("x", sizes[0]);
  const t = names("t", sizes[sizes.length - 1]);
  const example = element("fieldset", { class: "nnref-pg-group" }, element("legend", { text: word("example") }));
  example.append(numberGroup("x", word("inputs"), x, x.map((n, i) => value("x", i, n)), [{ count: x.length }]),
    numberGroup("target", word("targets"), t, t.map((n, i) => value("target", i, n)), [{ count: t.length }]));
  const weightParts = [];
  const biasParts = [];
  for (let layer = 1; layer < sizes.length; layer += 1) {
    const title = word("weight_layer", { source: layer, destination: layer + 1 });
    weightParts.push({ title, count: sizes[layer - 1] * sizes[layer] });
    biasParts.push({ title: word("weight_layer", { source: layer, destination: layer + 1 }), count: sizes[layer] });
  }
  const w = names("w", weights);
  numbers.append(example, numberGroup("weights", word("weights"), w, w.map((n, i) => value("weights", i, n)), weightParts));
  if (bias) {
    const b = names("b", biases);
    numbers.append(numberGroup("biases", word("biases"), b, b.map((n, i) => value("biases", i, n)), biasParts));
  }
  const previous = state ? state.chain : chainSelect.dataset.chosen;
  for (const name of [...w, ...(bias ? names("b", biases) : [])]) chainSelect.append(element("option", { value: name, text: name }));
  if (previous && [...chainSelect.options].some((o) => o.value === previous)) chainSelect.value = previous;
}

function fill(state) {
  sizesInput.value = state.sizes || "";
  lossSelect.value = state.loss || "sse";
  if (state.loss && lossSelect.value !== state.loss) {
    lossSelect.append(element("option", { value: state.loss, text: state.loss }));
    lossSelect.value = state.loss;
  }
  biasInput.checked = ["1", "true"].includes((state.bias || "").toLowerCase());
  rateInput.value = state.lr || "";
  layout(state);
}

function formState() {
  const state = {
    sizes: sizesInput.value,
    activation: [...activations.querySelectorAll("select")].map((s) => s.value),
    loss: lossSelect.value,
    bias: biasInput.checked ? "1" : "0",
    lr: rateInput.value,
    chain: chainSelect.value,
  };
  for (const [option, prefix] of Object.entries(LIST_OPTIONS)) {
    const fields = [...numbers.querySelectorAll(`input[name^="${prefix}"]`)].filter((i) => /^[a-z]\d+$/.test(i.name));
    if (option !== "biases" || biasInput.checked) state[option] = fields.map((input) => input.value);
  }
  return state;
}

// -- errors and results --------------------------------------------------------------------------

function showError(key, text) {
  const slot = document.getElementById(`pg-error-${key}`) || generalError;
  const control = document.getElementById(`pg-${key}`);
  slot.textContent = slot === generalError && slot.textContent && text ? `${slot.textContent} ${text}` : text;
  slot.hidden = !slot.textContent;
  if (control) {
    if (text) control.setAttribute("aria-invalid", "true");
    else control.removeAttribute("aria-invalid");
    if (text) control.setAttribute("aria-describedby", slot.id);
  }
  slot.closest(".nnref-pg-cell")?.classList.toggle("nnref-pg-cell--error", Boolean(text));
}

function clearErrors() {
  for (const slot of root.querySelectorAll(".nnref-pg-error")) {
    slot.textContent = "";
    slot.hidden = true;
    slot.closest(".nnref-pg-cell")?.classList.remove("nnref-pg-cell--error");
  }
  for (const control of root.querySelectorAll("[aria-invalid]")) control.removeAttribute("aria-invalid");
}

function setStatus(text, fraction = null) {
  statusText.textContent = text;
  if (fraction === null) progress.hidden = true;
  else {
    progress.hidden = false;
    progress.value = fraction;
  }
}

const MATH = {
  delimiters: [
    { left: "\\[", right: "\\]", display: true },
    { left: "\\(", right: "\\)", display: false },
  ],
  // The only "trusted" command: \htmlData, which puts data-quantity and data-value on a number.
  trust: (context) => context.command === "\\htmlData",
  strict: (code) => (code === "htmlExtension" ? "ignore" : "warn"),
};

function typeset(container) {
  for (const math of container.querySelectorAll(".arithmatex")) renderMathInElement(math, MATH);
}

// -- the worker ----------------------------------------------------------------------------------

let worker = null;
let nextId = 1;
const waiting = new Map();
let started = false;

function ask(action, extra = {}) {
  const id = nextId;
  nextId += 1;
  worker.postMessage({ type: "request", id, request: JSON.stringify({ action, lang: config.lang, ...extra }) });
  return new Promise((resolve, reject) => waiting.set(id, { resolve, reject }));
}

function onWorkerMessage({ data }) {
  if (data.type === "progress") {
    const total = data.total || 1;
    const text = data.stage === "downloading"
      ? word("downloading", { done: (data.done / 1e6).toFixed(1), total: (total / 1e6).toFixed(1) })
      : word(data.stage);
    setStatus(text, data.stage === "downloading" ? data.done / total : null);
    root.dataset.stage = data.stage;
    if (data.stage === "ready") started = true;
  } else if (data.type === "failed") {
    setStatus(word("failed", { reason: data.reason }));
    root.dataset.state = "failed";
    for (const { reject } of waiting.values()) reject(new Error(data.reason));
    waiting.clear();
  } else if (data.type === "reply") {
    const pending = waiting.get(data.id);
    waiting.delete(data.id);
    if (!pending) return;
    if (data.error) pending.reject(new Error(data.error));
    else pending.resolve(JSON.parse(data.reply));
  }
}

function startWorker() {
  if (typeof Worker === "undefined") {
    setStatus(word("no_worker"));
    return false;
  }
  worker = new Worker(new URL("playground-worker.js", import.meta.url), { type: "module" });
  worker.addEventListener("message", onWorkerMessage);
  worker.addEventListener("error", (event) => {
    setStatus(word("failed", { reason: event.message || "worker error" }));
    root.dataset.state = "failed";
  });
  worker.postMessage({ type: "start", assets: new URL("../assets/playground/", import.meta.url).href });
  return true;
}

let deriving = 0;
let answered = 0;

// data-state (deriving, derived, invalid, failed), data-answered (replies so far) and data-stage
// (the worker's start: downloading, starting, loading_sympy, loading_nnref, ready) on the root
// tell a test or another script where the page is.
async function derive() {
  try {
    await deriveOnce();
  } finally {
    answered += 1;
    root.dataset.answered = String(answered);
  }
}

async function deriveOnce() {
  const ticket = (deriving += 1);
  clearErrors();
  if (started) setStatus(word("deriving"));
  root.dataset.state = "deriving";
  let reply;
  try {
    reply = await ask("derive", { state: formState() });
  } catch (error) {
    setStatus(word("internal_error", { reason: error.message }));
    root.dataset.state = "failed";
    return;
  }
  if (ticket !== deriving) return; // a later request is on its way
  if (!reply.ok) {
    for (const [key, text] of Object.entries(reply.errors)) showError(key, text);
    setStatus(word("fix_fields"));
    root.dataset.state = "invalid";
    return;
  }
  result.innerHTML = reply.html; // nnref's own HTML: reader text reaches it only as parsed numbers
  typeset(result);
  setStatus(word("derived", { seconds: reply.seconds.toFixed(2), count: reply.values }));
  root.dataset.state = "derived";
}

// -- events ----------------------------------------------------------------------------------------

form.addEventListener("submit", (event) => {
  event.preventDefault();
  derive();
});
sizesInput.addEventListener("change", () => layout(null));
biasInput.addEventListener("change", () => layout(null));
chainSelect.addEventListener("change", () => {
  chainSelect.dataset.chosen = chainSelect.value;
});
exampleButton.addEventListener("click", () => {
  fill(config.example);
  derive();
});
randomButton.addEventListener("click", async () => {
  clearErrors();
  const reply = await ask("random", { state: formState(), seed: Math.floor(Math.random() * 2 ** 31) });
  if (!reply.ok) {
    for (const [key, text] of Object.entries(reply.errors)) showError(key, text);
    return;
  }
  fill(reply.state);
  derive();
});
linkButton.addEventListener("click", async () => {
  const address = `${window.location.pathname}?${query(formState())}`;
  window.history.replaceState(null, "", address);
  try {
    await navigator.clipboard.writeText(window.location.href);
    setStatus(word("link_copied"));
  } catch {
    setStatus(word("link_done"));
  }
});

const initial = stateFromAddress();
fill(initial);
if (startWorker() && isComplete(initial)) derive();
