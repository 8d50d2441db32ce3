"""The Network spec: parameter naming and the refusal of bad specs (issue 2, item 6)."""

from __future__ import annotations

import re

import pytest

from nnref.network import ACTIVATION_NAMES, LOSS_NAMES, Network


def test_2_2_2_names_w1_to_w8_wired_as_in_wikidocs() -> None:
    net = Network((2, 2, 2), "sigmoid", "sse")
    assert net.parameters == tuple(f"w{i}" for i in range(1, 9))
    # [destination][source]: z1 = w1 x1 + w2 x2, z2 = w3 x1 + w4 x2, z3 = w5 h1 + w6 h2, z4 = w7 h1 + w8 h2
    assert net.layer_weight_names(0) == (("w1", "w2"), ("w3", "w4"))
    assert net.layer_weight_names(1) == (("w5", "w6"), ("w7", "w8"))
    assert net.layer_bias_names(0) == ()


def test_biases_numbered_layer_by_layer_after_the_weights() -> None:
    net = Network((3, 2, 1), "sigmoid", "sse", bias=True)
    assert net.weight_names == tuple(f"w{i}" for i in range(1, 9))
    assert net.layer_bias_names(0) == ("b1", "b2")
    assert net.layer_bias_names(1) == ("b3",)
    assert net.parameters[-3:] == ("b1", "b2", "b3")
    # a 3-input layer: destination-major, source-minor
    assert net.layer_weight_names(0) == (("w1", "w2", "w3"), ("w4", "w5", "w6"))
    assert net.layer_weight_names(1) == (("w7", "w8"),)


def test_node_names_follow_the_wikidocs_numbering_on_a_deeper_network() -> None:
    net = Network((2, 3, 2, 1), "sigmoid", "sse")
    assert [net.node_names(layer) for layer in range(4)] == [
        ((), ("x1", "x2")),
        (("z1", "z2", "z3"), ("h1", "h2", "h3")),
        (("z4", "z5"), ("h4", "h5")),
        (("z6",), ("o1",)),
    ]
    assert net.target_names == ("t1",)
    with pytest.raises(ValueError, match="layer must be an integer from 0 to 3; got 4"):
        net.node_names(4)


def test_locate_inverts_the_parameter_naming() -> None:
    net = Network((3, 2, 2), "tanh", "sse", bias=True)
    for layer in range(net.n_layers):
        for dest, row in enumerate(net.layer_weight_names(layer)):
            for src, name in enumerate(row):
                assert net.locate(name) == ("w", layer, dest, src)
        for dest, name in enumerate(net.layer_bias_names(layer)):
            assert net.locate(name) == ("b", layer, dest, None)
    assert [net.locate(name) for name in ("w0", "w17", "b5", "x1", 5)] == [None] * 5
    assert Network((1, 1)).locate("b1") is None


def test_one_name_and_the_same_name_per_layer_are_the_same_network() -> None:
    one, each = Network((2, 2, 2), "sigmoid"), Network((2, 2, 2), ("sigmoid", "sigmoid"))
    assert one == each and hash(one) == hash(each) and repr(one) == repr(each)
    assert one.activation == "sigmoid" and each.activations == ("sigmoid", "sigmoid")
    assert Network((2, 2, 2), ("tanh", "sigmoid")) != Network((2, 2, 2), "sigmoid")


def test_split_parameters_gives_the_two_arguments() -> None:
    net = Network((1, 1, 1), "identity", bias=True)
    weights, biases = net.split_parameters({"w1": 1, "w2": 2, "b1": 3, "b2": 4})
    assert weights == {"w1": 1, "w2": 2} and biases == {"b1": 3, "b2": 4}
    assert Network((1, 1)).split_parameters({"w1": 5}) == ({"w1": 5}, {})
    with pytest.raises(ValueError, match=r"parameters must have exactly the keys w1\.\.b2"):
        net.split_parameters({"w1": 1})


@pytest.mark.parametrize(
    ("sizes", "error", "message"),
    [
        ((), ValueError, "sizes needs at least 2 layers"),
        ((2,), ValueError, "sizes needs at least 2 layers"),
        ((2, 0, 1), ValueError, r"sizes\[1\] must be an integer >= 1; got 0"),
        ((2, -3, 1), ValueError, r"sizes\[1\] must be an integer >= 1; got -3"),
        ((2, 2.5, 1), TypeError, r"sizes\[1\] must be an integer >= 1; got 2.5"),
        ((2, "2", 1), TypeError, r"sizes\[1\] must be an integer >= 1; got '2'"),
        ((True, 1), TypeError, r"sizes\[0\] must be an integer >= 1; got True"),
        ("22", TypeError, "sizes must be a sequence of layer widths"),
        (3, TypeError, "sizes must be a sequence of layer widths"),
    ],
)
def test_bad_sizes(sizes: object, error: type[Exception], message: str) -> None:
    with pytest.raises(error, match=message):
        Network(sizes, "sigmoid", "sse")


def test_unknown_activation_suggests_the_closest_name() -> None:
    with pytest.raises(ValueError, match=re.escape("got 'sigmod' (did you mean 'sigmoid'?)")) as info:
        Network((2, 2, 1), "sigmod", "sse")
    assert all(name in str(info.value) for name in ACTIVATION_NAMES)
    with pytest.raises(ValueError, match=re.escape("activation[1] must be one of")):
        Network((2, 2, 1), ("relu", "sigmiod"), "sse")


def test_unknown_loss_suggests_the_closest_name() -> None:
    with pytest.raises(ValueError, match=re.escape("got 'cross' ")) as info:
        Network((2, 2), "softmax", "cross")
    assert all(name in str(info.value) for name in LOSS_NAMES)
    with pytest.raises(ValueError, match=re.escape("(did you mean 'mse'?)")):
        Network((2, 1), "identity", "msee")


def test_activation_count_must_match_layers() -> None:
    with pytest.raises(ValueError, match=r"one name per non-input layer \(2 for sizes"):
        Network((2, 2, 1), ("relu",), "sse")


def test_softmax_only_on_the_output_layer() -> None:
    only_output = re.escape("activation[0] is 'softmax', which is allowed only on the output")
    with pytest.raises(ValueError, match=only_output):
        Network((2, 3, 2), ("softmax", "softmax"), "cce")
    with pytest.raises(ValueError, match="softmax on the output layer needs at least 2 outputs"):
        Network((2, 1), "softmax", "sse")


@pytest.mark.parametrize("output", ["sigmoid", "identity", "relu", "tanh"])
def test_cce_needs_softmax(output: str) -> None:
    message = f"loss 'cce' needs a softmax output layer.*got output activation '{output}'"
    with pytest.raises(ValueError, match=message):
        Network((2, 3, 2), ("relu", output), "cce")


@pytest.mark.parametrize("output", ["softmax", "identity", "relu", "tanh"])
def test_bce_needs_sigmoid(output: str) -> None:
    message = f"loss 'bce' needs outputs strictly between 0 and 1.*got output activation '{output}'"
    with pytest.raises(ValueError, match=message):
        Network((2, 3, 2), ("relu", output), "bce")


def test_wrong_number_of_weights_or_biases() -> None:
    net = Network((2, 2, 1), "sigmoid", "sse", bias=True)
    with pytest.raises(ValueError, match=r"weights must have 6 values \(w1..w6\); got 5"):
        net.resolve_parameters([0.1] * 5, [0.0] * 3)
    with pytest.raises(ValueError, match=r"biases must have 3 values \(b1..b3\); got 4"):
        net.resolve_parameters([0.1] * 6, [0.0] * 4)
    with pytest.raises(ValueError, match="biases is required when bias=True"):
        net.resolve_parameters([0.1] * 6)
    with pytest.raises(ValueError, match=r"missing \['w6'\], unknown \['w7'\]"):
        net.resolve_parameters({f"w{i}": 0 for i in (1, 2, 3, 4, 5, 7)}, [0.0] * 3)
    with pytest.raises(ValueError, match="biases must be None or empty when bias=False"):
        Network((2, 1), "identity", "sse").resolve_parameters([1, 2], [3])
