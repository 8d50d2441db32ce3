"""The Trace as a graph of exact nodes: SymPy numbers, typed steps, deltas, check(), mini-batches.

Values are compared with :mod:`mp_reference`, an independent backward pass in plain mpmath.
"""

from __future__ import annotations

import decimal
import random
import subprocess
import sys
import textwrap
from decimal import Decimal
from fractions import Fraction

import mpmath
import pytest
import sympy
from mp_reference import backprop

from nnref.examples import WIKIDOCS_07_05, derive_example
from nnref.network import Network
from nnref.numeric.mlp import MLP
from nnref.symbolic import ExactValue, Kind, Step, derive


def _random_case(sizes, activation="sigmoid", loss="sse", seed=1, bias=True):
    rng = random.Random(seed)
    net = Network(sizes, activation=activation, loss=loss, bias=bias)

    def value() -> Fraction:
        return Fraction(rng.randint(-100, 100), 100)

    x = [value() for _ in range(sizes[0])]
    target = [Fraction(rng.randint(0, 100), 100) for _ in range(sizes[-1])]
    weights = [value() for _ in range(net.n_weights)]
    biases = [value() for _ in range(net.n_biases)]
    return net, x, target, weights, biases


def _parameters(net, weights, biases):
    return dict(zip(net.parameters, [*weights, *biases], strict=True))


def _as_mp(value):
    if isinstance(value, mpmath.mpf):
        return value
    fraction = Fraction(value)
    return mpmath.mpf(fraction.numerator) / fraction.denominator


def _close(value, expected, digits):
    scale = max(abs(expected), mpmath.mpf(10) ** -digits)
    return abs(mpmath.mpf(str(value)) - expected) <= mpmath.mpf(10) ** -digits * scale


# -- exact atoms -------------------------------------------------------------------------------


def test_values_are_sympy_numbers_that_print_as_their_node():
    tr = derive_example()
    v = tr.gradient["w5"]
    assert isinstance(v, ExactValue) and v.is_number and v.is_real and v.free_symbols == set()
    assert (str(v), sympy.latex(v), repr(tr.node("z1").value)) == (
        "dE/dw5",
        r"\frac{\partial E}{\partial w_{5}}",
        "2/25",
    )
    assert isinstance(tr.parameters["w1"], sympy.Rational) and isinstance(tr.node("z1").value, sympy.Rational)
    assert str(tr.next().gradient["w5"]) == "dE/dw5[1]" and str(tr.updated["w5"]) == "w5+"
    # Arithmetic builds SymPy expressions that evaluate through the same graph.
    assert abs(sympy.N(2 * v - v, 40) - sympy.N(v, 40)) < 1e-39


def test_equality_is_the_node_and_closed_forms_compare_with_doit():
    tr = derive_example()
    other = derive_example()
    assert tr.node("h1").value == tr.node("h1").value
    assert tr.node("h1").value != other.node("h1").value  # another trace, another node
    assert (tr.node("h1").value - other.node("h1").value).doit() == 0
    assert tr.node("h1").value.doit() == 1 / (1 + sympy.exp(-sympy.Rational(2, 25)))
    assert tr.quantity("dz3/dh1").value == tr.parameters["w5"]  # ∂z3/∂h1 is w5


def test_comparisons_and_signs_are_exact():
    tr = derive_example()
    o1 = tr.node("o1").value
    assert o1 > 0.6 and o1 < sympy.Rational(61, 100) and o1 >= Decimal("0.6094") and not (o1 > 1)
    assert o1.is_positive and not o1.is_negative and o1.is_zero is False
    assert tr.gradient["w1"] < tr.gradient["w5"] and sympy.sign(tr.loss - 1) == -1 and abs(tr.loss - 1) > 0.9
    # float() is the double nearest the exact value (an enclosure decides it).
    with mpmath.workdps(40):
        exact = mpmath.mpf(str(sympy.N(o1, 40)))
        assert float(o1) == float(exact)


def test_any_precision_without_a_cliff_and_right_to_200_digits():
    net, x, target, weights, biases = _random_case((2, 3, 3, 2))
    tr = derive(net, x=x, target=target, weights=weights, biases=biases)
    with mpmath.workdps(260):
        reference = backprop(net, x, target, _parameters(net, weights, biases))
        for name in net.parameters:
            assert _close(sympy.N(tr.gradient[name], 200), reference["grad"][name], 199), name
        assert _close(tr.loss.evalf(120), reference["E"], 119)
    with decimal.localcontext() as context:
        context.prec = 100
        expected = Decimal(str(sympy.N(tr.gradient["w1"], 80))).quantize(
            Decimal("1e-49"), decimal.ROUND_HALF_UP
        )
    assert tr.decimal("dE/dw1", 49) == expected


def test_every_gradient_of_8_16_16_8_to_25_digits():
    net, x, target, weights, biases = _random_case((8, 16, 16, 8), seed=3)
    tr = derive(net, x=x, target=target, weights=weights, biases=biases, learning_rate="0.5")
    with mpmath.workdps(40):
        reference = backprop(net, x, target, _parameters(net, weights, biases))
        for name in net.parameters:
            assert _close(sympy.N(tr.gradient[name], 30), reference["grad"][name], 25), name


def test_closed_form_on_request_and_str_of_a_deep_network_stays_short():
    net = Network((1,) * 101, activation="tanh", loss="sse")  # 100 layers, 1 wide
    tr = derive(net, x=["0.9"], target=["0.1"], weights=["1.1"] * 100)
    g = tr.gradient["w1"]
    assert str(g) == "dE/dw1" and len(repr(tr.gradient)) < 4000
    with mpmath.workdps(40):
        reference = backprop(net, ["0.9"], ["0.1"], {f"w{i}": "1.1" for i in range(1, 101)})
        assert _close(sympy.N(g, 30), reference["grad"]["w1"], 25)
    assert tr.quantity("dE/dw100").value.doit().has(sympy.tanh)


# -- typed nodes and steps -----------------------------------------------------------------------


def test_steps_refer_to_typed_nodes():
    tr = derive_example()
    outer, local, last = tr.chain("w1")
    assert (outer.of.kind, outer.wrt.kind, outer.wrt.name) == (Kind.LOSS, Kind.ACT, "h1")
    assert (local.of.name, local.wrt.kind) == ("h1", Kind.PRE)
    assert (last.of.name, last.wrt.kind, last.wrt.name) == ("z1", Kind.PARAMETER, "w1")
    first_path = outer.terms[0]
    assert (first_path.of.kind, first_path.of.name, first_path.via.name) == (Kind.LOSS_TERM, "E_o1", "z3")
    assert all(isinstance(step, Step) for step in (*tr.chain("w5"), *outer.terms))
    assert tr.quantity("dE/do1").wrt.kind is Kind.OUTPUT
    assert tr.quantity("dE/dw5").kind is Kind.GRADIENT and tr.quantity("dE/dz3").kind is Kind.DELTA


def test_a_name_not_in_the_trace_lists_the_valid_ones():
    tr = derive_example()
    with pytest.raises(ValueError, match=r"z1\.\.z4.*dE/dw1\.\.dE/dw8.*did you mean 'dE/dw1'"):
        tr.quantity("dE/dw11")
    assert "dE_o1/dh1" in tr.names and "dz3/dw5" in tr.names and "dE/dx2" in tr.names


# -- next() through the updated-parameter nodes ------------------------------------------------


def test_ten_steps_stay_exact():
    tr = derive_example()
    example = WIKIDOCS_07_05
    with mpmath.workdps(60):
        parameters = dict(example.parameters)
        for _ in range(10):
            reference = backprop(example.network, example.x, example.target, parameters)
            assert _close(sympy.N(tr.loss, 40), reference["E"], 35)
            for name in example.network.parameters:
                assert _close(sympy.N(tr.gradient[name], 40), reference["grad"][name], 35), name
            parameters = {
                name: _as_mp(value) - mpmath.mpf("0.5") * reference["grad"][name]
                for name, value in parameters.items()
            }
            tr = tr.next()
    assert tr.iteration == 10 and str(tr.parameters["w5"]) == "w5+[9]"


def test_updated_values_are_accepted_back_as_weights():
    tr = derive_example()
    again = derive(
        tr.network, x=WIKIDOCS_07_05.x, target=WIKIDOCS_07_05.target, weights=tr.updated, learning_rate="0.5"
    )
    after = tr.next()
    assert again.parameters["w5"] is tr.updated["w5"] is after.parameters["w5"]
    assert again.decimal("E", 30) == after.decimal("E", 30)
    with pytest.raises(ValueError, match=r"weights must have exactly the keys w1\.\.w12"):
        derive(Network((2, 3, 2)), x=[1, 1], target=[0, 1], weights=tr.updated)


# -- deltas and input gradients -----------------------------------------------------------------


@pytest.mark.parametrize("sizes", [(2, 2, 2, 2), (3, 2, 4)])
@pytest.mark.parametrize(
    ("activation", "loss"), [("tanh", "mse"), ("sigmoid", "bce"), (("relu", "softmax"), "cce")]
)
def test_every_delta_and_input_gradient_is_a_node(sizes, activation, loss):
    if isinstance(activation, tuple):
        activation = (activation[0],) * (len(sizes) - 2) + (activation[1],)
    net, x, target, weights, _ = _random_case(sizes, activation, loss, seed=5, bias=False)
    if loss == "cce":
        target = [Fraction(1, sizes[-1])] * sizes[-1]
    tr = derive(net, x=x, target=target, weights=weights)
    with mpmath.workdps(40):
        reference = backprop(net, x, target, _parameters(net, weights, []))
        assert set(tr.deltas) == set(reference["delta"])
        for name, expected in reference["delta"].items():
            assert _close(sympy.N(tr.deltas[name], 30), expected, 25), name
            assert tr.quantity(f"dE/d{name}").value == tr.deltas[name]
        for i, expected in enumerate(reference["dx"], start=1):
            assert _close(sympy.N(tr.input_gradient[f"x{i}"], 30), expected, 25)
            assert tr.quantity(f"dE/dx{i}").kind is Kind.INPUT_GRADIENT


# -- a student's answers ----------------------------------------------------------------------------


def test_check_says_wrong_and_whose_number_it_is():
    tr = derive_example()
    wrong, right, short = tr.check({"dE/dw3": "0.00080888", "dE/dw5": "0.02592286", "E": 0.024})
    assert (wrong.correct, f"{wrong.expected:f}", wrong.matches) == (False, "0.00071009", ("dE/dw1",))
    assert right.correct and right.matches[0] == "dE/dw5" and right.places == 8
    assert short.correct and short.given == Decimal("0.024") and short.expected == Decimal("0.024")
    assert tr.check({"w5+": Decimal("0.43703857")})[0].correct
    assert tr.check({"x1": Fraction(1, 10)})[0].correct


@pytest.mark.parametrize(
    ("answers", "error", "message"),
    [
        ({"dE/dw9": "0.1"}, ValueError, r"dE/dw1\.\.dE/dw8.*did you mean 'dE/dw8'"),
        ({"E": "abc"}, ValueError, r"answers\['E'\] must be a decimal number"),
        ({"E": "1/3"}, ValueError, "must be a decimal number"),
        ({"E": Fraction(1, 3)}, ValueError, "terminating decimal"),
        ({"E": float("nan")}, ValueError, "finite"),
        ({"E": True}, TypeError, "not a bool"),
        ({}, ValueError, "at least one quantity"),
        ([("E", "0.1")], TypeError, "answers must be a mapping"),
    ],
)
def test_check_refuses_bad_answers_clearly(answers, error, message):
    with pytest.raises(error, match=message):
        derive_example().check(answers)


# -- mini-batches ------------------------------------------------------------------------------------


BATCH_X = [["0.1", "0.2"], ["0.5", "-0.3"], ["-1", "0.25"]]
BATCH_T = [["0.4", "0.6"], ["1", "0"], ["0.2", "0.9"]]


def test_a_batch_is_the_mean_of_its_samples_exactly_and_matches_numpy():
    net = Network((2, 3, 2), ("tanh", "sigmoid"), "mse", bias=True)
    weights = ["0.1", "-0.2", "0.3", "0.4", "0.5", "-0.6", "0.7", "0.8", "0.9", "1", "1.1", "-1.2"]
    biases = ["0.1", "0.1", "0.1", "-0.2", "0.2"]
    batch = derive(net, x=BATCH_X, target=BATCH_T, weights=weights, biases=biases, learning_rate="0.1")
    singles = [
        derive(net, x=x, target=t, weights=weights, biases=biases)
        for x, t in zip(BATCH_X, BATCH_T, strict=True)
    ]
    assert batch.is_batch and len(batch.samples) == 3
    numeric = MLP.from_network(net, weights=weights, biases=biases).gradient(
        [[float(Fraction(v)) for v in x] for x in BATCH_X], [[float(Fraction(v)) for v in t] for t in BATCH_T]
    )
    for name in net.parameters:
        step = batch.quantity(f"dE/d{name}")
        # Exactly the mean: the batch gradient is 1/3 of the sum of its samples' gradients, and
        # each sample's gradient has the very closed form of the single-sample trace.
        assert step.mean and step.formula == sympy.Rational(1, 3) * sympy.Add(
            *[t.formula for t in step.terms]
        )
        assert [t.value for t in step.terms] == [sample.gradient[name] for sample in batch.samples]
        for sample, single in zip(batch.samples, singles, strict=True):
            assert sample.gradient[name].doit() == single.gradient[name].doit(), name
        mean = sympy.Rational(1, 3) * sympy.Add(*[s.gradient[name] for s in singles])
        assert abs(sympy.N(batch.gradient[name] - mean, 60)) < 1e-55
        assert abs(float(batch.gradient[name]) - numeric[name]) <= 1e-12, name
    assert abs(sympy.N(batch.loss - sympy.Rational(1, 3) * sympy.Add(*[s.loss for s in singles]), 60)) < 1e-55
    assert str(batch.samples[1].node("o1").value) == "o1@2" and batch.quantity("dE/dw5@3") is not None
    assert batch.decimal("w1+", 20) == (
        Decimal(batch.decimal("w1", 20)) - Decimal("0.1") * batch.decimal("dE/dw1", 40)
    ).quantize(Decimal("1e-20"))
    assert len(batch.output) == 3 and batch.next().is_batch


@pytest.mark.parametrize(
    ("x", "target", "message"),
    [
        ([["0.1", "0.2"], ["0.5"]], [["1", "0"], ["0", "1"]], r"x\[1\] must have 2 values"),
        ([], [], "at least one sample"),
        ([["0.1", "0.2"]], ["1", "0"], "x is a batch of samples but target is not"),
        ([["0.1", "0.2"], ["0.5", "0.5"]], [["1", "0"]], "x has 2 samples but target has 1"),
        ([["0.1", "0.2"]], [["1", "x"]], r"target\[0\]\[1\] must be a decimal number"),
    ],
)
def test_bad_batches_are_refused_clearly(x, target, message):
    net = Network((2, 2), "sigmoid", "sse")
    with pytest.raises(ValueError, match=message):
        derive(net, x=x, target=target, weights=[1, 2, 3, 4])


def test_per_sample_members_of_a_batch_point_to_the_samples():
    tr = derive(Network((2, 2)), x=BATCH_X[:2], target=BATCH_T[:2], weights=[1, 2, 3, 4])
    with pytest.raises(ValueError, match=r"use tr.samples\[i\].chain\(\)"):
        tr.chain("w1")
    assert tr.samples[0].chain("w1")[0].label == "dE/do1"


# -- the symbolic path needs no numpy ---------------------------------------------------------------


def test_the_symbolic_path_imports_and_derives_without_numpy():
    code = textwrap.dedent(
        """
        import sys
        sys.modules["numpy"] = None  # any import of numpy now fails
        import sympy
        from nnref import Network, derive
        from nnref.render import chain_markdown
        tr = derive(Network((2, 2, 2)), x=["0.1", "0.2"], target=["0.4", "0.6"],
                    weights=["0.3", "0.25", "0.4", "0.35", "0.45", "0.4", "0.7", "0.6"], learning_rate="0.5")
        assert "0.02592286" in chain_markdown(tr, "w5", "en")
        print(sympy.N(tr.gradient["w5"], 12), "numpy" in sys.modules and sys.modules["numpy"] is not None)
        """
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["0.0259228556036", "False"]


# -- no cancellation loses a digit (robustness issue, item 1 and 5) ----------------------------------


@pytest.mark.parametrize("z", [150, 160, 169, 177, 178, 200, 1000])
@pytest.mark.parametrize("t", ["0", "1", "0.3"])
def test_sigmoid_bce_near_saturation_has_the_right_digits(z, t):
    net = Network((1, 1), activation="sigmoid", loss="bce")
    tr = derive(net, x=[z], target=[t], weights=[1])
    with mpmath.workdps(60):
        zz, tt = mpmath.mpf(z), _as_mp(t)
        # E = t·ln(1 + e^-z) + (1 - t)·ln(1 + e^z), written with log1p: no cancellation here either.
        expected = tt * mpmath.log1p(mpmath.exp(-zz)) + (1 - tt) * (zz + mpmath.log1p(mpmath.exp(-zz)))
        # (o - t)·x with x = z, w = 1, and o - t = (1 - t)σ(z) - t·σ(-z) to keep the digits of e^-z.
        gradient = ((1 - tt) / (1 + mpmath.exp(-zz)) - tt / (1 + mpmath.exp(zz))) * zz
        assert _close(sympy.N(tr.loss, 40), expected, 35)
        assert _close(sympy.N(tr.gradient["w1"], 40), gradient, 35)
    assert tr.decimal("E", 8) == Decimal(str(sympy.N(tr.loss, 60))).quantize(
        Decimal("1e-8"), decimal.ROUND_HALF_UP
    )


def test_huge_weights_that_cancel_leave_the_right_output():
    net = Network((2, 1), activation="sigmoid", loss="sse")
    tr = derive(
        net,
        x=["1", "1"],
        target=["0"],
        weights=["1e72", "-0.999999999999999999999999999999999999999999999999999999999999999999999999e72"],
    )
    with mpmath.workdps(100):
        z = mpmath.mpf(1)  # 1e72 - (1e72 - 1)
        assert _close(sympy.N(tr.node("o1").value, 50), 1 / (1 + mpmath.exp(-z)), 45)


def _same_function(a: sympy.Expr, b: sympy.Expr) -> bool:
    """Equal at 30 random points to 40 digits (points in [-6, 6], targets in [0, 1])."""
    rng = random.Random(11)
    symbols = sorted(a.free_symbols | b.free_symbols, key=str)
    for _ in range(30):
        point = {s: sympy.Rational(rng.randint(-600, 600), 100) for s in symbols}
        point.update(
            {s: sympy.Rational(rng.randint(0, 100), 100) for s in symbols if str(s) in ("t", "v1", "v2")}
        )
        left, right = sympy.N(a.xreplace(point), 50), sympy.N(b.xreplace(point), 50)
        if abs(left - right) > 1e-40 * max(1, abs(right)):
            return False
    return True


def test_stable_forms_equal_the_textbook_forms():
    from nnref.symbolic import stable
    from nnref.symbolic.functions import loss_derivative, loss_term
    from nnref.symbolic.intervals import generic_symbols

    v0, v1, v2 = generic_symbols(3)
    sigma = 1 / (1 + sympy.exp(-v0))
    for name, textbook in (("sigmoid", sigma * (1 - sigma)), ("tanh", 1 - sympy.tanh(v0) ** 2)):
        assert _same_function(stable.activation_derivative(name, "z")[0], textbook), name
    o, t = sympy.symbols("o t")
    for k in (1, 2):
        assert _same_function(
            stable.loss_term("bce", k, 0, ["z"], "t")[0], loss_term("bce", k).xreplace({o: sigma, t: v1})
        )
        assert _same_function(
            stable.loss_derivative("bce", k, "z", "t")[0],
            loss_derivative("bce", k).xreplace({o: sigma, t: v1}),
        )
    zs = [v0, v1]  # a formula's arguments are v0, v1, ... in the order of its dependencies
    softmax = [sympy.exp(z) / (sympy.exp(v0) + sympy.exp(v1)) for z in zs]
    assert _same_function(stable.softmax(0, zs)[0], softmax[0])
    o1, o2 = sympy.symbols("o1 o2")
    step = stable.softmax_derivative(0, 0, [o1, o2])[0].xreplace(
        dict(zip(generic_symbols(2), softmax, strict=True))
    )
    assert _same_function(step, softmax[0] * (1 - softmax[0]))
    cce = stable.loss_term("cce", 2, 0, [v0, v1], "t")[0].xreplace({v2: t})
    softmax01 = sympy.exp(v0) / (sympy.exp(v0) + sympy.exp(v1))
    assert _same_function(cce, loss_term("cce", 2).xreplace({o: softmax01}))
    assert not _same_function(stable.activation_derivative("sigmoid", "z")[0], sigma)  # the check can fail


@pytest.mark.parametrize("digits", ["49", "50"])
def test_many_digits_answer_at_once(digits):
    argv = ["derive", "--example", "wikidocs-07-05", "--format", "json", "--digits", digits]
    code = f"from nnref.cli import main; raise SystemExit(main({argv!r}))"
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    assert f'"digits": {digits}' in result.stdout


def test_a_huge_or_long_weight_updates_quickly():
    code = textwrap.dedent(
        """
        from nnref import Network, derive
        net = Network((1, 1), "sigmoid", "sse")
        for weight in ("1e600", "0." + "7" * 600):
            tr = derive(net, x=["0.5"], target=["0.1"], weights=[weight], learning_rate="0.5")
            print(tr.decimal("w1+", 8))
        """
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    huge, long = result.stdout.split()
    assert huge.startswith("1000000000") and len(huge.split(".")[0]) == 601
    assert long.startswith("0.7")
