"""The playground page: nnref deriving a reader's own network in their browser (Pyodide).

The page's web worker calls :func:`handle` with a JSON request and shows the JSON it returns;
the site build prints :func:`page_config` into the page (its words and choices, so that every
word comes from :mod:`nnref.playground.words`). See docs/playground.en.md.

>>> import json
>>> reply = json.loads(handle(json.dumps({"action": "derive", "lang": "ko", "state": {
...     "sizes": "1,1", "x": "2", "target": "1", "weights": "abc"}})))
>>> reply["ok"], reply["errors"]
(False, {'w1': "w1은 '0.25', '1e-3', '1/3' 같은 소수나 분수여야 합니다. 받은 값: 'abc'"})
"""

from __future__ import annotations

import json
import time
from typing import Any

from nnref.glossary import term
from nnref.network import ACTIVATION_NAMES, LOSS_NAMES
from nnref.playground.form import FieldErrors, network_of, read_state
from nnref.playground.result import derivation_html
from nnref.playground.state import MAX_LAYERS, MAX_PARAMETERS, OPTIONS, random_state, state_of
from nnref.playground.words import localized, page_words
from nnref.registry import ACTIVATIONS, LOSSES
from nnref.words import check_lang

__all__ = ["handle", "page_config"]

def _choice(name: str, lang: str) -> list[str]:
    key = (ACTIVATIONS[name] if name in ACTIVATIONS else LOSSES[name]).glossary_key
    label = term(key, lang) if key else name
    return [name, label if label.split(" (")[0].lower() == name else f"{label} ({name})"]


def page_config(lang: str) -> dict[str, Any]:
    """What the page's script needs before Python runs: words, choices, limits, the default state."""
    from nnref.examples import WIKIDOCS_07_05 as example

    check_lang(lang)
    x, target = example.input_and_target()
    return {
        "lang": lang,
        "words": page_words(lang),
        # step is left out: it cannot be differentiated.
        "activations": [_choice(n, lang) for n in ACTIVATION_NAMES if ACTIVATIONS[n].differentiable],
        "losses": [_choice(n, lang) for n in LOSS_NAMES],
        "options": list(OPTIONS),
        "limits": {"parameters": MAX_PARAMETERS, "layers": MAX_LAYERS},
        "example": state_of(
            example.network, x, target, example.weights, None, example.learning_rate
        ),
    }


def _derive(state: dict[str, Any], lang: str) -> dict[str, Any]:
    start = time.perf_counter()
    try:
        page = derivation_html(read_state(state), lang)
    except FieldErrors as error:
        return {"ok": False, "errors": {field: localized(text, lang) for field, text in error.errors.items()}}
    return {"ok": True, "html": page.html, "values": page.values, "seconds": time.perf_counter() - start}


def _random(state: dict[str, Any], lang: str, seed: int) -> dict[str, Any]:
    try:
        network = network_of(state)
    except FieldErrors as error:
        return {"ok": False, "errors": {field: localized(text, lang) for field, text in error.errors.items()}}
    made = random_state(network, seed, str(state.get("lr") or "0.5"))
    if state.get("chain"):
        made["chain"] = str(state["chain"])
    return {"ok": True, "state": made}


def handle(request: str) -> str:
    """Answer one JSON request of the page's worker: ``{"action": "derive" | "random", "lang",
    "state": {option: text or list of texts}, "seed"}``."""
    asked = json.loads(request)
    lang = check_lang(asked.get("lang"))
    state = dict(asked.get("state") or {})
    if asked.get("action") == "derive":
        return json.dumps(_derive(state, lang))
    if asked.get("action") == "random":
        return json.dumps(_random(state, lang, int(asked.get("seed", 0))))
    raise ValueError(f"action must be one of derive, random; got {asked.get('action')!r}")
