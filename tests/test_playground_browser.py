"""The playground page in Debian's chromium: nnref derives in the browser what it derives in Python.

Each page load starts Pyodide (seconds), so the module opens three pages in one browser context
(the first load fills its HTTP cache, as a returning reader's would; the cold start is
benchmarks/playground_start.py's business) and does everything else on an open page: every
``data-value`` of a derivation against nnref run here in CPython (to 25 significant digits) and
the gradients, error and updates against an independent mpmath backward pass
(tests/mp_reference.py); malformed weights and a network too large, each with nnref's message
next to its field; the random, wikidocs and link buttons; the Korean page's words and messages;
no request to another host. The site is the session's strict build (conftest.py).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from decimal import Decimal
from fractions import Fraction
from typing import Any
from urllib.parse import parse_qsl, urlsplit

import mpmath
import pytest
import sympy
from mp_reference import backprop
from site_tools import BuildResult, serve_site

from nnref import Network
from nnref.examples import WIKIDOCS_07_05
from nnref.playground.form import read_state
from nnref.playground.result import trace_of
from nnref.playground.state import MAX_PARAMETERS, example_query, query, state_of
from nnref.playground.words import word
from nnref.values import parse_exact

START_MS = 240_000  # Pyodide's first start on a loaded 2-core machine (a limit, not a speed goal)
DIGITS = 25

NETWORK_232 = Network((2, 3, 2), ("tanh", "sigmoid"), "bce", bias=True)
STATE_232 = state_of(
    NETWORK_232,
    ["0.5", "-0.3"],
    ["1", "0"],
    ["0.1", "-0.2", "0.4", "0.3", "-0.5", "0.2", "0.6", "-0.1", "0.2", "0.7", "0.1", "-0.4"],
    ["0.1", "-0.1", "0.05", "0.2", "-0.2"],
    "0.1",
    chain="w2",
)


@pytest.fixture(scope="module")
def host(built_site: BuildResult) -> Iterator[str]:
    assert built_site.returncode == 0, built_site.output[-4000:]
    with serve_site(built_site.site_dir) as url:
        yield url


class Tab:
    """One context for the module, whose requests to other hosts are blocked and counted; a new
    page for each test."""

    def __init__(self, browser: Any) -> None:
        self.context = browser.new_context(viewport={"width": 1280, "height": 1000})
        self.other_hosts: list[str] = []
        self.errors: list[str] = []
        self.context.route("**/*", self._guard)
        self.page: Any = None

    def _guard(self, route: Any) -> None:
        if urlsplit(route.request.url).hostname == "127.0.0.1":
            route.continue_()
        else:
            self.other_hosts.append(route.request.url)
            route.abort()

    def open(self, url: str) -> str:
        """A new page at ``url``, once it has answered its first request; the state it is in."""
        if self.page is not None:
            self.page.close()
        self.page = self.context.new_page()
        self.page.on("pageerror", lambda error: self.errors.append(f"page error: {error}"))
        self.page.on("console", lambda m: self.errors.append(m.text) if m.type == "error" else None)
        self.page.goto(url, wait_until="load")
        return self.wait(0)

    def answered(self) -> int:
        return int(self.page.evaluate("document.getElementById('nnref-playground').dataset.answered || 0"))

    def wait(self, before: int) -> str:
        """Until the page has answered one more request than ``before``; the state it is in."""
        self.page.wait_for_function(
            f"Number(document.getElementById('nnref-playground').dataset.answered || 0) > {before}",
            timeout=START_MS,
        )
        return self.page.evaluate("document.getElementById('nnref-playground').dataset.state")

    def derive_with(self, fields: dict[str, str]) -> str:
        before = self.answered()
        for name, text in fields.items():
            self.page.fill(f"#pg-{name}", text)
        self.page.click("button[type=submit]")
        return self.wait(before)

    def click(self, label: str) -> str:
        """Click the button labelled ``label`` and wait for the derivation it starts."""
        before = self.answered()
        self.page.get_by_role("button", name=label, exact=True).click()
        return self.wait(before)

    def field_values(self) -> dict[str, str]:
        """The form's fields by name (x1, w3, sizes, ...), as the reader sees them."""
        return self.page.evaluate(
            "() => Object.fromEntries([...document.querySelectorAll('#nnref-playground input,"
            " #nnref-playground select')]"
            ".map(e => [e.name, e.type === 'checkbox' ? String(e.checked) : e.value]))"
        )

    def values(self) -> dict[str, set[str]]:
        """data-quantity -> the data-values shown for it (KaTeX's spans and the text's)."""
        pairs = self.page.evaluate(
            "() => [...document.querySelectorAll('#pg-result [data-quantity]')]"
            ".map(e => [e.dataset.quantity, e.dataset.value])"
        )
        found: dict[str, set[str]] = {}
        for name, value in pairs:
            found.setdefault(name, set()).add(value)
        return found

    def error(self, key: str) -> str:
        return self.page.inner_text(f"#pg-error-{key}")

    def close(self) -> None:
        self.context.close()


@pytest.fixture(scope="module")
def tab(browser: Any) -> Iterator[Tab]:
    opened = Tab(browser)
    try:
        yield opened
    finally:
        opened.close()


def _quantity(tr: Any, name: str) -> Decimal:
    """The value of a page's data-quantity in the Python engine, to 40 significant digits."""
    if name == "E-E[1]":
        value = tr.quantity("E").value - tr.next().quantity("E").value
    else:
        found = re.fullmatch(r"(.+)\[1\]", name)
        value = (tr.next() if found else tr).quantity(found.group(1) if found else name).value
    return Decimal(str(sympy.N(value, 40)))


def _agree(shown: str, expected: Decimal, digits: int = DIGITS) -> bool:
    got = Decimal(shown)
    if expected == 0:
        return got == 0
    return abs(got - expected) <= Decimal(10) ** (expected.adjusted() - digits + 1)


def _check_against_python(tab: Tab, state: dict[str, str]) -> dict[str, set[str]]:
    request = read_state(state)
    tr = trace_of(request)  # nnref.derive in CPython
    shown = tab.values()
    wrong = {
        name: (values, str(_quantity(tr, name)))
        for name, values in shown.items()
        if not all(_agree(value, _quantity(tr, name)) for value in values)
    }
    assert wrong == {}
    # An independent backward pass (plain mpmath, textbook formulas) for E, the gradients, updates.
    net = request.network
    parameters = net.resolve_parameters(request.weights, request.biases)
    with mpmath.workdps(50):
        exact = lambda text: mpmath.mpf(Fraction(text).numerator) / Fraction(text).denominator  # noqa: E731
        reference = backprop(net, request.x, request.target, parameters)
        expected = {"E": reference["E"], **{f"o{k}": o for k, o in enumerate(reference["o"], start=1)}}
        for name in net.parameters:
            expected[f"dE/d{name}"] = reference["grad"][name]
            expected[f"{name}+"] = exact(parameters[name]) - exact(request.lr) * reference["grad"][name]
        expected = {
            name: Decimal(mpmath.nstr(value, 40, strip_zeros=False)) for name, value in expected.items()
        }
    missing = sorted(set(expected) - set(shown))
    assert missing == []
    assert {n: shown[n] for n in expected if not all(_agree(v, expected[n]) for v in shown[n])} == {}
    return shown


def _state_of_address(url: str) -> dict[str, str]:
    return dict(parse_qsl(urlsplit(url).query, keep_blank_values=True))


def test_wikidocs_example_bad_input_and_the_buttons(tab: Tab, host: str) -> None:
    assert tab.open(f"{host}/en/playground/?{example_query(WIKIDOCS_07_05)}") == "derived"
    shown = _check_against_python(tab, _state_of_address(tab.page.url))
    assert {"E[1]", "o1[1]", "E-E[1]", "dE/dh1", "dE/dz1"} <= set(shown)
    assert tab.page.locator("#pg-result [data-quantity]").count() > 100
    # The published dE/dw5 of the worked example, to its 8 decimals.
    assert {format(Decimal(v).quantize(Decimal("1e-8")), "f") for v in shown["dE/dw5"]} == {"0.02592286"}

    for text in ("abc", "1/0", "__import__('os')"):
        assert tab.derive_with({"w3": text}) == "invalid"
        with pytest.raises(ValueError) as raised:
            parse_exact(text, "w3")
        assert tab.error("w3") == str(raised.value)
        assert tab.page.get_attribute("#pg-w3", "aria-invalid") == "true"

    # A network over the page's limit: the message at once, no fields, and the page still answers.
    tab.page.fill("#pg-sizes", "8,8,8")
    tab.page.dispatch_event("#pg-sizes", "change")
    expected = word("too_large", "en", limit=MAX_PARAMETERS, count=8 * 8 * 2)
    assert tab.error("sizes") == expected
    assert tab.page.locator("#pg-w1").count() == 0
    assert tab.derive_with({}) == "invalid"
    assert tab.error("sizes") == expected

    # The wikidocs button brings the example back; random values derive; the link button writes
    # the form into the address, which reads back as the same network and values.
    assert tab.click(word("wikidocs", "en")) == "derived"
    assert tab.field_values()["w5"] == WIKIDOCS_07_05.weights[4]
    assert tab.click(word("random", "en")) == "derived"
    fields = tab.field_values()
    assert [fields[f"w{i}"] for i in range(1, 9)] != list(WIKIDOCS_07_05.weights)
    tab.page.get_by_role("button", name=word("link", "en"), exact=True).click()
    linked = _state_of_address(tab.page.url)
    assert linked["weights"].split(",") == [fields[f"w{i}"] for i in range(1, 9)]
    assert linked["x"].split(",") == [fields["x1"], fields["x2"]]
    _check_against_python(tab, linked)
    assert tab.other_hosts == []
    assert tab.errors == []


def test_232_tanh_sigmoid_bce_with_bias_and_a_second_derivation(tab: Tab, host: str) -> None:
    assert tab.open(f"{host}/en/playground/?{query(STATE_232)}") == "derived"
    shown = _check_against_python(tab, STATE_232)
    assert {"dE/db1", "dE/db5", "b5+", "dE_o2/dh1"} <= set(shown)
    # Edit one weight, derive again without reloading: the new values, still nnref's.
    changed = {**STATE_232, "weights": STATE_232["weights"].replace("0.1", "0.25", 1)}
    assert tab.derive_with({"w1": "0.25"}) == "derived"
    _check_against_python(tab, changed)
    assert tab.other_hosts == []
    assert tab.errors == []


def test_korean_page_words_and_messages(tab: Tab, host: str) -> None:
    state = {**STATE_232, "weights": STATE_232["weights"].replace("-0.2", "1/0", 1)}
    assert tab.open(f"{host}/playground/?{query(state)}") == "invalid"
    with pytest.raises(ValueError) as raised:
        parse_exact("1/0", "w2")
    korean = raised.value.text("ko")
    assert korean != str(raised.value)  # a Korean version exists, and it is what the page shows
    assert tab.error("w2") == korean
    assert tab.page.get_by_role("button", name=word("derive", "ko"), exact=True).count() == 1
    assert tab.derive_with({"w2": "-0.2"}) == "derived"
    assert tab.page.locator("#pg-result h3").first.inner_text() == "순전파"
    _check_against_python(tab, STATE_232)
    assert tab.other_hosts == []
    assert tab.errors == []
