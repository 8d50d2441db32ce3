"""The words of a derivation document (handouts, pages, notebooks) that nnref.render plans.

Fields in braces are filled by :func:`nnref.words.t`; ``{t.key}`` is a glossary term and a
field followed by ``:은`` (``:이``, ``:을``, ...) takes the Korean particle that fits its sound.
"""

from __future__ import annotations

__all__ = ["DOCUMENT"]

DOCUMENT: dict[str, dict[str, str]] = {
    # layers, samples
    "input_layer_label": {"ko": "{t.input_layer}", "en": "the {t.input_layer}"},
    "output_layer_label": {"ko": "{t.output_layer}", "en": "the {t.output_layer}"},
    "hidden_layer_label": {"ko": "{t.hidden_layer}", "en": "the {t.hidden_layer}"},
    "hidden_layer_number": {"ko": "{t.hidden_layer} {number}", "en": "{t.hidden_layer} {number}"},
    "sample_label": {"ko": "샘플 {number}", "en": "Sample {number}"},
    "sample_suffix": {"ko": " (샘플 {number})", "en": " (sample {number})"},
    "matrix_intro": {
        "ko": "{matrix:은} {source}에서 {dest:으로} 가는 {t.weight}입니다. j행에는 {dest}의 j번째 "
        "{t.neuron:으로} 들어가는 {t.weight:이} 있습니다.",
        "en": "{matrix} holds the {t.weight}s from {source} to {dest}; row j holds the {t.weight}s "
        "into neuron j of {dest}.",
    },
    # the backward pass
    "backward_intro": {
        "ko": "{t.backpropagation:은} {t.output_layer}에서 입력 쪽으로 거슬러 가며 층마다 {t.delta} "
        "\\(\\delta_j = \\partial E / \\partial z_j\\)를 한 번씩 구합니다. 아래 층의 {t.delta:은} 위 층의 "
        "{t.delta:으로} 구하고, {t.weight}의 {t.gradient:은} 받는 {t.neuron}의 {t.delta}에 보내는 값을 "
        "곱한 값입니다.",
        "en": "Backpropagation runs from the {t.output_layer} back towards the inputs and computes each "
        "layer's deltas \\(\\delta_j = \\partial E / \\partial z_j\\) once: a layer's deltas come from the "
        "deltas of the layer above, and a {t.weight}'s {t.gradient} is the receiving neuron's delta times "
        "the value it sends.",
    },
    "rounding_note_some": {
        "ko": "표시한 숫자는 모두 소수 {digits}자리로 반올림한 값이지만, 결과는 반올림하지 않은 정확한 "
        "값으로 계산한 다음 마지막에만 반올림합니다. 그래서 표시된 인수를 계산기로 곱하면 마지막 자리가 "
        "다를 수 있습니다. 이 문서의 곱 {total}개 중 {count}개가 그렇습니다.",
        "en": "Every number shown is rounded to {digits} decimals, but each result is computed from the "
        "exact values and rounded only at the end. Multiplying the rounded factors shown on a calculator "
        "can therefore change the last decimal; in this document that happens in {count} of the "
        "{total} products.",
    },
    "rounding_note_none": {
        "ko": "표시한 숫자는 모두 소수 {digits}자리로 반올림한 값이고, 결과는 반올림하지 않은 정확한 "
        "값으로 계산한 다음 마지막에만 반올림합니다. 이 문서에서는 표시된 인수를 곱해도 모두 같은 "
        "결과가 나옵니다.",
        "en": "Every number shown is rounded to {digits} decimals, and each result is computed from the "
        "exact values and rounded only at the end; in this document multiplying the shown factors gives "
        "the shown result every time.",
    },
    "delta_heading": {"ko": "{layer}의 {t.delta}", "en": "Deltas of {layer}"},
    "delta_output_intro": {
        "ko": "{layer}의 {t.delta:은} {t.error:을} 출력으로 미분한 값에 {t.activation_function}의 도함수를 "
        "곱한 값입니다.",
        "en": "The deltas of {layer} are the error's derivative with respect to each output times the "
        "derivative of the {t.activation_function}.",
    },
    "delta_hidden_intro": {
        "ko": "{layer}의 {t.delta:은} {above}의 {t.delta:을} 연결 {t.weight:으로} 곱해 더한 값에 "
        "{t.activation_function}의 도함수를 곱한 값입니다.",
        "en": "The deltas of {layer} are the deltas of {above}, weighted by the connecting {t.weight}s and "
        "summed, times the derivative of the {t.activation_function}.",
    },
    "delta_column": {"ko": "{t.delta}", "en": "Delta"},
    "input_gradient_heading": {
        "ko": "입력에 대한 {t.gradient}",
        "en": "The gradient with respect to the inputs",
    },
    "input_gradient_intro": {
        "ko": "같은 방법으로 {t.error:을} 입력으로 미분한 값도 구할 수 있습니다. {t.input_layer:은} "
        "{t.parameter:이} 아니므로 {t.update}하지는 않습니다.",
        "en": "The same recursion gives the error's derivative with respect to each input; the inputs are "
        "not {t.parameter}s, so nothing is updated with it.",
    },
    "input_gradient_column": {"ko": "입력", "en": "Input"},
    "gradients_heading": {"ko": "{t.delta:으로} 구한 {t.gradient}", "en": "Every gradient from the deltas"},
    "gradients_intro": {
        "ko": "{t.weight}의 {t.gradient:은} 받는 {t.neuron}의 {t.delta}에 보내는 값을 곱한 값이고, "
        "{t.bias}의 {t.gradient:은} 그 {t.neuron}의 {t.delta}입니다.",
        "en": "A {t.weight}'s {t.gradient} is the receiving neuron's delta times the value it sends; a "
        "{t.bias}'s {t.gradient} is its neuron's delta.",
    },
    "gradient_column": {"ko": "{t.gradient}", "en": "Gradient"},
    "delta_product_column": {"ko": "{t.delta} × 보내는 값", "en": "Delta × sending value"},
    "agrees_column": {"ko": "{t.gradient}와 같은가", "en": "Equal to the gradient?"},
    "agree_all": {
        "ko": "{t.weight}와 {t.bias} {count}개 모두 두 값이 같습니다.",
        "en": "The two agree for every one of the {count} parameters.",
    },
    "agree_some": {
        "ko": "{t.parameter} {count}개 중 {equal}개에서 두 값이 같습니다.",
        "en": "The two agree for {equal} of the {count} parameters.",
    },
    "chain_heading": {"ko": "{symbol}", "en": "{symbol}"},
    "chains_heading": {
        "ko": "{t.parameter}별 {t.chain_rule}",
        "en": "The chain rule, parameter by parameter",
    },
    "batch_chain_intro": {
        "ko": "{parameter}에 대한 {t.gradient:은} 샘플 {count}개의 {t.gradient:을} 평균한 값입니다. "
        "샘플마다 받는 {t.neuron}의 {t.delta}에 보내는 값을 곱합니다.",
        "en": "The {t.gradient} with respect to {parameter} is the mean of the {count} samples' "
        "{t.gradient}s, each a delta times the value sent in that sample.",
    },
    "batch_mean_loss": {
        "ko": "{t.minibatch}의 {t.error} \\(E\\)는 샘플 {count}개의 {t.error:을} 평균한 값입니다.",
        "en": "The {t.minibatch} error \\(E\\) is the mean of the {count} samples' errors.",
    },
    "loss_intro_batch": {
        "ko": "{t.loss_function:은} {name}({code})이며, 식은 {definition}입니다. 샘플마다 출력별 "
        "{t.error:을} 구해 더합니다.",
        "en": "The {t.loss_function} is the {name} ({code}): {definition}. Each sample's error adds up "
        "its outputs' terms.",
    },
    # several steps
    "summary_heading": {"ko": "{t.update} {steps}회 요약", "en": "The {steps} updates at a glance"},
    "summary_intro": {
        "ko": "{t.update} 횟수별 {t.error}, 출력, {t.parameter}의 값입니다.",
        "en": "The error, the outputs and the parameters after each number of updates.",
    },
    "steps_column": {"ko": "{t.update} 횟수", "en": "Updates"},
    "decrease_column": {"ko": "처음보다 줄어든 비율", "en": "Decrease since the start"},
    "steps_plot_title": {
        "ko": "같은 예제를 여러 번 {t.update}할 때의 {t.error}",
        "en": "The error when the same example is updated again and again",
    },
    "steps_plot_x": {"ko": "{t.gradient_descent} {t.update} 횟수", "en": "gradient-descent updates"},
    "steps_plot_y": {"ko": "{t.error} E", "en": "error E"},
    "steps_plot_alt": {
        "ko": "{t.update} 횟수에 따라 {t.error} E가 줄어드는 그래프",
        "en": "Plot of the error E falling with the number of updates",
    },
    # the notebook
    "notebook_intro": {
        "ko": "이 노트북은 nnref로 {t.backpropagation:을} 처음부터 끝까지 다시 계산합니다. 아래의 숫자와 "
        "수식은 모두 셀을 실행할 때 계산되며, 노트북에 적어 둔 값은 없습니다. 직접 실행하려면 nnref가 "
        "설치되어 있어야 합니다(`pip install nnref`).",
        "en": "This notebook recomputes a {t.backpropagation} derivation with nnref from start to finish. "
        "Every number and formula below is computed when its cell runs; none is stored in the notebook. "
        "To run it yourself you need nnref installed (`pip install nnref`).",
    },
    "notebook_made_by": {"ko": "만든 명령: {command}", "en": "Made with: {command}"},
    "notebook_setup": {
        "ko": "신경망의 구조는 `Network`로 정하고, 입력과 {t.target}, {t.parameter}, {t.learning_rate:은} "
        '`derive()`에 넘깁니다. 숫자를 문자열로 주면 정확한 분수로 읽습니다(`"0.1"`은 1/10). 문자열을 '
        "식으로 실행하는 일은 없습니다. 문서의 구성은 `derivation_plan()`이 정하고, 각 절은 `show()`로 "
        "보여 줍니다.",
        "en": "`Network` fixes the structure; `derive()` takes the inputs, targets, {t.parameter}s and "
        'learning rate. Numbers given as strings are read as exact fractions (`"0.1"` is 1/10); a string '
        "is never evaluated as code. `derivation_plan()` lays out the document and `show()` displays each "
        "section.",
    },
    "notebook_values": {
        "ko": "`tr.node(name).value`는 그 노드를 나타내는 정확한 값(SymPy 수)입니다. `sympy.N(값, 30)`은 "
        "원하는 자릿수의 숫자를, `값.doit()`은 닫힌 식을 돌려줍니다.",
        "en": "`tr.node(name).value` is the exact value (a SymPy number that stands for the node): "
        "`sympy.N(value, 30)` gives its digits, `value.doit()` its closed form.",
    },
    "notebook_chain": {
        "ko": "`tr.chain(name)`은 {t.chain_rule}의 인수를 순서대로 돌려줍니다. 인수들의 값을 곱하면 "
        "{t.gradient:이} 됩니다.",
        "en": "`tr.chain(name)` returns the factors of the {t.chain_rule} in order; their values multiply to "
        "the {t.gradient}.",
    },
    "notebook_gradients": {
        "ko": "{t.gradient:을} 모두 소수 {digits}자리로 모으면 다음과 같습니다.",
        "en": "All {t.gradient}s, to {digits} decimals:",
    },
    "notebook_next": {
        "ko": "`tr.next()`는 {t.update}한 {t.parameter:으로} 같은 예제를 다시 계산한 `Trace`입니다.",
        "en": "`tr.next()` is the `Trace` of the same example at the updated {t.parameter}s.",
    },
}
