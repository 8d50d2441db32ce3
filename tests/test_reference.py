"""All 38 published values of the wikidocs 07-05 example, reproduced by ``derive()``.

Reference data: ``nnref/data/wikidocs-07-05.json`` (https://wikidocs.net/37406).
"""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal

import pytest
import sympy

from nnref.data import load_reference
from nnref.network import Network
from nnref.symbolic import derive

REFERENCE = load_reference("wikidocs-07-05")
PUBLISHED = REFERENCE["published"]

# Reference key -> (trace: "before" or "after" one update, quantity name in the Trace).
QUANTITY = {
    **{key: ("before", key) for key in ("z1", "z2", "h1", "h2", "z3", "z4", "o1", "o2", "E_o1", "E_o2")},
    "E_total": ("before", "E"),
    "dE_do1": ("before", "dE/do1"),
    "do1_dz3": ("before", "do1/dz3"),
    "dE_dw5": ("before", "dE/dw5"),
    "dEo1_dh1": ("before", "dE_o1/dh1"),
    "dEo2_dh1": ("before", "dE_o2/dh1"),
    "dE_dh1": ("before", "dE/dh1"),
    "dh1_dz1": ("before", "dh1/dz1"),
    "dE_dw1": ("before", "dE/dw1"),
    **{f"w{i}_new": ("before", f"w{i}+") for i in range(1, 9)},
    **{
        f"after_{key}": ("after", key)
        for key in ("z1", "z2", "h1", "h2", "z3", "z4", "o1", "o2", "E_o1", "E_o2")
    },
    "after_E_total": ("after", "E"),
}


@pytest.fixture(scope="module")
def traces():
    spec = REFERENCE["network"]
    net = Network(sizes=(2, 2, 2), activation="sigmoid", loss="sse", bias=False)
    weights = {name.lower(): value for name, value in spec["weights"].items()}
    before = derive(
        net,
        x=list(spec["inputs"].values()),
        target=list(spec["targets"].values()),
        weights=weights,
        learning_rate=spec["learning_rate"],
    )
    return {"before": before, "after": before.next()}


def test_every_published_value_has_a_quantity():
    assert set(QUANTITY) == set(PUBLISHED)
    assert len(PUBLISHED) == 38


@pytest.mark.parametrize("key", sorted(PUBLISHED))
def test_published_value(traces, key):
    which, name = QUANTITY[key]
    published = PUBLISHED[key]["value"]
    places = len(published.split(".")[1])  # 8, except z1 = 0.08 and z2 = 0.11, printed exactly
    assert f"{traces[which].decimal(name, places):f}" == published
    assert traces[which].decimal(name, 8) == Decimal(published)


def test_w5_chain_multiplies_to_gradient(traces):
    tr = traces["before"]
    chain = tr.chain("w5")
    assert [step.label for step in chain] == ["dE/do1", "do1/dz3", "dz3/dw5"]
    product = sympy.Mul(*[step.value for step in chain])
    # Exact: both rebuilt with SymPy's evaluation (doit) are the same expression.
    assert (product - tr.gradient["w5"]).doit() == 0
    assert abs(sympy.N(product - tr.gradient["w5"], 50)) < sympy.Float("1e-45")


def test_rounded_factors_do_not_give_the_published_gradient(traces):
    # The page multiplies full-precision factors: the product of the 8-decimal displays is off by one.
    tr = traces["before"]
    displayed = Decimal(1)
    for step in tr.chain("w5"):
        displayed *= step.decimal(8)
    from_displays = displayed.quantize(Decimal("1e-8"), rounding=ROUND_HALF_UP)
    true_value = tr.decimal("dE/dw5", 8)
    assert f"{from_displays:f}" == "0.02592285"
    assert f"{true_value:f}" == "0.02592286" == PUBLISHED["dE_dw5"]["value"]


def test_h1_closed_form(traces):
    assert traces["before"].node("h1").value.doit() == 1 / (1 + sympy.exp(sympy.Rational(-2, 25)))
    assert traces["before"].node("z1").value == sympy.Rational(2, 25)


def test_w1_chain_and_terms(traces):
    tr = traces["before"]
    outer, local, last = tr.chain("w1")
    assert (outer.label, local.label, last.label) == ("dE/dh1", "dh1/dz1", "dz1/dw1")
    assert [term.label for term in outer.terms] == ["dE_o1/dh1", "dE_o2/dh1"]
    assert [f.label for f in outer.terms[0].factors] == ["dE/do1", "do1/dz3", "dz3/dh1"]
    total = sympy.Add(*[term.value for term in outer.terms])
    assert (total - outer.value).doit() == 0
