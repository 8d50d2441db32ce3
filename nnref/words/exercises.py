"""Every sentence the exercises write (nnref.exercises), in Korean and English.

Keys start with ``exercise_``; ``{t.key}`` is the glossary term ``key`` in the sentence's language.
"""

from __future__ import annotations

__all__ = ["EXERCISES"]

EXERCISES: dict[str, dict[str, str]] = {
    # -- shared ----------------------------------------------------------------------------------
    "exercise_round": {
        "ko": "소수점 아래 {places}자리까지 반올림해 쓰십시오.",
        "en": "Round it to {places} decimal places.",
    },
    "exercise_exact": {"ko": "정확한 값을 쓰십시오.", "en": "Give the exact value."},
    "exercise_answer_rounded": {
        "ko": "소수점 아래 {places}자리로 반올림하면 답은 \\({answer}\\)입니다.",
        "en": "Rounded to {places} decimal places, the answer is \\({answer}\\).",
    },
    "exercise_answer_exact": {"ko": "답은 \\({answer}\\)입니다.", "en": "The answer is \\({answer}\\)."},
    "exercise_item": {"ko": "항목", "en": "Item"},
    "exercise_value": {"ko": "값", "en": "Value"},
    # -- documents and pages ------------------------------------------------------------------
    "exercise_exercises": {"ko": "연습 문제", "en": "Exercises"},
    "exercise_answer_key": {"ko": "연습 문제 답안", "en": "Exercises: answer key"},
    "exercise_exercise": {"ko": "문제 {number}", "en": "Exercise {number}"},
    "exercise_solution": {"ko": "풀이", "en": "Solution"},
    "exercise_answer": {"ko": "답", "en": "Answer"},
    "exercise_check": {"ko": "확인", "en": "Check"},
    "exercise_your_answer": {"ko": "답 입력", "en": "Your answer"},
    "exercise_sheet_intro": {
        "ko": "nnref {version}이 만든 문제입니다(`{command}`). 같은 명령은 언제나 같은 문제를 만듭니다. "
        "답은 문제에 적힌 자릿수로 반올림합니다(5 이상은 올림). 답과 풀이는 {key}에 있습니다.",
        "en": "Made by nnref {version} (`{command}`); the same command always makes the same exercises. "
        "Round answers half up to the decimals each question states. Answers and solutions: {key}.",
    },
    "exercise_key_intro": {
        "ko": "nnref {version}이 만든 문제의 답과 풀이입니다(`{command}`). 답은 기호 엔진이 구한 정확한 값을 "
        "문제에 적힌 자릿수로 반올림한 것이고, 풀이의 중간값은 소수점 아래 8자리로 보입니다.",
        "en": "Answers and solutions of the exercises made by nnref {version} (`{command}`). Each answer is "
        "the symbolic engine's exact value rounded half up to the stated decimals; intermediate values in "
        "the solutions are shown to 8 decimal places.",
    },
    "exercise_page_intro": {
        "ko": "아래 문제의 숫자는 정해진 시드로 코드가 골랐고, 답과 풀이는 이 장의 숫자를 계산한 엔진이 "
        "구했습니다. 답을 입력하고 확인을 누르십시오. 답은 문제에 적힌 자릿수로 반올림합니다(5 이상은 올림). "
        "풀이는 문제마다 아래에 접혀 있습니다. 새 문제와 인쇄용 답안은 `nnref exercises` 명령이 만듭니다.",
        "en": "The numbers below were drawn by code from a fixed seed, and the answers and solutions come "
        "from the engine that computed this chapter. Type your answer and press Check, rounded half up to "
        "the decimals the question states. Each solution is folded below its exercise. The `nnref "
        "exercises` command makes new exercises and printable answer keys.",
    },
    "exercise_choice_prompt": {"ko": "예 또는 아니요", "en": "yes or no"},
    "exercise_mark_right": {"ko": "맞습니다.", "en": "Right."},
    "exercise_mark_wrong": {"ko": "틀렸습니다.", "en": "Not right."},
    "exercise_mark_belongs": {
        "ko": "입력한 수는 {names}의 값입니다.",
        "en": "This number is the value of {names}.",
    },
    "exercise_mark_places": {
        "ko": "답은 소수점 아래 {places}자리로 반올림해 쓰십시오.",
        "en": "Round the answer to {places} decimal places.",
    },
    "exercise_mark_empty": {"ko": "답을 입력하십시오.", "en": "Type an answer first."},
    "exercise_mark_not_number": {
        "ko": "숫자로 입력하십시오(예: 0.1234, -1.5).",
        "en": "Type a number, such as 0.1234 or -1.5.",
    },
    "exercise_mark_choose": {"ko": "예나 아니요를 고르십시오.", "en": "Choose yes or no first."},
    "exercise_chapter_perceptron": {"ko": "뉴런과 퍼셉트론", "en": "Neuron and perceptron"},
    "exercise_chapter_xor": {"ko": "XOR 문제", "en": "The XOR problem"},
    "exercise_chapter_networks": {"ko": "신경망 구조", "en": "Neural networks"},
    "exercise_chapter_activations": {"ko": "{t.activation_function}", "en": "Activation functions"},
    "exercise_chapter_losses": {"ko": "{t.loss_function}", "en": "Loss functions"},
    "exercise_chapter_epochs-batches": {
        "ko": "{t.epoch}, 배치, {t.iteration}",
        "en": "Epochs, batches and iterations",
    },
    "exercise_chapter_backprop": {"ko": "{t.backpropagation}", "en": "Backpropagation"},
    "exercise_chapter_gradient-descent": {
        "ko": "{t.gradient_descent}과 {t.learning_rate}",
        "en": "Gradient descent and the learning rate",
    },
    # -- a network and its givens -----------------------------------------------------------------
    "exercise_network": {
        "ko": "입력 {inputs}개, 은닉층 뉴런 {hidden}개, 출력 {outputs}개인 {sizes} 신경망이 있습니다.",
        "en": "A {sizes} network has {inputs} inputs, {hidden} neurons in its hidden layer and {outputs} "
        "outputs.",
    },
    "exercise_network_one_output": {
        "ko": "입력 {inputs}개, 은닉층 뉴런 {hidden}개, 출력 {outputs}개인 {sizes} 신경망이 있습니다.",
        "en": "A {sizes} network has {inputs} inputs, {hidden} neurons in its hidden layer and {outputs} "
        "output.",
    },
    "exercise_single_neuron": {
        "ko": "입력이 {inputs}개인 뉴런 하나가 있습니다.",
        "en": "A single neuron has {inputs} inputs.",
    },
    "exercise_same_activation": {
        "ko": "모든 층의 {t.activation_function}는 {name}입니다.",
        "en": "Every layer's {t.activation_function} is the {name}.",
    },
    "exercise_neuron_activation": {
        "ko": "{t.activation_function}는 {name}입니다.",
        "en": "Its {t.activation_function} is the {name}.",
    },
    "exercise_layer_activations": {
        "ko": "{t.activation_function}는 {t.hidden_layer}이 {hidden}, {t.output_layer}이 {output}입니다.",
        "en": "The {t.activation_function} is the {hidden} in the {t.hidden_layer} and the {output} in "
        "the {t.output_layer}.",
    },
    "exercise_loss": {
        "ko": "{t.loss_function}는 {name} \\(E = {formula}\\)입니다.",
        "en": "The {t.loss_function} is the {name}, \\(E = {formula}\\).",
    },
    "exercise_with_bias": {"ko": "뉴런마다 {t.bias}이 있습니다.", "en": "Every neuron has a {t.bias}."},
    "exercise_no_bias": {"ko": "{t.bias}은 없습니다.", "en": "There are no biases."},
    "exercise_numbering": {
        "ko": "가중치 번호는 층 순서대로, 층 안에서는 값을 받는 뉴런, 보내는 뉴런 순서로 붙입니다. "
        "주어진 값은 다음과 같습니다.",
        "en": "Weights are numbered layer by layer, within a layer by the neuron that receives, then "
        "by the one that sends. The givens:",
    },
    "exercise_inputs_row": {"ko": "입력", "en": "Inputs"},
    "exercise_targets_row": {"ko": "{t.target}", "en": "Targets"},
    "exercise_weights_row": {"ko": "{t.weight}", "en": "Weights"},
    "exercise_biases_row": {"ko": "{t.bias}", "en": "Biases"},
    "exercise_rate_row": {"ko": "{t.learning_rate}", "en": "Learning rate"},
    "exercise_sums_row": {"ko": "{t.weighted_sum}", "en": "Weighted sums"},
    # -- backpropagation ---------------------------------------------------------------------------
    "exercise_ask_forward": {
        "ko": "{t.forward_propagation}로 \\({node}\\)의 값을 구하십시오.",
        "en": "Compute \\({node}\\) by {t.forward_propagation}.",
    },
    "exercise_ask_gradient": {
        "ko": "{t.backpropagation}로 \\({gradient}\\)의 값을 구하십시오.",
        "en": "Compute \\({gradient}\\) by {t.backpropagation}.",
    },
    "exercise_ask_update": {
        "ko": "{t.learning_rate} \\(\\alpha = {rate}\\)로 {t.gradient_descent}을 한 번 적용한 뒤 "
        "{kind} \\({parameter}\\)의 새 값(\\({updated}\\))을 구하십시오.",
        "en": "Compute \\({updated}\\), the new value of the {kind} \\({parameter}\\) after one step of "
        "{t.gradient_descent} with the {t.learning_rate} \\(\\alpha = {rate}\\).",
    },
    "exercise_solve_forward": {
        "ko": "{t.forward_propagation}를 {t.input_layer}부터 차례로 계산합니다.",
        "en": "The {t.forward_propagation}, from the {t.input_layer} on:",
    },
    "exercise_solve_loss": {"ko": "{t.error}를 구합니다.", "en": "The error:"},
    "exercise_solve_chain": {
        "ko": "{t.output_layer}부터 거꾸로 {t.chain_rule}을 적용합니다.",
        "en": "Then the {t.chain_rule}, from the {t.output_layer} back:",
    },
    "exercise_solve_update": {
        "ko": "모든 기울기는 갱신 전 값에서 구한 것입니다. 갱신식에 넣으면 다음과 같습니다.",
        "en": "The gradient is taken at the old values; the update is:",
    },
    # -- perceptrons -------------------------------------------------------------------------------
    "exercise_ask_perceptron": {
        "ko": "입력이 {count}개인 {t.perceptron}의 {t.weight}는 {weights}, {t.bias}은 {bias}입니다. "
        "입력 {x}에 대한 출력 \\(y\\)의 값을 구하십시오. {t.step_function}는 \\(z > 0\\)일 때 1, 그 "
        "밖에는 "
        "0입니다.",
        "en": "A {t.perceptron} with {count} inputs has the {t.weight}s {weights} and the {t.bias} "
        "{bias}. Compute its output \\(y\\) for the input {x}. The {t.step_function} gives 1 when "
        "\\(z > 0\\) and 0 otherwise.",
    },
    "exercise_step_fires": {"ko": "{condition}이므로 {output}입니다.", "en": "Since {condition}, {output}."},
    "exercise_step_silent": {"ko": "{condition}이므로 {output}입니다.", "en": "Since {condition}, {output}."},
    "exercise_step_zero": {
        "ko": "{t.weighted_sum}이 정확히 0이므로 뉴런은 켜지지 않습니다. {output}입니다.",
        "en": "The {t.weighted_sum} is exactly 0, so the neuron stays silent: {output}.",
    },
    "exercise_ask_rule": {
        "ko": "{t.perceptron}의 {t.weight}는 {weights}, {t.bias}은 {bias}, {t.learning_rate}은 "
        "{rate}입니다. 샘플 {x}의 {t.target}은 {target}입니다. 이 샘플로 퍼셉트론 학습 규칙을 한 번 "
        "적용한 "
        "뒤 {kind} {parameter}의 새 값({updated})을 구하십시오.",
        "en": "A {t.perceptron} has the {t.weight}s {weights}, the {t.bias} {bias} and the "
        "{t.learning_rate} {rate}. The sample {x} has the {t.target} {target}. Apply the perceptron "
        "learning rule once to this sample and compute {updated}, the new value of the {kind} {parameter}.",
    },
    "exercise_solve_rule": {
        "ko": "따라서 {output}이고, 오차는 {error}입니다. 규칙 "
        "\\(w_i \\leftarrow w_i + \\alpha (t - y) x_i\\), \\(b \\leftarrow b + \\alpha (t - y)\\)로 "
        "모든 {t.parameter}를 한꺼번에 고칩니다.",
        "en": "So {output} and the error is {error}. The rule "
        "\\(w_i \\leftarrow w_i + \\alpha (t - y) x_i\\), \\(b \\leftarrow b + \\alpha (t - y)\\) "
        "changes every {t.parameter} at once:",
    },
    # -- gates -----------------------------------------------------------------------------------
    "exercise_ask_separable": {
        "ko": "아래 {t.truth_table}를 {t.perceptron} 하나로 계산할 수 있습니까? 즉, 직선 하나로 출력이 "
        "1인 "
        "입력과 0인 입력을 나눌 수 있습니까?",
        "en": "Can a single {t.perceptron} compute the {t.truth_table} below? That is, does one "
        "straight "
        "line separate the inputs with output 1 from those with output 0?",
    },
    "exercise_choice_yes": {"ko": "예", "en": "Yes"},
    "exercise_choice_no": {"ko": "아니요", "en": "No"},
    "exercise_solve_separable": {
        "ko": "{t.perceptron} \\(y = \\operatorname{{step}}(w_1 x_1 + w_2 x_2 + b)\\)가 이 표를 "
        "계산하려면 행마다 "
        "조건 하나를 만족해야 합니다. 각 조건을 '식 \\(> 0\\)' 또는 '식 \\(\\geq 0\\)' 꼴의 부등식으로 쓰고 "
        "번호를 붙인 뒤, 푸리에-모츠킨 소거법으로 변수를 하나씩 없앱니다.",
        "en": "For a {t.perceptron} \\(y = \\operatorname{{step}}(w_1 x_1 + w_2 x_2 + b)\\) to compute "
        "the table, "
        "every row sets one condition. Each is written as an inequality 'expression \\(> 0\\)' or "
        "'expression \\(\\geq 0\\)' and numbered; Fourier–Motzkin elimination then removes the variables "
        "one at a time.",
    },
    "exercise_answer_yes": {
        "ko": "답은 '예'입니다. 이 {t.truth_table}는 {t.perceptron} 하나로 계산할 수 있습니다.",
        "en": "The answer is yes: one {t.perceptron} computes this {t.truth_table}.",
    },
    "exercise_answer_no": {
        "ko": "답은 '아니요'입니다. 이 {t.truth_table}는 {t.perceptron} 하나로 계산할 수 없습니다.",
        "en": "The answer is no: no single {t.perceptron} computes this {t.truth_table}.",
    },
    "exercise_ask_step_network": {
        "ko": "{t.perceptron} 세 개로 만든 2-2-1 신경망이 있습니다. {t.hidden_layer}의 두 뉴런과 "
        "{t.output_layer}의 뉴런은 모두 {t.step_function}를 씁니다(\\(z > 0\\)이면 1, 그 밖에는 0). "
        "입력 {x}에 대한 출력 \\(y\\)의 값을 구하십시오.",
        "en": "A 2-2-1 network is made of three {t.perceptron}s: the two neurons of the "
        "{t.hidden_layer} "
        "and the neuron of the {t.output_layer} all use the {t.step_function} (1 when \\(z > 0\\), "
        "else 0). Compute its output \\(y\\) for the input {x}.",
    },
    "exercise_solve_step_network": {
        "ko": "{t.hidden_layer}의 두 {t.perceptron}을 먼저 계산하고, 그 출력을 {t.output_layer} "
        "{t.perceptron}에 넣습니다.",
        "en": "First the two {t.perceptron}s of the {t.hidden_layer}, then the output "
        "{t.perceptron} "
        "on their outputs:",
    },
    # -- one neuron ------------------------------------------------------------------------------
    "exercise_ask_weighted_sum": {
        "ko": "입력이 3개인 뉴런의 {t.weight}는 {weights}, {t.bias}은 {bias}입니다. 입력 {x}에 대한 "
        "{t.weighted_sum} \\(z = w_1 x_1 + w_2 x_2 + w_3 x_3 + b\\)의 값을 구하십시오.",
        "en": "A neuron with 3 inputs has the {t.weight}s {weights} and the {t.bias} {bias}. Compute "
        "its "
        "{t.weighted_sum} \\(z = w_1 x_1 + w_2 x_2 + w_3 x_3 + b\\) for the input {x}.",
    },
    "exercise_ask_neuron": {
        "ko": "입력이 2개인 뉴런의 {t.weight}는 {weights}, {t.bias}은 {bias}이고, "
        "{t.activation_function}는 "
        "{name} {function}입니다. 입력 {x}에 대한 출력 \\(a = f(z)\\)의 값을 구하십시오.",
        "en": "A neuron with 2 inputs has the {t.weight}s {weights}, the {t.bias} {bias} and the "
        "{name} "
        "{function} as its {t.activation_function}. Compute its output \\(a = f(z)\\) for the input {x}.",
    },
    # -- losses ----------------------------------------------------------------------------------
    "exercise_ask_loss_given": {
        "ko": "{t.loss_function}는 {name}(`{code}`) {formula}이고, {t.prediction}은 {o}, "
        "{t.target}은 {targets}입니다.",
        "en": "The {t.loss_function} is the {name} (`{code}`), {formula}; the {t.prediction}s are {o} "
        "and the {t.target}s {targets}.",
    },
    "exercise_ask_loss": {"ko": "손실 \\(E\\)의 값을 구하십시오.", "en": "Compute the loss \\(E\\)."},
    "exercise_ask_loss_slope": {
        "ko": "출력에 대한 {t.partial_derivative} {slope}의 값을 구하십시오.",
        "en": "Compute the {t.partial_derivative} {slope} with respect to the output.",
    },
    "exercise_solve_loss_slope": {
        "ko": "출력 하나에 대한 항을 그 출력으로 미분하면 {general}입니다. 다른 출력의 항은 \\(o_k\\)를 "
        "포함하지 않으므로 미분하면 0입니다.",
        "en": "Differentiating one output's term with respect to that output gives {general}; the other "
        "outputs' terms do not contain \\(o_k\\) and contribute 0.",
    },
    # -- epochs and batches ----------------------------------------------------------------------
    "exercise_ask_batches_given": {
        "ko": "학습 데이터가 {n}개이고 {t.batch_size}가 {b}입니다. 샘플은 {t.epoch}마다 한 번씩 쓰입니다.",
        "en": "A training set has {n} samples and the {t.batch_size} is {b}; every {t.epoch} uses "
        "each sample once.",
    },
    "exercise_ask_per_epoch": {
        "ko": "{t.epoch} 하나의 {t.iteration} 수를 구하십시오.",
        "en": "How many {t.iteration}s does one {t.epoch} have?",
    },
    "exercise_ask_total": {
        "ko": "{t.epoch} {epochs}번 동안 학습하면 {t.iteration}은 모두 몇 번입니까?",
        "en": "Training runs for {epochs} {t.epoch}s. How many {t.iteration}s are there in all?",
    },
    "exercise_ask_last": {
        "ko": "{t.epoch}마다 마지막 배치에는 샘플이 몇 개 들어갑니까?",
        "en": "How many samples does the last batch of each {t.epoch} hold?",
    },
    "exercise_solve_batches": {
        "ko": "\\(N\\)을 \\(B\\)로 나누면 {division}입니다. 샘플 {size}개짜리 배치 {full}개와 {last}개짜리 "
        "마지막 배치 1개가 있으므로, {t.epoch} 하나의 {t.iteration} 수는 {count}입니다.",
        "en": "Dividing \\(N\\) by \\(B\\) gives {division}: {full} batches of {size} samples and a last "
        "batch of {last}, so one {t.epoch} has {count} {t.iteration}s.",
    },
    "exercise_solve_total": {
        "ko": "{t.epoch} {epochs}번 동안 {t.iteration} 수는 다음과 같습니다.",
        "en": "Over {epochs} {t.epoch}s:",
    },
    # -- activations -----------------------------------------------------------------------------
    "exercise_ask_activation": {
        "ko": "{name} {function}의 {z}에서의 값을 구하십시오.",
        "en": "Compute the {name} {function} at {z}.",
    },
    "exercise_ask_derivative": {
        "ko": "{name}의 도함수 {derivative}의 {z}에서의 값을 구하십시오.",
        "en": "Compute the derivative {derivative} of the {name} at {z}.",
    },
    "exercise_solve_derivative": {
        "ko": "도함수는 함수의 값 \\(a = f(z)\\)로 쓸 수 있으므로 먼저 \\(a\\)를 구합니다.",
        "en": "The derivative is written with the function's value \\(a = f(z)\\), so \\(a\\) comes first:",
    },
    "exercise_ask_softmax": {
        "ko": "{t.weighted_sum} {z}에 {t.softmax}를 적용합니다. 출력 {output}의 값을 구하십시오.",
        "en": "The {t.softmax} is applied to the {t.weighted_sum}s {z}. Compute the output {output}.",
    },
    "exercise_solve_softmax": {
        "ko": "\\(o_k = e^{{z_k}} / S\\), \\(S = \\sum_j e^{{z_j}}\\)이므로 지수 함수의 값과 그 합을 먼저 "
        "구합니다.",
        "en": "With \\(o_k = e^{{z_k}} / S\\) and \\(S = \\sum_j e^{{z_j}}\\), the exponentials and their "
        "sum "
        "come first:",
    },
    # -- gradient descent on a parabola ----------------------------------------------------------
    "exercise_ask_parabola": {
        "ko": "{t.loss_function} \\({function}\\)에서 \\(w_0 = {start}\\)부터 {t.learning_rate} "
        "\\(\\alpha = {rate}\\)로 {t.gradient_descent}을 {times} 적용합니다. \\({target}\\)의 값을 "
        "구하십시오.",
        "en": "Starting at \\(w_0 = {start}\\), {t.gradient_descent} with the {t.learning_rate} "
        "\\(\\alpha = {rate}\\) takes {times} on the {t.loss_function} \\({function}\\). Compute "
        "\\({target}\\).",
    },
    "exercise_solve_parabola": {
        "ko": "도함수는 \\({slope}\\)입니다. 갱신할 때마다 "
        "\\(w_{{k+1}} = w_k - \\alpha E'(w_k)\\)를 계산합니다.",
        "en": "The derivative is \\({slope}\\); each step computes \\(w_{{k+1}} = w_k - \\alpha E'(w_k)\\):",
    },
    "exercise_times_1": {"ko": "한 번", "en": "one step"},
    "exercise_times_2": {"ko": "두 번", "en": "two steps"},
    "exercise_times_3": {"ko": "세 번", "en": "three steps"},
}
