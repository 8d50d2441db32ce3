"""The playground's Python side and its build: fields, messages, HTML, numbers, shipped files.

The browser itself is tests/test_playground_browser.py; here the same code runs in CPython:
the renderers' HTML against Python-Markdown (what the site's pages use), every number of a
derivation against its node, the Korean messages against nnref's real English ones, and the
built site's playground files.
"""

from __future__ import annotations

import gzip
import io
import json
import re
import tarfile
from decimal import Decimal
from html import unescape
from urllib.parse import parse_qsl, urlsplit

import markdown
import mpmath
import pytest
import sympy
from site_tools import REPO, BuildResult, load_hook

from nnref import Network, derive
from nnref.cli.parsing import build_parser, int_list
from nnref.cli.problem import problem_from_args
from nnref.errors import InputError, InputTypeError
from nnref.examples import WIKIDOCS_07_05
from nnref.glossary import find_banned
from nnref.playground import handle, page_config
from nnref.playground.form import FieldErrors, read_state
from nnref.playground.result import derivation_html
from nnref.playground.state import MAX_PARAMETERS, example_query, problem_query, query, state_of
from nnref.playground.words import localized, worded
from nnref.render import (
    after_update_markdown,
    chain_markdown,
    delta_table,
    forward_table,
    loss_markdown,
    update_table,
)
from nnref.render.html import markdown_html
from nnref.render.marks import REFERENCE, marking
from nnref.values import parse_exact, parse_positive_finite, parse_vector
from nnref.words.playground import PLAYGROUND

NETWORKS = [
    (WIKIDOCS_07_05.network, WIKIDOCS_07_05.x, WIKIDOCS_07_05.target, WIKIDOCS_07_05.weights, None, "w1"),
    (
        Network((2, 3, 2), ("tanh", "sigmoid"), "bce", True),
        ["0.5", "-0.3"],
        ["1", "0"],
        [f"{(i % 5 - 2) / 10}" for i in range(12)],
        ["0.1", "-0.1", "0.05", "0.2", "-0.2"],
        "b2",
    ),
    (
        Network((2, 2, 3), ("relu", "softmax"), "cce", True),
        ["1", "-2"],
        ["0", "1", "0"],
        ["0.5", "-0.5", "-1", "-1", "0.3", "0.2", "-0.1", "0.4", "0.1", "0.2"],
        ["0", "-3", "0.1", "0", "0"],
        "w1",
    ),
]


def _trace(net, x, target, weights, biases):
    return derive(net, x=x, target=target, weights=weights, biases=biases, learning_rate="0.5")


def _rendered(tr, lang, chain):
    return [
        forward_table(tr, lang),
        loss_markdown(tr, lang),
        delta_table(tr, lang),
        chain_markdown(tr, chain, lang),
        update_table(tr, lang),
        after_update_markdown(tr, lang),
    ]


def _site_markdown(text: str) -> str:
    return markdown.markdown(
        text,
        extensions=["tables", "pymdownx.arithmatex"],
        extension_configs={"pymdownx.arithmatex": {"generic": True}},
    )


@pytest.mark.parametrize("lang", ["ko", "en"])
@pytest.mark.parametrize("case", NETWORKS, ids=["wikidocs", "2-3-2-bce", "relu-softmax"])
def test_html_is_what_python_markdown_gives_and_marks_change_no_text(case, lang) -> None:
    net, x, target, weights, biases, chain = case
    tr = _trace(net, x, target, weights, biases)
    plain = _rendered(tr, lang, chain)
    with marking() as marks:
        marked = _rendered(tr, lang, chain)
    for text, with_marks in zip(plain, marked, strict=True):
        assert markdown_html(text) == _site_markdown(text)
        assert REFERENCE.sub("", with_marks) == text  # marking adds references and nothing else
        html = markdown_html(with_marks, marks)
        unwrapped = re.sub(r"<span data-quantity=[^>]*>([^<]*)</span>", r"\1", html)
        unwrapped = re.sub(r"\\htmlData\{[^}]*\}\{", "{", unwrapped)
        assert "data-" not in unwrapped and REFERENCE.search(html) is None
    assert len(marks) > 20


@pytest.mark.parametrize(
    "text",
    ["# A heading", "- a list", "some *emphasis*", "a `code` span", "a [link](x)", "<b>raw</b>", "a $ sign"],
)
def test_html_refuses_markdown_outside_the_subset(text) -> None:
    with pytest.raises(ValueError, match="outside the renderers' Markdown subset"):
        markdown_html(text)


@pytest.mark.parametrize("case", NETWORKS, ids=["wikidocs", "2-3-2-bce", "relu-softmax"])
def test_every_number_of_a_derivation_carries_its_value(case) -> None:
    net, x, target, weights, biases, chain = case
    state = state_of(net, x, target, weights, biases, "0.5", chain)
    page = derivation_html(read_state(state), "en").html
    pairs = re.findall(r'data-quantity="([^"]+)" data-value="([^"]+)"', page)
    pairs += re.findall(r"\\htmlData\{quantity=([^,]+), value=([^}]+)\}", page)
    assert len(pairs) == page.count("data-value=") + page.count("\\htmlData{") > 50
    tr, after = _trace(net, x, target, weights, biases), None
    for name, value in pairs:
        if name == "E-E[1]":
            after = after or tr.next()
            exact = tr.quantity("E").value - after.quantity("E").value
        elif name.endswith("[1]"):
            after = after or tr.next()
            exact = after.quantity(name[:-3]).value
        else:
            exact = tr.quantity(name).value
        expected = Decimal(str(sympy.N(exact, 50)))
        if expected == 0:
            assert Decimal(value) == 0, name
        else:  # 30 significant digits, rounded: within half a unit of the 30th
            assert abs(Decimal(value) - expected) <= Decimal(5) * Decimal(10) ** (expected.adjusted() - 30), (
                name
            )


def test_fields_are_read_by_nnrefs_validators_and_never_run() -> None:
    state = {
        **dict(p.split("=", 1) for p in example_query(WIKIDOCS_07_05).split("&")),
        "weights": ["0.3", "abc", "1/0", "__import__('os')", "exp(1)", "0.4", "0.7", ""],
        "lr": "-1",
    }
    with pytest.raises(FieldErrors) as raised:
        read_state(state)
    errors = raised.value.errors
    for name, text in {"w2": "abc", "w3": "1/0", "w4": "__import__('os')", "w5": "exp(1)", "w8": ""}.items():
        with pytest.raises(ValueError) as nnref_error:
            parse_exact(text, name)
        assert errors[name] == {"ko": nnref_error.value.text("ko"), "en": str(nnref_error.value)}
    with pytest.raises(ValueError) as rate_error:
        parse_positive_finite("-1", "lr")
    assert errors["lr"]["en"] == str(rate_error.value)
    assert set(errors) == {"w2", "w3", "w4", "w5", "w8", "lr"}


def test_limits_and_option_errors_name_their_field() -> None:
    base = {"x": "1,1", "target": "0.5", "weights": "0"}
    cases = {
        "sizes": {"sizes": "8,8,8", **base},
        "activation2": {"sizes": "2,2,2", "activation": "tanh,sigmod", **base},
        "loss": {"sizes": "2,1", "activation": "tanh", "loss": "bce", **base},
        "bias": {"sizes": "2,1", "bias": "maybe", **base},
        "query": {"sizes": "2,1", "x": "1,1", "target": "0.5", "weights": "1,1", "eval": "1"},
    }
    for field, state in cases.items():
        with pytest.raises(FieldErrors) as raised:
            read_state(state)
        assert field in raised.value.errors, (field, raised.value.errors)
    with pytest.raises(FieldErrors) as raised:
        read_state({"sizes": "8,8,8", **base})
    assert f"at most {MAX_PARAMETERS}" in raised.value.errors["sizes"]["en"]
    reply = json.loads(
        handle(json.dumps({"action": "derive", "lang": "ko", "state": {"sizes": "8,8,8", **base}}))
    )
    assert reply["errors"]["sizes"].startswith("sizes: ") and "128개" in reply["errors"]["sizes"]


def _nnref_messages() -> list[str]:
    """The errors the playground's fields can cause, from nnref's own validators."""
    found = []

    def caught(call, *args, **kwargs):
        try:
            call(*args, **kwargs)
        except (TypeError, ValueError) as error:
            found.append(error)
        else:
            raise AssertionError(f"{call.__name__}{args} raised nothing")

    caught(parse_exact, "abc", "w3")
    caught(parse_exact, "1/0", "w3")
    caught(parse_exact, "1" * 5000, "x1")
    caught(parse_exact, "1e-5000", "x1")
    caught(parse_positive_finite, "0", "lr")
    caught(parse_vector, ["1"], 2, "x")
    caught(Network((2, 2)).resolve_parameters, ["1"])
    caught(int_list, "2,a", "sizes")
    caught(int_list, "2,,3", "sizes")
    caught(int_list, " ", "sizes")
    caught(Network, (2,))
    caught(Network, (2, 2, 2), ("tanh", "tanh", "tanh"))
    caught(Network, (2, 2, 2), ("softmax", "sigmoid"))
    caught(Network, (2, 1), "softmax")
    caught(derive, Network((2, 1), "step"), x=[1, 1], target=[1], weights=[1, 1])
    caught(Network, (2, 2), "sigmoid", "cce")
    caught(Network, (2, 2), "tanh", "bce")
    caught(Network, (2, 2), "sigmod")
    caught(derive, Network((1, 1), "sigmoid", "bce"), x=[1], target=[2], weights=[1])
    caught(derive, Network((1, 2), "softmax", "cce"), x=[1], target=[1, 1], weights=[1, 1])
    caught(_trace(*NETWORKS[0][:5]).chain, "w99")
    return found


def test_every_field_error_is_worded_in_both_languages() -> None:
    for error in _nnref_messages():
        assert isinstance(error, InputError | InputTypeError), f"not from the word catalog: {error}"
        messages = worded(error)
        assert messages["en"] == str(error) and localized(messages, "en") == str(error)
        assert re.search("[가-힣]", localized(messages, "ko")), messages
        assert find_banned(messages["ko"], "ko") == [], messages["ko"]
    hinted = worded(_caught_one(Network, (2, 2), "sigmod"))
    assert hinted["ko"].endswith("(혹시 'sigmoid'인가요?)")
    assert hinted["en"].endswith("(did you mean 'sigmoid'?)")


def _caught_one(call, *args):
    try:
        call(*args)
    except (TypeError, ValueError) as error:
        return error
    raise AssertionError("nothing raised")


def test_korean_words_use_the_glossary() -> None:
    texts = [texts["ko"] for texts in PLAYGROUND.values()]
    assert [use for text in texts for use in find_banned(text, "ko")] == []


def test_links_are_built_from_the_examples_data() -> None:
    state = dict(p.split("=", 1) for p in example_query(WIKIDOCS_07_05).split("&"))
    request = read_state(state)
    assert (request.network, request.x, request.weights, request.lr) == (
        WIKIDOCS_07_05.network,
        WIKIDOCS_07_05.x,
        WIKIDOCS_07_05.weights,
        WIKIDOCS_07_05.learning_rate,
    )
    command = "derive --sizes 1,1,2 --activation tanh,sigmoid --loss bce --x 0.5 --target 1,0"
    argv = [*command.split(), "--weights", "0.4,-0.3,0.6"]
    problem = problem_from_args(build_parser().parse_args(argv))
    assert problem_query(problem) == (
        "sizes=1,1,2&activation=tanh,sigmoid&loss=bce&bias=0&x=0.5&target=1,0&weights=0.4,-0.3,0.6"
    )
    assert query({"x": "1/3,a b"}) == "x=1/3,a%20b"


def test_pages_link_to_the_playground_with_their_networks(built_site: BuildResult) -> None:
    """The backprop chapter, the derive guide and the CLI page: one link each, to the built
    playground page of their language, whose address derives (the chapter's: the example's)."""
    assert built_site.returncode == 0, built_site.output[-4000:]
    site = built_site.site_dir
    for prefix in ("", "en/"):
        for page in ("chapters/backprop", "guide/derive", "guide/cli"):
            folder = site / prefix / page
            links = re.findall(r'href="([^"]*\?sizes=[^"]*)"', (folder / "index.html").read_text())
            assert len(links) == 1, (prefix, page, links)
            target = urlsplit(unescape(links[0]))
            playground = site / prefix / "playground" / "index.html"
            assert (folder / target.path / "index.html").resolve() == playground
            state = dict(parse_qsl(target.query))
            if page == "chapters/backprop":
                assert target.query == example_query(WIKIDOCS_07_05)
            reply = json.loads(handle(json.dumps({"action": "derive", "lang": "en", "state": state})))
            assert reply["ok"], (page, reply)


def test_random_values_derive() -> None:
    for loss, activation in (("cce", "tanh,softmax"), ("bce", "relu,sigmoid"), ("mse", "identity")):
        state = {"sizes": "2,3,2", "activation": activation, "loss": loss, "bias": "1"}
        reply = json.loads(handle(json.dumps({"action": "random", "lang": "en", "seed": 7, "state": state})))
        derived = json.loads(handle(json.dumps({"action": "derive", "lang": "en", "state": reply["state"]})))
        assert derived["ok"], derived


def test_page_config_lists_the_differentiable_choices() -> None:
    config = page_config("ko")
    assert [name for name, _ in config["activations"]] == ["identity", "sigmoid", "tanh", "relu", "softmax"]
    assert dict(config["losses"])["bce"] == "이진 교차 엔트로피 (bce)"
    assert read_state(config["example"]).network == WIKIDOCS_07_05.network


def test_pins_are_the_tested_versions() -> None:
    hook = load_hook("playground")
    pinned = dict(
        re.findall(r"^(sympy|mpmath)==(\S+)", (REPO / "requirements" / "docs.txt").read_text(), re.M)
    )
    assert {name: version for name, (version, _) in hook.WHEELS.items()} == pinned
    assert (sympy.__version__, mpmath.__version__) == (pinned["sympy"], pinned["mpmath"])


def test_the_site_ships_the_playground_and_only_its_pages_load_it(built_site: BuildResult) -> None:
    assert built_site.returncode == 0, built_site.output[-4000:]
    root = built_site.site_dir / "assets" / "playground"
    manifest = json.loads((root / "manifest.json").read_text())
    for name, size in manifest["bytes"].items():
        assert (root / name).stat().st_size == size
    for name in manifest["packages"]:
        with tarfile.open(fileobj=io.BytesIO(gzip.decompress((root / name).read_bytes()))) as archive:
            names = archive.getnames()
        assert not [n for n in names if n.endswith(".py") or "/tests/" in n], name
        assert {"sympy/__init__.pyc", "mpmath/__init__.pyc"} <= set(names) or {
            "nnref/__init__.pyc",
            "nnref/data/wikidocs-07-05.json",
            "nnref/playground/__init__.pyc",
        } <= set(names)
    loaders = []
    for page in built_site.site_dir.rglob("*.html"):
        if "playground.js" in page.read_text(encoding="utf-8"):
            loaders.append(page.relative_to(built_site.site_dir).as_posix())
    assert sorted(loaders) == ["en/playground/index.html", "playground/index.html"]
