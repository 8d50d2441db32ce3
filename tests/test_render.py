"""The rendered Markdown of the wikidocs example: its numbers, its math, its words."""

from __future__ import annotations

import re
from decimal import ROUND_HALF_UP, Decimal, localcontext
from fractions import Fraction

import mpmath
import pytest

from nnref.data import load_reference
from nnref.examples import WIKIDOCS_07_05, derive_example, published_values
from nnref.glossary import GLOSSARY, find_banned
from nnref.network import Network
from nnref.playground.result import _difference
from nnref.render import (
    after_update_markdown,
    chain_markdown,
    comparison_table,
    format_decimal,
    forward_table,
    glossary_table,
    loss_markdown,
    published_quantity,
    update_table,
)
from nnref.rounding import round_significant, scaled
from nnref.symbolic import derive

LANGS = ("ko", "en")


@pytest.fixture(scope="module")
def tr():
    return derive_example("wikidocs-07-05")


@pytest.fixture(scope="module")
def pages(tr) -> dict[str, str]:
    """Everything the backpropagation page renders, per language."""
    rendered = {}
    for lang in LANGS:
        parts = [
            forward_table(tr, lang),
            loss_markdown(tr, lang),
            *(chain_markdown(tr, name, lang) for name in tr.network.parameters),
            update_table(tr, lang),
            after_update_markdown(tr, lang),
            comparison_table(tr, published_values(), lang),
        ]
        rendered[lang] = "\n\n".join(parts)
    return rendered


def test_chain_factors_of_w5_appear_in_both_languages(tr, pages) -> None:
    published = load_reference()["published"]
    factors = [published[key]["value"] for key in ("dE_do1", "do1_dz3", "h1")]
    assert factors == ["0.20944600", "0.23802157", "0.51998934"]
    from_trace = [format_decimal(step.decimal(8), 8) for step in tr.chain("w5")]
    assert from_trace == factors
    for lang in LANGS:
        w5 = chain_markdown(tr, "w5", lang)
        assert r" \times ".join(factors) in w5
        assert published["dE_dw5"]["value"] in w5


def test_every_published_value_appears_in_both_languages(pages) -> None:
    published = published_values()
    assert len(published) == 38
    for lang in LANGS:
        shown = {key: format_decimal(value, _places(value)) for key, value in published.items()}
        missing = [key for key, text in shown.items() if text not in pages[lang]]
        assert missing == [], (lang, missing)


def _places(value: Decimal) -> int:
    return -value.as_tuple().exponent


def test_comparison_table_marks_all_38_values_as_matching(tr) -> None:
    for lang in LANGS:
        table = comparison_table(tr, published_values(), lang)
        rows = table.splitlines()[2:]
        assert len(rows) == 38
        assert all(row.endswith("| ✓ |") for row in rows), [r for r in rows if not r.endswith("| ✓ |")]


def test_comparison_table_computes_the_match_column(tr) -> None:
    wrong = {"h1": Decimal("0.51998935"), "o1": Decimal("0.60944599")}  # float32 shows 0.60944599
    table = comparison_table(tr, wrong, "en")
    assert table.count("| ✗ |") == 2 and "0.51998934" in table and "0.60944600" in table


def test_hidden_weight_shows_the_sum_over_both_outputs(tr) -> None:
    published = load_reference()["published"]
    for lang in LANGS:
        w1 = chain_markdown(tr, "w1", lang)
        terms = (published["dEo1_dh1"]["value"], published["dEo2_dh1"]["value"])
        assert f"{terms[0]} + {terms[1]} = {published['dE_dh1']['value']}" in w1
        assert r"\frac{\partial E_{o_{1}}}{\partial h_{1}} + \frac{\partial E_{o_{2}}}{\partial h_{1}}" in w1
        assert published["dE_dw1"]["value"] in w1


def test_formulas_go_symbols_then_numbers_then_value(tr) -> None:
    w5 = chain_markdown(tr, "w5", "en")
    symbols = w5.index(r"\left(o_{1} - t_{1}\right) \cdot o_{1} \left(1 - o_{1}\right) \cdot h_{1}")
    numbers = w5.index(r"\left(0.60944600 - 0.4\right)")
    local = w5.index(r"\times 0.60944600 \times \left(1 - 0.60944600\right)", numbers)
    value = w5.index("= 0.02592286", local)
    assert symbols < numbers < local < value
    row = r"| \(z_{1}\) | \(w_{1} x_{1} + w_{2} x_{2}\) | \(0.3 \times 0.1 + 0.25 \times 0.2\) | 0.08 |"
    assert row in forward_table(tr, "ko")


def test_math_delimiters_are_balanced_and_display_math_is_its_own_block(pages) -> None:
    for lang in LANGS:
        text = pages[lang]
        assert text.count(r"\(") == text.count(r"\)") > 0
        lines = ["", *text.splitlines(), ""]
        inside, blocks = False, 0
        for index, line in enumerate(lines):
            if line.strip() == "$$":
                assert line == "$$", (lang, index, "a $$ line must not be indented")
                if not inside:
                    assert lines[index - 1] == "", (lang, lines[index - 1], "blank line needed before $$")
                else:
                    assert lines[index + 1] == "", (lang, lines[index + 1], "blank line needed after $$")
                    blocks += 1
                inside = not inside
            elif inside:
                assert line.strip(), (lang, index, "no blank line inside display math")
                assert "$$" not in line
        assert not inside and blocks > 0


def test_no_banned_glossary_variant_in_rendered_text(pages) -> None:
    for lang in LANGS:
        assert find_banned(pages[lang], lang) == []


def test_korean_text_is_korean_and_english_text_is_not(pages) -> None:
    hangul = re.compile("[가-힣]")
    assert hangul.search(pages["ko"])
    assert not hangul.search(pages["en"])


def test_format_decimal_keeps_trailing_zeros_and_rounds_half_up() -> None:
    assert format_decimal(Decimal("0.52747230"), 8) == "0.52747230"
    assert format_decimal(Decimal("0.025922855"), 8) == "0.02592286"
    assert format_decimal(Decimal("-0.025922855"), 8) == "-0.02592286"
    assert format_decimal(Decimal("2"), 3) == "2.000"
    with pytest.raises(ValueError, match="places must be an integer from 0 to 100"):
        format_decimal(Decimal("1"), -1)
    with pytest.raises(TypeError, match=r"value must be a decimal\.Decimal"):
        format_decimal("0.5", 8)  # type: ignore[arg-type]


def test_format_decimal_rounds_every_tie_away_from_zero() -> None:
    """Ties whose kept digit is even, where half-to-even would round down: each as the standard
    library's ROUND_HALF_UP gives it in a context wide enough to be exact."""
    ties = [Decimal(f"{sign}{whole}.{digits}5") for sign in ("", "-") for whole in (0, 3, 10**20)
            for digits in ("0", "12", "0000000", "02592284", "9999999998")]
    for value in ties:
        places = -value.as_tuple().exponent - 1
        with localcontext() as context:
            context.prec = 200
            expected = value.quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP)
        assert format_decimal(value, places) == f"{expected:f}", value
        # away from zero, never to even
        assert Decimal(format_decimal(value, places)).copy_abs() > value.copy_abs()


def _stdlib_significant(value: Decimal, digits: int) -> Decimal:
    """The standard library's ROUND_HALF_UP to ``digits`` significant digits, in an exact context."""
    with localcontext() as context:
        context.prec = 400
        return value.quantize(Decimal(f"1E{value.adjusted() - digits + 1}"), rounding=ROUND_HALF_UP)


def test_significant_digits_round_every_tie_away_from_zero() -> None:
    """round_significant (and the playground's two significant-digit roundings, which use it) on
    ties whose kept digit is even, at 4 and at 30 digits (beyond a default Decimal context)."""
    for digits in (4, 30):
        for sign in ("", "-"):
            for kept in ("2", "0", "8"):
                for scale in (-40, 0, 25):
                    value = Decimal(f"{sign}1{'0' * (digits - 2)}{kept}5E{scale - digits}")  # exact
                    expected = _stdlib_significant(value, digits)
                    got = scaled(*round_significant(value, digits))
                    assert got == expected and got.as_tuple() == expected.as_tuple(), value
                    assert got.copy_abs() > value.copy_abs()  # away from zero, never to even
    tie = Decimal("1." + "0" * 28 + "25")  # 31 digits: DIGITS (30) keep ...2, the tie makes it ...3
    assert _difference(tie, Decimal(0)) == "1." + "0" * 28 + "3"
    assert _difference(Decimal(0), tie) == "-1." + "0" * 28 + "3"


def test_glossary_table_has_every_term_in_reading_order_and_no_banned_word(tr) -> None:
    for lang in LANGS:
        table = glossary_table(lang)
        rows = table.splitlines()[2:]
        assert len(rows) == len(GLOSSARY)
        first_column = [row.split(" | ")[0].removeprefix("| ").split(" \\(")[0] for row in rows]
        assert sorted(first_column) == sorted(t.text(lang) for t in GLOSSARY)
        # 가나다 (then terms written in Latin letters) / A-Z, ignoring spaces and case.
        keys = [(lang == "ko" and not re.match("[가-힣]", w), w.replace(" ", "").replace("-", "").lower())
                for w in first_column]
        assert keys == sorted(keys)
        assert all(row.count(" | ") == 2 and row.split(" | ")[-1].strip(" |") for row in rows)  # a definition
        assert find_banned(table, lang) == []  # the lint-only variants are not shown to readers


def test_published_keys_name_trace_quantities(tr) -> None:
    nxt = tr.next()
    for key in published_values():
        updates, name = published_quantity(key)
        (nxt if updates else tr).quantity(name)  # raises if the name is unknown
    with pytest.raises(ValueError, match="key must name a published value"):
        published_quantity("gradient")


def test_renders_a_network_unlike_the_example() -> None:
    net = Network((2, 3, 2), ("tanh", "softmax"), "cce", bias=True)
    weights = ["0.1", "-0.2", "0.3", "0.4", "-0.5", "0.6", "0.7", "-0.8", "0.9", "0.1", "0.2", "-0.3"]
    biases = ["0.1", "0", "-0.1", "0.05", "-0.05"]
    tr = derive(net, x=["0.5", "-1"], target=["0", "1"], weights=weights, biases=biases, learning_rate="0.1")
    for lang in LANGS:
        text = "\n".join([
            forward_table(tr, lang),
            loss_markdown(tr, lang),
            chain_markdown(tr, "w1", lang),
            chain_markdown(tr, "b5", lang),
            update_table(tr, lang),
            after_update_markdown(tr, lang),
        ])
        assert format_decimal(tr.decimal("dE/dw1"), 8) in text
        assert format_decimal(tr.next().decimal("E"), 8) in text
        assert find_banned(text, lang) == []


def test_lang_is_checked() -> None:
    tr = derive_example("wikidocs-07-05")
    for render in (forward_table, loss_markdown, update_table, after_update_markdown):
        with pytest.raises(ValueError, match="lang must be one of ko, en; got 'de'"):
            render(tr, "de")
    with pytest.raises(ValueError, match="lang must be one of ko, en"):
        glossary_table("kr")


def test_a_single_downstream_path_is_not_called_a_sum() -> None:
    from nnref import Network, derive
    from nnref.render import chain_markdown

    net = Network((2, 2, 1), "sigmoid", "sse")
    tr = derive(net, x=["0.1", "0.2"], target=["0.4"], weights=["0.3", "0.25", "0.4", "0.35", "0.45", "0.4"])
    korean, english = chain_markdown(tr, "w1", "ko"), chain_markdown(tr, "w1", "en")
    assert "경로 하나로만" in korean and "1개의 경로" not in korean
    assert "a single path" in english and "1 paths" not in english


def test_large_and_tiny_values_are_shown_in_scientific_form():
    from nnref.cli import main

    big = derive(Network((1, 1), "identity"), x=["1e10"], target=[0], weights=["1e10"])
    text = forward_table(big, "en")
    assert "1.0000000e+20" in text and "100000000000000000000" in text  # the exact value beside it
    tiny = derive(Network((1, 1), "sigmoid", "bce"), x=[200], target=[1], weights=[1])
    with mpmath.workdps(40):
        text = mpmath.nstr(mpmath.log1p(mpmath.exp(-200)), 8, min_fixed=1, max_fixed=0)
    mantissa, exponent = text.split("e")
    assert f"{mantissa}e{int(exponent):+03d}" in loss_markdown(tiny, "en")  # E ≈ e^-200, not 0.00000000
    argv = ["derive", "--sizes", "1,1", "--activation", "identity", "--x", "1e10", "--target", "0",
            "--weights", "1e10", "--steps", "0", "--format", "latex", "--output", "-"]
    assert main(argv) == 0


def test_forward_table_has_four_columns_and_the_exact_values_under_it(tr) -> None:
    table, below = forward_table(tr, "en").split("\n\n", 1)
    assert table.splitlines()[0] == "| Node | Formula | With numbers | Value |"
    assert all(line.count(" | ") == 3 for line in table.splitlines())
    w, x = WIKIDOCS_07_05.parameters, WIKIDOCS_07_05.x
    z1 = Fraction(w["w1"]) * Fraction(x[0]) + Fraction(w["w2"]) * Fraction(x[1])
    assert rf"h_{{1}} &= \frac{{1}}{{e^{{- {z1.numerator} / {z1.denominator}}} + 1}}" in below
    assert "z_{1} &=" not in below  # 0.08 is its exact value already
    assert "o_{1}" not in below  # computed from h1 and h2: no short closed form
