"""The words of the ``nnref`` command (``--lang ko|en``); ``--help`` stays in English (argparse).

Fields in braces are filled by :func:`nnref.words.t`; ``{t.key}`` is a glossary term.
"""

from __future__ import annotations

__all__ = ["CLI"]

CLI: dict[str, dict[str, str]] = {
    "error_prefix": {"ko": "오류", "en": "error"},
    "wrote": {"ko": "{path} 파일을 썼습니다", "en": "wrote {path}"},
    # derive: document structure
    "network_heading": {"ko": "신경망과 주어진 값", "en": "The network and the givens"},
    "custom_title": {"ko": "{sizes} 신경망의 역전파", "en": "Backpropagation in a {sizes} network"},
    # the built-in examples' titles: "example_" + the example's name (nnref.examples)
    "example_wikidocs-07-05": {
        "ko": "위키독스 07-05 역전파 예제",
        "en": "The wikidocs 07-05 backpropagation example",
    },
    "example_and": {"ko": "AND 게이트 {t.perceptron}", "en": "AND gate {t.perceptron}"},
    "example_or": {"ko": "OR 게이트 {t.perceptron}", "en": "OR gate {t.perceptron}"},
    "example_nand": {"ko": "NAND 게이트 {t.perceptron}", "en": "NAND gate {t.perceptron}"},
    "example_xor": {
        "ko": "XOR = AND(OR, NAND) 2층 {t.perceptron}",
        "en": "XOR = AND(OR, NAND) two-layer {t.perceptron}",
    },
    "sizes_row": {"ko": "층의 뉴런 수", "en": "Neurons per layer"},
    "activation_row": {"ko": "{t.activation_function}", "en": "Activation functions"},
    "loss_row": {"ko": "{t.loss_function}", "en": "Loss function"},
    "bias_row": {"ko": "{t.bias}", "en": "Bias"},
    "inputs_row": {"ko": "입력", "en": "Inputs"},
    "targets_row": {"ko": "{t.target}", "en": "Targets"},
    "rate_row": {"ko": "{t.learning_rate}", "en": "Learning rate"},
    "weights_row": {"ko": "{t.weight}", "en": "Weights"},
    "biases_row": {"ko": "{t.bias} 값", "en": "Bias values"},
    "yes": {"ko": "있음", "en": "yes"},
    "no": {"ko": "없음", "en": "no"},
    # The answer to a yes/no column ("equal to the gradient?"): 있음/없음 would say "present".
    "agrees_yes": {"ko": "같음", "en": "yes"},
    "agrees_no": {"ko": "다름", "en": "no"},
    "item": {"ko": "항목", "en": "Item"},
    "value": {"ko": "값", "en": "Value"},
    "iteration_heading": {"ko": "{t.iteration} {number}", "en": "Iteration {number}"},
    "forward_heading": {"ko": "{t.forward_propagation}", "en": "Forward propagation"},
    "loss_heading": {"ko": "{t.error}", "en": "The error"},
    "backward_heading": {"ko": "{t.backpropagation}", "en": "Backpropagation"},
    "update_heading": {
        "ko": "{t.gradient_descent:으로} {t.parameter} {t.update}",
        "en": "Updating the parameters by gradient descent",
    },
    "check_heading_one": {"ko": "결과 확인: 갱신 1회 후", "en": "The check: after one update"},
    "check_heading": {"ko": "결과 확인: 갱신 {steps}회 후", "en": "The check: after {steps} updates"},
    "published_heading": {"ko": "게시된 값과 비교", "en": "Against the published values"},
    "no_steps": {
        "ko": "갱신 횟수(--steps)가 0이므로 기울기만 구하고 매개변수는 갱신하지 않습니다.",
        "en": "With --steps 0 the gradients are derived and no parameter is updated.",
    },
    # derive on a perceptron
    "truth_table_heading": {"ko": "{t.truth_table}", "en": "Truth table"},
    "output": {"ko": "출력", "en": "Output"},
    "no_gradient_heading": {"ko": "역전파를 할 수 없는 이유", "en": "Why there is no gradient"},
    "no_gradient": {
        "ko": (
            "이 퍼셉트론의 활성화 함수는 계단 함수입니다. 계단 함수의 도함수는 z = 0이 아닌 모든 곳에서 "
            "0이고 z = 0에서는 정의되지 않으므로, 연쇄 법칙으로 구한 기울기는 모두 0이거나 정의되지 "
            "않습니다. 그래서 경사 하강법으로는 가중치를 바꿀 수 없고, 퍼셉트론은 퍼셉트론 학습 규칙으로 "
            "학습합니다. 역전파를 보려면 --example wikidocs-07-05처럼 미분할 수 있는 활성화 함수를 쓰는 "
            "신경망을 고르십시오."
        ),
        "en": (
            "This perceptron's activation function is the step function. Its derivative is 0 "
            "wherever z is not 0 and undefined at z = 0, so every gradient the chain rule gives is "
            "0 or undefined: gradient descent cannot change the weights, and a perceptron is "
            "trained with the perceptron learning rule instead. For backpropagation, pick a "
            "network with differentiable activation functions, such as --example wikidocs-07-05."
        ),
    },
    # check
    "check_right": {"ko": "✓ {name} = {given}: 맞습니다.", "en": "✓ {name} = {given}: right."},
    "check_wrong": {
        "ko": "✗ {name} = {given}: 틀렸습니다. 소수 {places}자리로 반올림한 정확한 값은 {expected}입니다.",
        "en": "✗ {name} = {given}: wrong. The exact value rounded to {places} decimals is {expected}.",
    },
    "check_belongs": {"ko": "{given:은} {names}의 값입니다.", "en": "{given} is the value of {names}."},
    "check_summary": {
        "ko": "답 {count}개 중 {right}개가 맞았습니다.",
        "en": "{right} of {count} answers right.",
    },
    "check_all_right": {
        "ko": "모두 맞았습니다 ({count}개 중 {count}개).",
        "en": "All answers right ({count} of {count}).",
    },
    # train
    "train_start": {
        "ko": "{data} 학습: 신경망 {sizes} ({activations}, {loss}), 에포크 {epochs}, 배치 크기 {batch}, "
        "학습률 {rate}, 시드 {seed}, 에포크당 이터레이션 {per_epoch}",
        "en": "training on {data}: network {sizes} ({activations}, {loss}), {epochs} epochs, batch size "
        "{batch}, learning rate {rate}, seed {seed}, {per_epoch} iterations per epoch",
    },
    "epoch_line": {
        "ko": "에포크 {epoch}/{epochs}  손실 {loss}  정확도 {accuracy}  이터레이션 {iterations}",
        "en": "epoch {epoch}/{epochs}  loss {loss}  accuracy {accuracy}  iterations {iterations}",
    },
    "val_part": {
        "ko": "  테스트 손실 {loss}  테스트 {t.accuracy} {accuracy}",
        "en": "  test loss {loss}  test accuracy {accuracy}",
    },
    "train_done": {
        "ko": "학습을 마쳤습니다. 마지막 {t.update} 후 {t.training_data}의 손실 {loss}, {t.accuracy} "
        "{accuracy}",
        "en": "done: after the last update, training loss {loss}, accuracy {accuracy}",
    },
    "predictions": {"ko": "입력별 예측값:", "en": "predictions per input:"},
    "plot_title": {"ko": "학습 곡선: {data}", "en": "Learning curve: {data}"},
    "plot_epoch": {"ko": "{t.epoch}", "en": "epoch"},
    "plot_loss": {"ko": "손실", "en": "loss"},
    "plot_train": {"ko": "{t.training_data}", "en": "{t.training_data}"},
    "plot_test": {"ko": "{t.test_data}", "en": "{t.test_data}"},
    # limits (nnref.cli.limits): --help and the command-line page print these
    "limit_derive_sizes": {
        "ko": "층은 입력층을 포함해 {layers}개까지, 매개변수(가중치와 편향)는 {parameters}개까지"
        "(--format json은 {json_parameters}개까지)입니다. 연쇄 법칙 경로도 모든 매개변수를 통틀어 "
        "{paths}개까지입니다. 매개변수에서 손실까지 가는 경로마다 편미분을 곱한 항이 하나씩 생깁니다.",
        "en": "at most {layers} layers, the input layer included; at most {parameters} parameters (weights "
        "and biases; {json_parameters} with --format json); at most {paths} chain-rule paths over all "
        "parameters (one product of partial derivatives per path from a parameter to the loss)",
    },
    "limit_derive_steps": {
        "ko": "0부터 {steps}까지이고, 연쇄 법칙 경로 수 × (--steps + 1)은 {work}까지입니다"
        "(--format json은 {json_work}까지).",
        "en": "0 to {steps}, and chain-rule paths x (--steps + 1) at most {work} ({json_work} with "
        "--format json)",
    },
    "limit_derive_digits": {"ko": "1부터 {digits}까지입니다.", "en": "1 to {digits}"},
    "limit_derive_truth_table": {
        "ko": "계단 함수 신경망의 진리표는 2^n행이므로 입력은 {truth_inputs}개까지입니다.",
        "en": "a step network's truth table has 2^n rows: at most {truth_inputs} inputs",
    },
    "limit_numbers": {
        "ko": "숫자 하나는 {number_digits}자리까지이고, 0이 아니면 크기가 1e-{exponent}에서 "
        "1e{exponent} 사이여야 합니다.",
        "en": "a number has at most {number_digits} digits and is 0 or has a magnitude from 1e-{exponent} "
        "to 1e{exponent}",
    },
    "limit_train_sizes": {
        "ko": "매개변수는 {train_parameters}개까지입니다. 컴퓨터에 남은 메모리보다 많이 필요한 신경망이나 "
        "배치는 학습을 시작하기 전에 거절합니다.",
        "en": "at most {train_parameters} parameters, and no network or batch that needs more memory "
        "than the machine has available (refused before training starts)",
    },
    "limit_train_epochs": {
        "ko": "1부터 {epochs}까지이고, {t.epoch} 수 × {t.training_data} 수 × {t.parameter} 수는 "
        "{train_work}까지입니다.",
        "en": "1 to {epochs}, and epochs x training samples x parameters at most {train_work}",
    },
    "limit_verify_random": {
        "ko": "무작위 신경망은 0개부터 {random}개까지입니다.",
        "en": "0 to {random} random networks",
    },
    "limit_exercises_count": {
        "ko": "장마다 1개부터 {exercise_count}개까지입니다.",
        "en": "1 to {exercise_count} exercises per chapter",
    },
    "limit_exercises_seed": {
        "ko": "0부터 {exercise_seed}까지의 정수입니다.",
        "en": "an integer from 0 to {exercise_seed}",
    },
    # exercises
    "wrote_key": {"ko": "{path} 파일(답안)을 썼습니다", "en": "wrote {path} (answer key)"},
    # verify
    "verify_case": {"ko": "사례", "en": "Case"},
    "verify_network": {"ko": "신경망", "en": "Network"},
    "verify_numpy": {"ko": "정확한 값 대 NumPy", "en": "exact vs NumPy"},
    "verify_central": {"ko": "정확한 값 대 {t.central_difference}", "en": "exact vs central"},
    "verify_result": {"ko": "결과", "en": "Result"},
    "verify_ok": {"ko": "일치", "en": "ok"},
    "verify_fail": {"ko": "불일치", "en": "FAIL"},
    "verify_random_case": {"ko": "무작위 {number}", "en": "random {number}"},
    "verify_summary_ok": {
        "ko": "{count}개 사례 모두 일치합니다 (허용 상대 오차: NumPy {numpy}, 중앙 차분 {central}).",
        "en": "all {count} cases agree (relative tolerance: NumPy {numpy}, central differences {central}).",
    },
    "verify_summary_fail": {
        "ko": "{count}개 사례 중 {failed}개가 일치하지 않습니다.",
        "en": "{failed} of {count} cases disagree.",
    },
    "verify_skipped": {
        "ko": "계단 함수를 쓰는 예제({names})는 미분할 수 없어 제외했습니다.",
        "en": "skipped the step-function examples ({names}): they cannot be differentiated.",
    },
}
