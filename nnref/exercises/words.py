"""Every sentence the exercises write, in Korean and English (the glossary's terms in both).

Fields in braces are filled by :func:`say`; ``{term:KEY}`` is the glossary term ``KEY`` in the
sentence's language (:func:`nnref.glossary.term`), so a term cannot drift from the glossary.

>>> say("round", "ko", places=4), say("round", "en", places=4)
('소수점 아래 4자리까지 반올림해 쓰십시오.', 'Round it to 4 decimal places.')
>>> activation_name("tanh", "ko"), loss_name("bce", "en")
('하이퍼볼릭 탄젠트', 'binary cross-entropy')
"""

from __future__ import annotations

import re

from nnref.glossary import term

__all__ = [
    "ACTIVATION_TERMS",
    "LOSS_TERMS",
    "WORDS",
    "activation_name",
    "loss_name",
    "say",
    "template",
    "times",
]

# Glossary keys of the activation and loss names.
ACTIVATION_TERMS = {
    "identity": "identity_function",
    "step": "step_function",
    "sigmoid": "sigmoid_function",
    "tanh": "hyperbolic_tangent",
    "relu": "relu",
    "softmax": "softmax",
}
LOSS_TERMS = {
    "sse": "sum_of_squared_errors",
    "mse": "mean_squared_error",
    "bce": "binary_cross_entropy",
    "cce": "categorical_cross_entropy",
}

WORDS: dict[str, dict[str, str]] = {
    # -- shared ----------------------------------------------------------------------------------
    "round": {
        "ko": "소수점 아래 {places}자리까지 반올림해 쓰십시오.",
        "en": "Round it to {places} decimal places.",
    },
    "exact": {"ko": "정확한 값을 쓰십시오.", "en": "Give the exact value."},
    "answer_rounded": {
        "ko": "소수점 아래 {places}자리로 반올림하면 답은 \\({answer}\\)입니다.",
        "en": "Rounded to {places} decimal places, the answer is \\({answer}\\).",
    },
    "answer_exact": {"ko": "답은 \\({answer}\\)입니다.", "en": "The answer is \\({answer}\\)."},
    "item": {"ko": "항목", "en": "Item"},
    "value": {"ko": "값", "en": "Value"},
    # -- documents and pages ------------------------------------------------------------------
    "exercises": {"ko": "연습 문제", "en": "Exercises"},
    "answer_key": {"ko": "연습 문제 답안", "en": "Exercises: answer key"},
    "exercise": {"ko": "문제 {number}", "en": "Exercise {number}"},
    "solution": {"ko": "풀이", "en": "Solution"},
    "answer": {"ko": "답", "en": "Answer"},
    "check": {"ko": "확인", "en": "Check"},
    "your_answer": {"ko": "답 입력", "en": "Your answer"},
    "sheet_intro": {
        "ko": "nnref {version}이 만든 문제입니다(`{command}`). 같은 명령은 언제나 같은 문제를 만듭니다. "
        "답은 문제에 적힌 자릿수로 반올림합니다(5 이상은 올림). 답과 풀이는 {key}에 있습니다.",
        "en": "Made by nnref {version} (`{command}`); the same command always makes the same exercises. "
        "Round answers half up to the decimals each question states. Answers and solutions: {key}.",
    },
    "key_intro": {
        "ko": "nnref {version}이 만든 문제의 답과 풀이입니다(`{command}`). 답은 기호 엔진이 구한 정확한 값을 "
        "문제에 적힌 자릿수로 반올림한 것이고, 풀이의 중간값은 소수점 아래 8자리로 보입니다.",
        "en": "Answers and solutions of the exercises made by nnref {version} (`{command}`). Each answer is "
        "the symbolic engine's exact value rounded half up to the stated decimals; intermediate values in "
        "the solutions are shown to 8 decimal places.",
    },
    "page_intro": {
        "ko": "아래 문제의 숫자는 정해진 시드로 코드가 골랐고, 답과 풀이는 이 장의 숫자를 계산한 엔진이 "
        "구했습니다. 답을 입력하고 확인을 누르십시오. 답은 문제에 적힌 자릿수로 반올림합니다(5 이상은 올림). "
        "풀이는 문제마다 아래에 접혀 있습니다. 새 문제와 인쇄용 답안은 `nnref exercises` 명령이 만듭니다.",
        "en": "The numbers below were drawn by code from a fixed seed, and the answers and solutions come "
        "from the engine that computed this chapter. Type your answer and press Check, rounded half up to "
        "the decimals the question states. Each solution is folded below its exercise. The `nnref "
        "exercises` command makes new exercises and printable answer keys.",
    },
    "choice_prompt": {"ko": "예 또는 아니요", "en": "yes or no"},
    "mark_right": {"ko": "맞습니다.", "en": "Right."},
    "mark_wrong": {"ko": "틀렸습니다.", "en": "Not right."},
    "mark_belongs": {"ko": "입력한 수는 {names}의 값입니다.", "en": "This number is the value of {names}."},
    "mark_places": {
        "ko": "답은 소수점 아래 {places}자리로 반올림해 쓰십시오.",
        "en": "Round the answer to {places} decimal places.",
    },
    "mark_empty": {"ko": "답을 입력하십시오.", "en": "Type an answer first."},
    "mark_not_number": {
        "ko": "숫자로 입력하십시오(예: 0.1234, -1.5).",
        "en": "Type a number, such as 0.1234 or -1.5.",
    },
    "mark_choose": {"ko": "예나 아니요를 고르십시오.", "en": "Choose yes or no first."},
    "chapter_perceptron": {"ko": "뉴런과 퍼셉트론", "en": "Neuron and perceptron"},
    "chapter_xor": {"ko": "XOR 문제", "en": "The XOR problem"},
    "chapter_networks": {"ko": "신경망 구조", "en": "Neural networks"},
    "chapter_activations": {"ko": "{term:activation_function}", "en": "Activation functions"},
    "chapter_losses": {"ko": "{term:loss_function}", "en": "Loss functions"},
    "chapter_epochs-batches": {
        "ko": "{term:epoch}, 배치, {term:iteration}",
        "en": "Epochs, batches and iterations",
    },
    "chapter_backprop": {"ko": "{term:backpropagation}", "en": "Backpropagation"},
    "chapter_gradient-descent": {
        "ko": "{term:gradient_descent}과 {term:learning_rate}",
        "en": "Gradient descent and the learning rate",
    },
    # -- a network and its givens -----------------------------------------------------------------
    "network": {
        "ko": "입력 {inputs}개, 은닉층 뉴런 {hidden}개, 출력 {outputs}개인 {sizes} 신경망이 있습니다.",
        "en": "A {sizes} network has {inputs} inputs, {hidden} neurons in its hidden layer and {outputs} "
        "output{plural}.",
    },
    "single_neuron": {
        "ko": "입력이 {inputs}개인 뉴런 하나가 있습니다.",
        "en": "A single neuron has {inputs} inputs.",
    },
    "same_activation": {
        "ko": "모든 층의 {term:activation_function}는 {name}입니다.",
        "en": "Every layer's {term:activation_function} is the {name}.",
    },
    "neuron_activation": {
        "ko": "{term:activation_function}는 {name}입니다.",
        "en": "Its {term:activation_function} is the {name}.",
    },
    "layer_activations": {
        "ko": "{term:activation_function}는 {term:hidden_layer}이 {hidden}, {term:output_layer}이 "
        "{output}입니다.",
        "en": "The {term:activation_function} is the {hidden} in the {term:hidden_layer} and the {output} in "
        "the {term:output_layer}.",
    },
    "loss": {
        "ko": "{term:loss_function}는 {name} \\(E = {formula}\\)입니다.",
        "en": "The {term:loss_function} is the {name}, \\(E = {formula}\\).",
    },
    "with_bias": {"ko": "뉴런마다 {term:bias}이 있습니다.", "en": "Every neuron has a {term:bias}."},
    "no_bias": {"ko": "{term:bias}은 없습니다.", "en": "There are no biases."},
    "numbering": {
        "ko": "가중치 번호는 층 순서대로, 층 안에서는 값을 받는 뉴런, 보내는 뉴런 순서로 붙입니다. "
        "주어진 값은 다음과 같습니다.",
        "en": "Weights are numbered layer by layer, within a layer by the neuron that receives, then "
        "by the one that sends. The givens:",
    },
    "inputs_row": {"ko": "입력", "en": "Inputs"},
    "targets_row": {"ko": "{term:target}", "en": "Targets"},
    "weights_row": {"ko": "{term:weight}", "en": "Weights"},
    "biases_row": {"ko": "{term:bias}", "en": "Biases"},
    "rate_row": {"ko": "{term:learning_rate}", "en": "Learning rate"},
    "sums_row": {"ko": "{term:weighted_sum}", "en": "Weighted sums"},
    # -- backpropagation ---------------------------------------------------------------------------
    "ask_forward": {
        "ko": "{term:forward_propagation}로 \\({node}\\)의 값을 구하십시오.",
        "en": "Compute \\({node}\\) by {term:forward_propagation}.",
    },
    "ask_gradient": {
        "ko": "{term:backpropagation}로 \\({gradient}\\)의 값을 구하십시오.",
        "en": "Compute \\({gradient}\\) by {term:backpropagation}.",
    },
    "ask_update": {
        "ko": "{term:learning_rate} \\(\\alpha = {rate}\\)로 {term:gradient_descent}을 한 번 적용한 뒤 "
        "{kind} \\({parameter}\\)의 새 값(\\({updated}\\))을 구하십시오.",
        "en": "Compute \\({updated}\\), the new value of the {kind} \\({parameter}\\) after one step of "
        "{term:gradient_descent} with the {term:learning_rate} \\(\\alpha = {rate}\\).",
    },
    "solve_forward": {
        "ko": "{term:forward_propagation}를 {term:input_layer}부터 차례로 계산합니다.",
        "en": "The {term:forward_propagation}, from the {term:input_layer} on:",
    },
    "solve_loss": {"ko": "{term:error}를 구합니다.", "en": "The error:"},
    "solve_chain": {
        "ko": "{term:output_layer}부터 거꾸로 {term:chain_rule}을 적용합니다.",
        "en": "Then the {term:chain_rule}, from the {term:output_layer} back:",
    },
    "solve_update": {
        "ko": "모든 기울기는 갱신 전 값에서 구한 것입니다. 갱신식에 넣으면 다음과 같습니다.",
        "en": "The gradient is taken at the old values; the update is:",
    },
    # -- perceptrons -------------------------------------------------------------------------------
    "ask_perceptron": {
        "ko": "입력이 {count}개인 {term:perceptron}의 {term:weight}는 {weights}, {term:bias}은 {bias}입니다. "
        "입력 {x}에 대한 출력 \\(y\\)의 값을 구하십시오. {term:step_function}는 \\(z > 0\\)일 때 1, 그 "
        "밖에는 "
        "0입니다.",
        "en": "A {term:perceptron} with {count} inputs has the {term:weight}s {weights} and the {term:bias} "
        "{bias}. Compute its output \\(y\\) for the input {x}. The {term:step_function} gives 1 when "
        "\\(z > 0\\) and 0 otherwise.",
    },
    "step_fires": {"ko": "{condition}이므로 {output}입니다.", "en": "Since {condition}, {output}."},
    "step_silent": {"ko": "{condition}이므로 {output}입니다.", "en": "Since {condition}, {output}."},
    "step_zero": {
        "ko": "{term:weighted_sum}이 정확히 0이므로 뉴런은 켜지지 않습니다. {output}입니다.",
        "en": "The {term:weighted_sum} is exactly 0, so the neuron stays silent: {output}.",
    },
    "ask_rule": {
        "ko": "{term:perceptron}의 {term:weight}는 {weights}, {term:bias}은 {bias}, {term:learning_rate}은 "
        "{rate}입니다. 샘플 {x}의 {term:target}은 {target}입니다. 이 샘플로 퍼셉트론 학습 규칙을 한 번 "
        "적용한 "
        "뒤 {kind} {parameter}의 새 값({updated})을 구하십시오.",
        "en": "A {term:perceptron} has the {term:weight}s {weights}, the {term:bias} {bias} and the "
        "{term:learning_rate} {rate}. The sample {x} has the {term:target} {target}. Apply the perceptron "
        "learning rule once to this sample and compute {updated}, the new value of the {kind} {parameter}.",
    },
    "solve_rule": {
        "ko": "따라서 {output}이고, 오차는 {error}입니다. 규칙 "
        "\\(w_i \\leftarrow w_i + \\alpha (t - y) x_i\\), \\(b \\leftarrow b + \\alpha (t - y)\\)로 "
        "모든 {term:parameter}를 한꺼번에 고칩니다.",
        "en": "So {output} and the error is {error}. The rule "
        "\\(w_i \\leftarrow w_i + \\alpha (t - y) x_i\\), \\(b \\leftarrow b + \\alpha (t - y)\\) "
        "changes every {term:parameter} at once:",
    },
    # -- gates -----------------------------------------------------------------------------------
    "ask_separable": {
        "ko": "아래 {term:truth_table}를 {term:perceptron} 하나로 계산할 수 있습니까? 즉, 직선 하나로 출력이 "
        "1인 "
        "입력과 0인 입력을 나눌 수 있습니까?",
        "en": "Can a single {term:perceptron} compute the {term:truth_table} below? That is, does one "
        "straight "
        "line separate the inputs with output 1 from those with output 0?",
    },
    "choice_yes": {"ko": "예", "en": "Yes"},
    "choice_no": {"ko": "아니요", "en": "No"},
    "solve_separable": {
        "ko": "{term:perceptron} \\(y = \\operatorname{{step}}(w_1 x_1 + w_2 x_2 + b)\\)가 이 표를 "
        "계산하려면 행마다 "
        "조건 하나를 만족해야 합니다. 각 조건을 '식 \\(> 0\\)' 또는 '식 \\(\\geq 0\\)' 꼴의 부등식으로 쓰고 "
        "번호를 붙인 뒤, 푸리에-모츠킨 소거법으로 변수를 하나씩 없앱니다.",
        "en": "For a {term:perceptron} \\(y = \\operatorname{{step}}(w_1 x_1 + w_2 x_2 + b)\\) to compute "
        "the table, "
        "every row sets one condition. Each is written as an inequality 'expression \\(> 0\\)' or "
        "'expression \\(\\geq 0\\)' and numbered; Fourier–Motzkin elimination then removes the variables "
        "one at a time.",
    },
    "answer_yes": {
        "ko": "답은 '예'입니다. 이 {term:truth_table}는 {term:perceptron} 하나로 계산할 수 있습니다.",
        "en": "The answer is yes: one {term:perceptron} computes this {term:truth_table}.",
    },
    "answer_no": {
        "ko": "답은 '아니요'입니다. 이 {term:truth_table}는 {term:perceptron} 하나로 계산할 수 없습니다.",
        "en": "The answer is no: no single {term:perceptron} computes this {term:truth_table}.",
    },
    "ask_step_network": {
        "ko": "{term:perceptron} 세 개로 만든 2-2-1 신경망이 있습니다. {term:hidden_layer}의 두 뉴런과 "
        "{term:output_layer}의 뉴런은 모두 {term:step_function}를 씁니다(\\(z > 0\\)이면 1, 그 밖에는 0). "
        "입력 {x}에 대한 출력 \\(y\\)의 값을 구하십시오.",
        "en": "A 2-2-1 network is made of three {term:perceptron}s: the two neurons of the "
        "{term:hidden_layer} "
        "and the neuron of the {term:output_layer} all use the {term:step_function} (1 when \\(z > 0\\), "
        "else 0). Compute its output \\(y\\) for the input {x}.",
    },
    "solve_step_network": {
        "ko": "{term:hidden_layer}의 두 {term:perceptron}을 먼저 계산하고, 그 출력을 {term:output_layer} "
        "{term:perceptron}에 넣습니다.",
        "en": "First the two {term:perceptron}s of the {term:hidden_layer}, then the output "
        "{term:perceptron} "
        "on their outputs:",
    },
    # -- one neuron ------------------------------------------------------------------------------
    "ask_weighted_sum": {
        "ko": "입력이 3개인 뉴런의 {term:weight}는 {weights}, {term:bias}은 {bias}입니다. 입력 {x}에 대한 "
        "{term:weighted_sum} \\(z = w_1 x_1 + w_2 x_2 + w_3 x_3 + b\\)의 값을 구하십시오.",
        "en": "A neuron with 3 inputs has the {term:weight}s {weights} and the {term:bias} {bias}. Compute "
        "its "
        "{term:weighted_sum} \\(z = w_1 x_1 + w_2 x_2 + w_3 x_3 + b\\) for the input {x}.",
    },
    "ask_neuron": {
        "ko": "입력이 2개인 뉴런의 {term:weight}는 {weights}, {term:bias}은 {bias}이고, "
        "{term:activation_function}는 "
        "{name} {function}입니다. 입력 {x}에 대한 출력 \\(a = f(z)\\)의 값을 구하십시오.",
        "en": "A neuron with 2 inputs has the {term:weight}s {weights}, the {term:bias} {bias} and the "
        "{name} "
        "{function} as its {term:activation_function}. Compute its output \\(a = f(z)\\) for the input {x}.",
    },
    # -- losses ----------------------------------------------------------------------------------
    "ask_loss_given": {
        "ko": "{term:loss_function}는 {name}(`{code}`) {formula}이고, {term:prediction}은 {o}, "
        "{term:target}은 "
        "{t}입니다.",
        "en": "The {term:loss_function} is the {name} (`{code}`), {formula}; the {term:prediction}s are {o} "
        "and "
        "the {term:target}s {t}.",
    },
    "ask_loss": {"ko": "손실 \\(E\\)의 값을 구하십시오.", "en": "Compute the loss \\(E\\)."},
    "ask_loss_slope": {
        "ko": "출력에 대한 {term:partial_derivative} {slope}의 값을 구하십시오.",
        "en": "Compute the {term:partial_derivative} {slope} with respect to the output.",
    },
    "solve_loss_slope": {
        "ko": "출력 하나에 대한 항을 그 출력으로 미분하면 {general}입니다. 다른 출력의 항은 \\(o_k\\)를 "
        "포함하지 않으므로 미분하면 0입니다.",
        "en": "Differentiating one output's term with respect to that output gives {general}; the other "
        "outputs' terms do not contain \\(o_k\\) and contribute 0.",
    },
    # -- epochs and batches ----------------------------------------------------------------------
    "ask_batches_given": {
        "ko": "학습 데이터가 {n}개이고 {term:batch_size}가 {b}입니다. 샘플은 {term:epoch}마다 한 번씩 "
        "쓰입니다.",
        "en": "A training set has {n} samples and the {term:batch_size} is {b}; every {term:epoch} uses "
        "each sample once.",
    },
    "ask_per_epoch": {
        "ko": "{term:epoch} 하나의 {term:iteration} 수를 구하십시오.",
        "en": "How many {term:iteration}s does one {term:epoch} have?",
    },
    "ask_total": {
        "ko": "{term:epoch} {epochs}번 동안 학습하면 {term:iteration}은 모두 몇 번입니까?",
        "en": "Training runs for {epochs} {term:epoch}s. How many {term:iteration}s are there in all?",
    },
    "ask_last": {
        "ko": "{term:epoch}마다 마지막 배치에는 샘플이 몇 개 들어갑니까?",
        "en": "How many samples does the last batch of each {term:epoch} hold?",
    },
    "solve_batches": {
        "ko": "\\(N\\)을 \\(B\\)로 나누면 {division}입니다. 샘플 {size}개짜리 배치 {full}개와 {last}개짜리 "
        "마지막 배치 1개가 있으므로, {term:epoch} 하나의 {term:iteration} 수는 {count}입니다.",
        "en": "Dividing \\(N\\) by \\(B\\) gives {division}: {full} batches of {size} samples and a last "
        "batch of {last}, so one {term:epoch} has {count} {term:iteration}s.",
    },
    "solve_total": {
        "ko": "{term:epoch} {epochs}번 동안 {term:iteration} 수는 다음과 같습니다.",
        "en": "Over {epochs} {term:epoch}s:",
    },
    # -- activations -----------------------------------------------------------------------------
    "ask_activation": {
        "ko": "{name} {function}의 {z}에서의 값을 구하십시오.",
        "en": "Compute the {name} {function} at {z}.",
    },
    "ask_derivative": {
        "ko": "{name}의 도함수 {derivative}의 {z}에서의 값을 구하십시오.",
        "en": "Compute the derivative {derivative} of the {name} at {z}.",
    },
    "solve_derivative": {
        "ko": "도함수는 함수의 값 \\(a = f(z)\\)로 쓸 수 있으므로 먼저 \\(a\\)를 구합니다.",
        "en": "The derivative is written with the function's value \\(a = f(z)\\), so \\(a\\) comes first:",
    },
    "ask_softmax": {
        "ko": "{term:weighted_sum} {z}에 {term:softmax}를 적용합니다. 출력 {output}의 값을 구하십시오.",
        "en": "The {term:softmax} is applied to the {term:weighted_sum}s {z}. Compute the output {output}.",
    },
    "solve_softmax": {
        "ko": "\\(o_k = e^{{z_k}} / S\\), \\(S = \\sum_j e^{{z_j}}\\)이므로 지수 함수의 값과 그 합을 먼저 "
        "구합니다.",
        "en": "With \\(o_k = e^{{z_k}} / S\\) and \\(S = \\sum_j e^{{z_j}}\\), the exponentials and their "
        "sum "
        "come first:",
    },
    # -- gradient descent on a parabola ----------------------------------------------------------
    "ask_parabola": {
        "ko": "{term:loss_function} \\({function}\\)에서 \\(w_0 = {start}\\)부터 {term:learning_rate} "
        "\\(\\alpha = {rate}\\)로 {term:gradient_descent}을 {times} 적용합니다. \\({target}\\)의 값을 "
        "구하십시오.",
        "en": "Starting at \\(w_0 = {start}\\), {term:gradient_descent} with the {term:learning_rate} "
        "\\(\\alpha = {rate}\\) takes {times} on the {term:loss_function} \\({function}\\). Compute "
        "\\({target}\\).",
    },
    "solve_parabola": {
        "ko": "도함수는 \\({slope}\\)입니다. 갱신할 때마다 "
        "\\(w_{{k+1}} = w_k - \\alpha E'(w_k)\\)를 계산합니다.",
        "en": "The derivative is \\({slope}\\); each step computes \\(w_{{k+1}} = w_k - \\alpha E'(w_k)\\):",
    },
}

_TERM = re.compile(r"\{term:([a-z_]+)\}")


def template(key: str, lang: str) -> str:
    """The sentence ``key`` with its glossary terms filled in and its ``{fields}`` left as they are
    (for a page's script, which fills them itself)."""
    if lang not in ("ko", "en"):
        raise ValueError(f"lang must be one of ko, en; got {lang!r}")
    return _TERM.sub(lambda match: term(match.group(1), lang), WORDS[key][lang])


def say(key: str, lang: str, /, **fields: object) -> str:
    """The sentence ``key`` in ``lang`` with its glossary terms and ``fields`` filled in."""
    if lang not in ("ko", "en"):
        raise ValueError(f"lang must be one of ko, en; got {lang!r}")
    text = _TERM.sub(lambda match: term(match.group(1), lang), WORDS[key][lang])
    return text.format(**fields)


_TIMES = {"ko": {1: "한 번", 2: "두 번", 3: "세 번"}, "en": {1: "one step", 2: "two steps", 3: "three steps"}}


def times(count: int, lang: str) -> str:
    """How many times, in words (``두 번``, ``two steps``)."""
    return _TIMES[lang][count]


def activation_name(name: str, lang: str) -> str:
    """The glossary's word for activation ``name`` (``"sigmoid"`` -> 시그모이드 함수)."""
    return term(ACTIVATION_TERMS[name], lang)


def loss_name(name: str, lang: str) -> str:
    """The glossary's word for loss ``name`` (``"sse"`` -> 오차 제곱합)."""
    return term(LOSS_TERMS[name], lang)
