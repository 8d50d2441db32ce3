// Checks a reader's answers to the chapter exercises (written by nnref.exercises.page).
// Nothing is computed here: the page carries the expected answer (data-answer) and the other
// quantities of the same problem at the same decimals (data-others), both from the symbolic
// engine at build time, and the script only compares the typed number with them. The words it
// shows come from the section's data-messages, in the page's language.
"use strict";

const NNREF_NUMBER = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$/;

function nnrefTyped(text) {
  // A minus sign typed as U+2212 or a full-width digit keyboard's "－" counts as "-".
  const cleaned = text.trim().replace(/[\u2212\uff0d]/g, "-");
  return NNREF_NUMBER.test(cleaned) ? cleaned : null;
}

function nnrefDecimals(text) {
  const match = /\.(\d*)/.exec(text.split(/[eE]/)[0]);
  return match ? match[1].length : 0;
}

// The page's math is typeset when the site builds (docs/hooks/katex_static.py); KaTeX itself is
// loaded only when an answer's message names a quantity, from the address on this script's tag.
const NNREF_KATEX_SRC = document.currentScript && document.currentScript.dataset.katex;
let nnrefKatexLoading = null;

function nnrefKatex() {
  if (window.katex) return Promise.resolve(window.katex);
  if (!NNREF_KATEX_SRC) return Promise.reject(new Error("no data-katex on exercises.js"));
  if (!nnrefKatexLoading) {
    nnrefKatexLoading = new Promise((resolve, reject) => {
      const script = document.createElement("script");
      script.src = NNREF_KATEX_SRC;
      script.onload = () => resolve(window.katex);
      script.onerror = () => reject(new Error(`cannot load ${NNREF_KATEX_SRC}`));
      document.head.append(script);
    });
  }
  return nnrefKatexLoading;
}

// An arithmatex element's TeX, \(...\) inline or \[...\] display (pymdownx.arithmatex).
function nnrefTypesetArithmatex(element, katex) {
  const text = element.textContent.trim();
  const display = text.startsWith("\\[");
  katex.render(text.slice(2, -2), element, { displayMode: display, throwOnError: false });
}

// A solution's math is typeset the first time a reader opens it.
function nnrefSolution(details) {
  details.addEventListener("toggle", () => {
    const pending = [...details.querySelectorAll(".arithmatex")].filter((e) => !e.querySelector(".katex"));
    if (!details.open || !pending.length) return;
    nnrefKatex().then(
      (katex) => pending.forEach((element) => nnrefTypesetArithmatex(element, katex)),
      (error) => console.error(error),
    );
  });
}

function nnrefMath(latex) {
  // The TeX shows until KaTeX has typeset it (at once when it is already loaded).
  const span = document.createElement("span");
  span.textContent = latex;
  nnrefKatex().then(
    (katex) => katex.render(latex, span, { throwOnError: false }),
    (error) => console.error(error),
  );
  return span;
}

// "{names}" in a message becomes the quantities' formulas, typeset; the rest stays text.
function nnrefSentence(template, fields) {
  const out = document.createElement("span");
  template.split(/(\{\w+\})/).forEach((part) => {
    const key = part.slice(1, -1);
    if (part.startsWith("{") && key in fields) {
      const value = fields[key];
      if (Array.isArray(value)) {
        value.forEach((latex, i) => {
          if (i) out.append(", ");
          out.append(nnrefMath(latex));
        });
      } else {
        out.append(String(value));
      }
    } else {
      out.append(part);
    }
  });
  return out;
}

function nnrefMark(exercise, right, parts) {
  const result = exercise.querySelector(".nnref-exercise__result");
  exercise.dataset.state = right === null ? "" : right ? "right" : "wrong";
  result.classList.toggle("is-right", right === true);
  result.classList.toggle("is-wrong", right === false);
  result.replaceChildren();
  if (right !== null) result.append(right ? "\u2713 " : "\u2717 ");
  parts.forEach((part, i) => {
    if (i) result.append(" ");
    result.append(part);
  });
}

function nnrefCheck(exercise, messages) {
  const answer = exercise.dataset.answer;
  const radios = exercise.querySelectorAll("input[type=radio]");
  if (radios.length) {
    const chosen = [...radios].find((radio) => radio.checked);
    if (!chosen) return nnrefMark(exercise, null, [messages.choose]);
    const right = chosen.value === answer;
    return nnrefMark(exercise, right, [right ? messages.right : messages.wrong]);
  }
  const input = exercise.querySelector(".nnref-exercise__input");
  if (!input.value.trim()) return nnrefMark(exercise, null, [messages.empty]);
  const typed = nnrefTyped(input.value);
  if (typed === null) return nnrefMark(exercise, null, [messages.not_number]);
  if (Number(typed) === Number(answer)) return nnrefMark(exercise, true, [messages.right]);
  const problem = JSON.parse(exercise.dataset.exercise);
  const others = JSON.parse(exercise.dataset.others || "[]");
  const names = others.filter((other) => Number(other.value) === Number(typed)).map((other) => other.latex);
  const parts = [messages.wrong];
  if (names.length) parts.push(nnrefSentence(messages.belongs, { names }));
  if (problem.places !== null && nnrefDecimals(typed) !== problem.places) {
    parts.push(nnrefSentence(messages.places, { places: problem.places }));
  }
  nnrefMark(exercise, false, parts);
}

function nnrefExercises(root) {
  for (const section of root.querySelectorAll(".nnref-exercises")) {
    const messages = JSON.parse(section.dataset.messages);
    for (const exercise of section.querySelectorAll(".nnref-exercise")) {
      exercise.querySelectorAll("details.nnref-exercise__solution").forEach(nnrefSolution);
      const check = () => nnrefCheck(exercise, messages);
      exercise.querySelector(".nnref-exercise__button").addEventListener("click", check);
      const input = exercise.querySelector(".nnref-exercise__input");
      if (input) {
        input.addEventListener("keydown", (event) => {
          if (event.key === "Enter") check();
        });
      }
    }
  }
}

document$.subscribe(({ body }) => nnrefExercises(body));
