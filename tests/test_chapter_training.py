"""The arithmetic of batches (nnref.numeric), exact 1-D descent (nnref.exercises.descent), and the
site's cached training runs (docs/snippets/training_runs.py) behind the chapters on epochs/batches
and gradient descent (and the digits notebooks' parity)."""

from __future__ import annotations

import json
import math
from fractions import Fraction
from pathlib import Path

import numpy as np
import pytest
import sympy
from site_tools import run_snippets

from nnref.examples import published_values
from nnref.exercises.descent import descent_path
from nnref.network import Network
from nnref.numeric import backprop
from nnref.numeric.data import DIGITS_RECIPE, load_digits
from nnref.numeric.memory import activation_bytes
from nnref.numeric.mlp import MLP
from nnref.numeric.training import iterations_per_epoch
from nnref.rounding import rounded_text

# runs.py imports training_runs.py once per process, as the pages do (their caches are shared).
RUNS = run_snippets("runs.py")["TRAINING_RUNS"]
batch_size_runs, fitting_run = RUNS.batch_size_runs, RUNS.fitting_run
learning_rate_runs, one_step_losses = RUNS.learning_rate_runs, RUNS.one_step_losses
dead_relu_units = RUNS.dead_relu_units

NOTEBOOKS = Path(__file__).resolve().parent.parent / "docs" / "notebooks"
W = sympy.Symbol("w")


# -- the arithmetic of a batch -----------------------------------------------------------------


@pytest.mark.parametrize(("n", "batch", "expected"), [(1347, 1, 1347), (1347, 32, 43), (1347, 1347, 1),
                                                      (1347, 2000, 1), (10, 4, 3), (12, 4, 3)])
def test_iterations_per_epoch(n: int, batch: int, expected: int) -> None:
    assert iterations_per_epoch(n, batch) == expected == math.ceil(n / batch)


def test_iterations_per_epoch_agrees_with_the_trainer() -> None:
    X, Y = np.eye(4)[[0, 1, 2, 3, 0, 1, 2]], np.eye(2)[[0, 1, 0, 1, 0, 1, 0]]
    mlp = MLP(Network((4, 2), "softmax", "cce"), seed=1)
    for batch in (1, 2, 3, 7, 9):
        hist = mlp.fit(X, Y, epochs=2, batch_size=batch, learning_rate=0.1)
        assert hist.iterations_per_epoch == iterations_per_epoch(7, batch)
        assert len(hist.iteration_loss) == 2 * iterations_per_epoch(7, batch)


@pytest.mark.parametrize(("args", "error", "message"),
                         [((0, 1), ValueError, "n_samples"), ((5, 0), ValueError, "batch_size"),
                          ((5, True), TypeError, "batch_size"), ((5.0, 1), TypeError, "n_samples")])
def test_iterations_per_epoch_refuses_bad_counts(args: tuple, error: type, message: str) -> None:
    with pytest.raises(error, match=message):
        iterations_per_epoch(*args)


@pytest.mark.parametrize("sizes", [(64, 64, 10), (2, 3, 1), (5, 4, 3, 2)])
@pytest.mark.parametrize("batch", [1, 7, 32])
def test_activation_bytes_is_what_the_forward_pass_keeps(sizes: tuple[int, ...], batch: int) -> None:
    # The input batch plus the trainer's own z and a buffers for that batch size.
    ws = backprop.Workspace(sizes, batch, bias=True)
    stored = np.empty((batch, sizes[0])).nbytes + sum(z.nbytes for z in ws.z) + sum(a.nbytes for a in ws.a)
    assert activation_bytes(sizes, batch) == stored


def test_activation_bytes_of_the_digits_network() -> None:
    assert activation_bytes((64, 64, 10), 32) == 32 * (64 + 2 * 74) * 8
    assert activation_bytes((64, 64, 10), 1347) == 1347 * activation_bytes((64, 64, 10), 1)


@pytest.mark.parametrize("sizes", [(64,), [64, 10], (64, 0, 10), (64, True, 10), "64,10"])
def test_activation_bytes_refuses_bad_sizes(sizes: object) -> None:
    with pytest.raises(ValueError, match="sizes must be a tuple"):
        activation_bytes(sizes, 1)  # type: ignore[arg-type]


# -- exact descent on one variable --------------------------------------------------------------


@pytest.mark.parametrize("rate", ["0.05", "0.3", "0.5", "0.9", "1", "1.05", "1/3"])
@pytest.mark.parametrize("start", [0, "-2.5", Fraction(7, 3)])
def test_descent_path_matches_the_closed_form(rate: str, start: object) -> None:
    path = descent_path((W - 3) ** 2, start=start, learning_rate=rate, steps=12)
    alpha = sympy.Rational(Fraction(rate))
    w0 = sympy.Rational(Fraction(start))
    assert len(path) == 13
    for k, value in enumerate(path):
        assert isinstance(value, sympy.Rational)
        assert value == 3 + (1 - 2 * alpha) ** k * (w0 - 3)


def test_descent_path_on_a_cubic_takes_exact_steps() -> None:
    # E = w^3/3 - w: dE/dw = w^2 - 1; from 2 at rate 1/2: 2 -> 1/2 -> 7/8
    assert descent_path(W**3 / 3 - W, start=2, learning_rate="1/2", steps=2) == (2, sympy.Rational(1, 2),
                                                                                   sympy.Rational(7, 8))
    assert descent_path((W - 3) ** 2, start=0, learning_rate=1, steps=0) == (0,)


@pytest.mark.parametrize(
    ("loss", "kwargs", "error", "message"),
    [
        ("(w - 3)**2", {}, TypeError, "SymPy expression"),
        (sympy.exp(W), {}, ValueError, "polynomial"),
        (sympy.sqrt(2) * W**2, {}, ValueError, "rational coefficients"),
        (W * sympy.Symbol("v"), {}, ValueError, "one symbol"),
        (sympy.Integer(4), {}, ValueError, "one symbol"),
        ((W - 3) ** 2, {"learning_rate": 0}, ValueError, "learning_rate"),
        ((W - 3) ** 2, {"learning_rate": "exp(1)"}, ValueError, "learning_rate"),
        ((W - 3) ** 2, {"start": "1/0"}, ValueError, "start"),
        ((W - 3) ** 2, {"steps": -1}, ValueError, "steps"),
        ((W - 3) ** 2, {"steps": 2.0}, ValueError, "steps"),
    ],
)
def test_descent_path_refuses_bad_input(loss: object, kwargs: dict, error: type, message: str) -> None:
    settings = {"start": 0, "learning_rate": "0.1", "steps": 3, **kwargs}
    with pytest.raises(error, match=message):
        descent_path(loss, **settings)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("value", "places", "expected"),
    [(Fraction(1, 8), 2, "0.13"), (Fraction(-1, 8), 2, "-0.13"), (Fraction(2, 3), 4, "0.6667"),
     (sympy.Rational(-4781227, 1000000), 6, "-4.781227"), (Fraction(1, 3 * 10**9), 6, "0.000000"),
     (Fraction(10**20 + 1, 10**20), 19, "1.0000000000000000000"), (Fraction(5, 1), 0, "5")],
)
def test_exact_values_round_half_up_exactly(value: object, places: int, expected: str) -> None:
    # the gradient-descent chapter's tables of exact iterates (nnref.rounding.rounded_text)
    assert rounded_text(value, places) == expected  # type: ignore[arg-type]


# -- the wikidocs step at several rates ----------------------------------------------------------


def test_one_step_losses_reproduce_the_published_update_and_turn_at_large_rates() -> None:
    published = published_values()
    steps = {str(step.rate): step for step in one_step_losses()}
    assert steps["1/2"].loss_before == published["E_total"]
    assert steps["1/2"].loss_after == published["after_E_total"]
    befores = {step.loss_before for step in steps.values()}
    assert len(befores) == 1
    afters = [steps[r].loss_after for r in ("1/20", "1/2", "5", "50", "500")]
    assert afters[0] > afters[1] > afters[2] > afters[3]  # bigger steps help ...
    assert afters[4] > steps["500"].loss_before           # ... until one overshoots


# -- the cached training runs ----------------------------------------------------------------------


def test_batch_size_runs_share_initial_weights_and_count_iterations() -> None:
    runs = batch_size_runs((1347, 100), epochs=2, learning_rate=0.5)
    assert [h.iterations_per_epoch for h in runs.values()] == [1, 14]
    assert all(len(h.val_loss) == 2 and len(h.loss) == 2 for h in runs.values())
    digits = load_digits()
    start = MLP(DIGITS_RECIPE.network, seed=DIGITS_RECIPE.init_seed)
    # The full batch's first iteration sees every sample: its loss is the initial network's mean loss.
    initial_loss = start.loss(digits.X_train, digits.Y_train)
    assert runs[1347].iteration_loss[0] == pytest.approx(initial_loss, rel=1e-12)
    assert batch_size_runs((1347, 100), epochs=2, learning_rate=0.5) is runs  # cached


def test_batch_size_runs_refuse_batches_larger_than_the_data() -> None:
    with pytest.raises(ValueError, match="between 1 and 1347"):
        batch_size_runs((1348,), epochs=1)
    with pytest.raises(ValueError, match="non-empty tuple"):
        batch_size_runs((), epochs=1)


def test_the_fitting_run_underfits_then_overfits() -> None:
    run = fitting_run()  # the settings the chapter shows
    hist = run.history
    best = run.best_epoch
    assert hist.val_loss[best - 1] == min(hist.val_loss)
    assert 1 < best < hist.epochs
    assert hist.val_loss[-1] > hist.val_loss[best - 1]  # the test loss turns up ...
    assert hist.loss[-1] < hist.loss[best - 1] / 5     # ... while the training loss keeps falling
    assert run.sizes == (64, 128, 10) and hist.n_samples == run.n_train == 100


def test_fitting_run_refuses_more_samples_than_the_split() -> None:
    with pytest.raises(ValueError, match="n_train must be at most 1347"):
        fitting_run(n_train=5000)


def test_learning_rate_runs_and_dead_units() -> None:
    runs = learning_rate_runs((0.01, 0.5, 3.0), epochs=2)
    small, good, large = runs.values()
    assert good.history.loss[-1] < small.history.loss[-1]
    assert large.dead_units > large.hidden_units // 2 >= good.dead_units
    assert large.history.val_accuracy[-1] < 0.2


def test_dead_relu_units_counts_units_silent_for_every_sample() -> None:
    net = Network((2, 3, 1), ("relu", "sigmoid"), "bce")
    # unit 1 sees x1, unit 2 sees -x1 - x2, unit 3 sees x2 - x1
    mlp = MLP.from_network(net, weights=[1, 0, -1, -1, -1, 1, 1, 1, 1])
    assert dead_relu_units(mlp, [[1, 0], [2, 1]]) == 2
    assert dead_relu_units(mlp, [[1, 0], [0, 1]]) == 1
    with pytest.raises(ValueError, match="must use relu"):
        dead_relu_units(MLP(Network((2, 2, 1), "sigmoid", "bce")), [[0, 1]])
    with pytest.raises(TypeError, match="nnref MLP"):
        dead_relu_units("mlp", [[0, 1]])  # type: ignore[arg-type]


# -- the digits notebooks ----------------------------------------------------------------------------


def _cells(lang: str) -> list[dict]:
    return json.loads((NOTEBOOKS / f"digits.{lang}.ipynb").read_text(encoding="utf-8"))["cells"]


def test_digits_notebooks_run_the_same_code_in_both_languages() -> None:
    ko, en = _cells("ko"), _cells("en")
    assert [c["cell_type"] for c in ko] == [c["cell_type"] for c in en]
    differing = [i for i, (a, b) in enumerate(zip(ko, en, strict=True))
                 if a["cell_type"] == "code" and a["source"] != b["source"]]
    assert len(differing) == 1 and "LABELS = {" in "".join(ko[differing[0]]["source"])
    assert all(not c.get("outputs") for c in ko + en if c["cell_type"] == "code")  # executed at build
