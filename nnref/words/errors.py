"""The words of the errors a user's input can cause (raised as :class:`nnref.errors.InputError`).

Fields named ``name`` or ``argument`` hold the argument the message is about; the ``nnref``
command replaces them with its option names (``weights`` -> ``--weights``).
"""

from __future__ import annotations

__all__ = ["ERRORS"]

ERRORS: dict[str, dict[str, str]] = {
    # parts of messages (nnref.errors.Phrase)
    "hint_did_you_mean": {"ko": " (혹시 {name}인가요?)", "en": " (did you mean {name}?)"},
    "more_than": {"ko": "{count} 초과", "en": "more than {count}"},
    "option_item": {"ko": "{option}의 {item}번째 값", "en": "{option} item {item}"},
    # the command's options (nnref.cli)
    "error_cli_lr": {
        "ko": "--lr에는 0.5처럼 0보다 큰 유한한 수를 주어야 합니다. 받은 값: {got}",
        "en": "--lr must be a finite number > 0 such as 0.5; got {got}",
    },
    "error_cli_batch_pairs": {
        "ko": "--x를 {inputs}번, --target을 {targets}번 주었습니다. 미니배치의 샘플마다 --x와 --target을 "
        "한 번씩 짝지어 주십시오.",
        "en": "--x is given {inputs} times and --target {targets} times: give one --target per --x "
        "(one pair per sample of the mini-batch)",
    },
    "error_cli_example_combined": {
        "ko": "--example은 {extra}와 함께 쓸 수 없습니다. 예제가 신경망과 값을 정해 두기 때문입니다"
        "(--lr로 {t.learning_rate}만 바꿀 수 있습니다).",
        "en": "--example cannot be combined with {extra}: the example fixes the network and its values "
        "(only --lr may override its learning rate)",
    },
    "error_cli_gate_lr": {
        "ko": "--example {example}에는 --lr을 쓸 수 없습니다. 계단 함수를 쓰는 퍼셉트론은 미분할 수 없으므로 "
        "derive가 진리표를 보여 줍니다.",
        "en": "--lr does not apply to --example {example}: a perceptron with the step function cannot be "
        "differentiated, and derive shows its truth table",
    },
    "error_cli_no_network": {
        "ko": "--example NAME({examples})을 주거나 --sizes, --x, --target, --weights로 신경망을 주십시오.",
        "en": "give --example NAME ({examples}) or a network with --sizes, --x, --target and --weights",
    },
    "error_cli_biases_without_bias": {
        "ko": "--biases는 --bias와 함께 써야 합니다(편향이 없는 신경망에는 편향 값이 없습니다).",
        "en": "--biases needs --bias (a network without bias has no bias values)",
    },
    "error_cli_gate_options": {
        "ko": "계단 함수를 쓰는 신경망에는 --x, --target, --lr을 쓸 수 없습니다. 미분할 수 없으므로 derive는 "
        "0/1 입력에 대한 진리표를 보여 줍니다.",
        "en": "--x, --target and --lr do not apply to a network with a step activation: it cannot be "
        "differentiated, and derive shows its truth table over 0/1 inputs",
    },
    "error_cli_truth_table": {
        "ko": "--sizes: 계단 함수 신경망의 진리표는 2^n행이므로 입력은 {limit}개까지입니다. 받은 입력 수: "
        "{got}",
        "en": "--sizes: a step network's truth table needs at most {limit} inputs (2^n rows); got {got}",
    },
    "error_cli_required_parameters": {
        "ko": "{option:이} 필요합니다. 값 {count}개({first}..{last})를 쉼표로 구분해 주십시오.",
        "en": "{option} is required: {count} values ({first}..{last}), comma-separated",
    },
    "error_cli_required_inputs": {
        "ko": "{option:이} 필요합니다. 입력값 {count}개를 쉼표로 구분해 주십시오.",
        "en": "{option} is required: {count} input values, comma-separated",
    },
    "error_cli_required_targets": {
        "ko": "{option:이} 필요합니다. {t.target} {count}개를 쉼표로 구분해 주십시오.",
        "en": "{option} is required: {count} target values, comma-separated",
    },
    "error_cli_answer_required": {
        "ko": "--answer가 필요합니다. --answer dE/dw3=0.00080888처럼 NAME=NUMBER로 주십시오.",
        "en": "--answer is required: give NAME=NUMBER, such as --answer dE/dw3=0.00080888",
    },
    "error_cli_answer_form": {
        "ko": "--answer는 dE/dw3=0.00080888처럼 NAME=NUMBER여야 합니다. 받은 값: {got}",
        "en": "--answer must be NAME=NUMBER, such as dE/dw3=0.00080888; got {got}",
    },
    "error_cli_answer_twice": {
        "ko": "--answer에 {name:이} 두 번 있습니다. 값마다 한 번씩만 주십시오.",
        "en": "--answer gives {name} twice; give each quantity once",
    },
    "error_cli_answer_quantity": {"ko": "--answer {name}: {reason}", "en": "--answer {name}: {reason}"},
    "error_cli_check_gate": {
        "ko": "nnref check에는 미분할 수 있는 신경망이 필요합니다. 계단 함수 신경망에는 유도 과정이 아니라 "
        "진리표가 있습니다(nnref derive로 볼 수 있습니다).",
        "en": "nnref check needs a network it can differentiate; a step network has a truth table "
        "(nnref derive shows it), not a derivation",
    },
    "error_cli_train_shape": {
        "ko": "--data {data}에는 입력 {inputs}개로 시작하고 출력 {outputs}개로 끝나는 --sizes를 주어야 "
        "합니다. "
        "받은 값: {got}",
        "en": "--sizes must start with {inputs} (inputs) and end with {outputs} (outputs) for --data {data}; "
        "got {got}",
    },
    "error_cli_exercises_output": {
        "ko": "--output FILE이 필요합니다. nnref exercises는 문제지 FILE과 그 옆에 답안, 이렇게 파일 두 개"
        "(sheet.md와 sheet-key.md)를 씁니다.",
        "en": "--output FILE is required: nnref exercises writes two files, FILE (the problems) and its "
        "answer key next to it (sheet.md and sheet-key.md)",
    },
    "error_cli_plot_suffix": {
        "ko": "--plot 파일 이름은 .png나 .svg로 끝나야 합니다. 받은 값: {got}",
        "en": "--plot must end in .png or .svg; got {got}",
    },
    "error_cli_output_folder": {
        "ko": "{option}에는 폴더가 아니라 파일 경로를 주어야 합니다. 받은 값: {got}",
        "en": "{option} must be a file path, not a folder; got {got}",
    },
    "error_cli_output_no_folder": {
        "ko": "{option}: 폴더 {folder:이} 없습니다. 받은 값: {got}",
        "en": "{option}: the folder {folder} does not exist; got {got}",
    },
    "error_cli_output_write": {
        "ko": "{option}: {got}에 쓸 수 없습니다: {reason}",
        "en": "{option}: cannot write {got}: {reason}",
    },
    "error_cli_missing_module": {
        "ko": '{purpose}에는 {module:이} 필요한데 설치되어 있지 않습니다: pip install "nnref[{extra}]"',
        "en": '{purpose} needs {module}, which is not installed: pip install "nnref[{extra}]"',
    },
    # derivations (nnref.symbolic.chain)
    "error_target_unit": {
        "ko": "손실 함수 {loss}의 {argument:은} 0 이상 1 이하여야 합니다. 받은 값: {got}",
        "en": "{argument} must lie in [0, 1] for loss {loss}; got {got}",
    },
    "error_target_distribution": {
        "ko": "손실 함수 {loss}의 {argument:은} 0 이상이고 합이 정확히 1이어야 합니다(확률 분포). "
        "받은 값: {got} (합 {sum})",
        "en": "{argument} must be non-negative and sum to exactly 1 for loss {loss} (a probability "
        "distribution); got {got} (sum {sum})",
    },
    "error_no_learning_rate": {
        "ko": "derive()에 learning_rate를 주지 않았습니다. learning_rate='0.5'처럼 0보다 큰 값을 주십시오.",
        "en": "learning_rate was not given to derive(): pass learning_rate='0.5' (> 0)",
    },
    "error_not_a_parameter": {
        "ko": "{argument}에는 이 신경망의 {t.parameter}({first}..{last}) 가운데 하나를 주어야 합니다. "
        "받은 값: {got}{hint}",
        "en": "{argument} must be a parameter of this network ({first}..{last}); got {got}{hint}",
    },
    "error_not_a_quantity": {
        "ko": "{argument}에는 이 유도에 있는 값의 이름을 주어야 합니다({names}). 받은 값: {got}{hint}",
        "en": "{argument} must be a quantity of this trace ({names}); got {got}{hint}",
    },
    "trace_names": {
        "ko": "{names}; 전체 목록은 tr.names에 있습니다",
        "en": "{names}; tr.names lists them all",
    },
    "trace_names_with_steps": {
        "ko": "{names}; {steps} 같은 연쇄 법칙 단계; 전체 목록은 tr.names에 있습니다",
        "en": "{names}; chain steps such as {steps}; tr.names lists them all",
    },
    # traces and mini-batches (nnref.symbolic.chain)
    "error_net_type": {
        "ko": "{argument}에는 nnref Network를 주어야 합니다. 받은 값: {got}",
        "en": "{argument} must be a nnref Network; got {got}",
    },
    "error_not_a_node": {
        "ko": "{argument}에는 'x1', 'z1', 'h1', 'o1' 같은 노드 이름을 주어야 합니다. 받은 값: {got}",
        "en": "{argument} must be a node name such as 'x1', 'z1', 'h1', 'o1'; got {got}",
    },
    "error_quantity_name_type": {
        "ko": "{argument}에는 'h1', 'E', 'dE/dw5' 같은 값의 이름을 주어야 합니다. 받은 값: {got}",
        "en": "{argument} must be a quantity name such as 'h1', 'E' or 'dE/dw5'; got {got}",
    },
    "error_batch_member": {
        "ko": "{member:은} 샘플 {count}개로 이루어진 이 배치의 샘플 하나에 속합니다. "
        "tr.samples[i].{member}를 쓰십시오(i는 0부터 {last}까지).",
        "en": "{member} belongs to one sample of this {count}-sample batch: use tr.samples[i].{member} "
        "(i from 0 to {last})",
    },
    "error_batch_empty": {
        "ko": "{argument}에는 샘플이 하나 이상 있어야 합니다. 입력값의 리스트나 샘플의 리스트를 주십시오. "
        "받은 값: {got}",
        "en": "{argument} must have at least one sample: a list of input values, or a list of samples; "
        "got {got}",
    },
    "error_batch_mismatch": {
        "ko": "{given}에는 샘플의 배치를 주었는데 {other}에는 샘플 하나를 주었습니다. 둘 다 샘플의 "
        "리스트(샘플마다 리스트 하나)로 주거나 둘 다 샘플 하나로 주십시오. 받은 값: {other}={got}",
        "en": "{given} is a batch of samples but {other} is not: give both as lists of samples (one list "
        "per sample) or both as one sample; got {other}={got}",
    },
    "error_batch_counts": {
        "ko": "x에는 샘플이 {inputs}개, target에는 {targets}개 있습니다. 샘플마다 target을 하나씩 주십시오.",
        "en": "x has {inputs} samples but target has {targets}: give one target per sample",
    },
    # counts and seeds (nnref.numeric.checks)
    "error_int_min0": {
        "ko": "{argument:은} 0 이상의 정수여야 합니다. 받은 값: {got}",
        "en": "{argument} must be an integer >= 0; got {got}",
    },
    # arrays of samples (nnref.numeric.checks) and training settings (nnref.numeric.training)
    "error_array_type": {
        "ko": "{argument}에는 숫자 배열을 주어야 합니다. 받은 값: {got}",
        "en": "{argument} must be an array of numbers; got {got}",
    },
    "error_array_string": {
        "ko": "{argument}에는 숫자 배열을 주어야 합니다. 문자열은 받지 않습니다. 받은 값: {got}",
        "en": "{argument} must be an array of numbers; got a string {got}",
    },
    "error_array_finite": {
        "ko": "{argument}에는 유한한 수만 있어야 합니다(NaN, inf 불가). 받은 값: {got} (위치 {index})",
        "en": "{argument} must contain only finite numbers (no NaN or inf); got {got} at index {index}",
    },
    "error_rows_shape": {
        "ko": "{argument}의 모양은 (n_samples, {width})(n_samples >= 1, 샘플마다 {what} {width}개)이거나, "
        "샘플 하나일 때 ({width},)이어야 합니다. 받은 모양: {shape}",
        "en": "{argument} must have shape (n_samples, {width}) with n_samples >= 1 ({width} {what} per "
        "sample), or shape ({width},) for one sample; got shape {shape}",
    },
    "rows_inputs": {"ko": "입력값", "en": "inputs"},
    "rows_targets": {"ko": "실제값", "en": "targets"},
    "error_rows_count": {
        "ko": "{argument}에는 X의 샘플마다 행이 하나씩({count}개) 있어야 합니다. 받은 행 수: {got}",
        "en": "{argument} must have one row per sample of X ({count}); got {got} rows",
    },
    "error_target_negative": {
        "ko": "손실 함수 {loss}의 {argument:은} 0 이상이어야 합니다({t.one_hot_encoding} 또는 확률). "
        "받은 값: {got}",
        "en": "{argument} must be non-negative for loss {loss} (one-hot or probabilities); got {got}",
    },
    "error_target_row_sum": {
        "ko": "손실 함수 {loss}의 {argument:은} 행마다 0 이상이고 합이 1이어야 합니다({t.one_hot_encoding} "
        "또는 확률). {row}번 행의 합: {sum}",
        "en": "{argument} must have non-negative rows summing to 1 for loss {loss} (one-hot or "
        "probabilities); row {row} sums to {sum}",
    },
    "error_bool_type": {
        "ko": "{argument}에는 True나 False를 주어야 합니다. 받은 값: {got}",
        "en": "{argument} must be True or False; got {got}",
    },
    "error_callback_type": {
        "ko": "{argument}에는 (epoch, history)를 받는 함수나 None을 주어야 합니다. 받은 값: {got}",
        "en": "{argument} must be a function (epoch, history) or None; got {got}",
    },
    "error_validation_type": {
        "ko": "{argument}에는 (X_val, Y_val) 쌍이나 None을 주어야 합니다. 받은 값: {got}",
        "en": "{argument} must be a pair (X_val, Y_val) or None; got {got}",
    },
    "error_order": {
        "ko": "{argument:은} 2나 4여야 합니다. 받은 값: {got}",
        "en": "{argument} must be 2 or 4; got {got}",
    },
    "error_sample_lengths": {
        "ko": "x에는 값이 {inputs}개, target에는 {outputs}개 있어야 합니다(층의 뉴런 수). "
        "받은 개수: {got_inputs}개와 {got_outputs}개",
        "en": "x must have {inputs} values and target {outputs} (the layer widths); got {got_inputs} and "
        "{got_outputs}",
    },
    # rows of exact numbers (nnref.numeric.perceptron, nnref.symbolic.rnn)
    "error_rows_type": {
        "ko": "{argument}에는 입력 행을 하나 이상 담은 시퀀스를 주어야 합니다. 받은 값: {got}",
        "en": "{argument} must be a non-empty sequence of input rows; got {got}",
    },
    "error_row_type": {
        "ko": "{argument}에는 숫자를 하나 이상 담은 시퀀스를 주어야 합니다. 받은 값: {got}",
        "en": "{argument} must be a non-empty sequence of numbers; got {got}",
    },
    "error_row_length": {
        "ko": "{argument}에는 다른 행처럼 값이 {expected}개 있어야 합니다. 받은 개수: {got}",
        "en": "{argument} must have {expected} values like the other rows; got {got}",
    },
    "error_weights_length": {
        "ko": "{argument}에는 값이 {length}개(가중치마다 하나) 있어야 합니다. 받은 개수: {got}",
        "en": "{argument} must have {length} values (one per weight); got {got}",
    },
    "error_binary_targets_type": {
        "ko": "{argument}에는 0과 1로 이루어진 시퀀스를 주어야 합니다. 받은 값: {got}",
        "en": "{argument} must be a sequence of 0 and 1; got {got}",
    },
    "error_targets_count": {
        "ko": "{argument}에는 X의 행마다 값이 하나씩({count}개) 있어야 합니다. 받은 개수: {got}",
        "en": "{argument} must have one value per row of X ({count}); got {got}",
    },
    "error_binary_target": {
        "ko": "{argument:은} 0이나 1이어야 합니다. 받은 값: {got}",
        "en": "{argument} must be 0 or 1; got {got}",
    },
    # a student's answers (nnref.symbolic.check)
    "error_answer_decimal": {
        "ko": "{argument}에는 '0.0259', '-1.5e-3' 같은 소수를 주어야 합니다. 받은 값: {got}",
        "en": "{argument} must be a decimal number such as '0.0259' or '-1.5e-3'; got {got}",
    },
    "error_answer_finite": {
        "ko": "{argument:은} 유한한 수여야 합니다. 받은 값: {got}",
        "en": "{argument} must be a finite number; got {got}",
    },
    "error_answer_type": {
        "ko": "{argument}에는 소수 문자열, float, Decimal, Fraction 가운데 하나를 주어야 합니다. "
        "받은 값: {got}",
        "en": "{argument} must be a decimal string, a float, a Decimal or a Fraction; got {got}",
    },
    "error_answer_places": {
        "ko": "{argument}의 소수 자릿수가 {places}자리입니다. 확인할 수 있는 것은 {limit}자리까지입니다.",
        "en": "{argument} has {places} decimals; at most {limit} can be checked",
    },
    "error_answer_terminating": {
        "ko": "{argument}에는 1/8처럼 유한소수로 나타나는 수를 주어야 합니다. 받은 값: {got}",
        "en": "{argument} must have a terminating decimal expansion (such as 1/8); got {got}",
    },
    "error_answers_type": {
        "ko": "{argument}에는 {{'dE/dw1': '0.0259'}}처럼 값의 이름과 숫자를 짝지은 매핑을 주어야 합니다. "
        "받은 값: {got}",
        "en": "{argument} must be a mapping of quantity names to numbers, such as {{'dE/dw1': '0.0259'}}; "
        "got {got}",
    },
    "error_steps_list": {
        "ko": "{argument}에는 보여 줄 갱신 횟수를 하나 이상 목록으로 주어야 합니다(예: range(4)). "
        "받은 값: {got}",
        "en": "{argument} must list one or more numbers of updates to show (such as range(4)); got {got}",
    },
    "error_answers_empty": {
        "ko": "{argument}에는 {{'dE/dw1': '0.0259'}}처럼 값을 하나 이상 주어야 합니다. 받은 값: {{}}",
        "en": "{argument} must name at least one quantity, such as {{'dE/dw1': '0.0259'}}; got {{}}",
    },
    # the command's size limits (nnref.cli.limits) and option combinations (nnref.cli.run_derive)
    "cli_with_bias": {"ko": " (--bias 포함)", "en": " with --bias"},
    "error_cli_derive_layers": {
        "ko": "--sizes {sizes}에는 층이 {count}개 있습니다. nnref derive는 입력층과 출력층을 포함해 층 "
        "{limit}개까지 다룹니다.",
        "en": "--sizes {sizes} has {count} layers; nnref derive takes at most {limit} (the input and output "
        "layers included)",
    },
    "error_cli_derive_parameters": {
        "ko": "--sizes {sizes}{bias}의 {t.parameter:은} {count}개입니다. nnref derive --format {form}에서는 "
        "{limit}개까지 다룹니다. 층 수나 층의 뉴런 수를 줄이십시오.",
        "en": "--sizes {sizes}{bias} has {count} parameters; nnref derive --format {form} takes at most "
        "{limit}: use fewer or narrower layers",
    },
    "error_cli_derive_paths": {
        "ko": "--sizes {sizes}에는 {t.chain_rule} 경로가 {paths}개 필요합니다({t.parameter}에서 손실까지 "
        "경로마다 곱 하나, 모든 {t.parameter}에 대해 센 수). nnref derive는 {limit}개까지 다룹니다. "
        "층 수나 층의 뉴런 수를 줄이십시오.",
        "en": "--sizes {sizes} needs {paths} chain-rule paths (one product per path from a parameter to the "
        "loss, counted over all parameters); nnref derive takes at most {limit}: use fewer or "
        "narrower layers",
    },
    "error_cli_derive_work_one": {
        "ko": "--sizes {sizes}에서 --steps {steps}는 {t.chain_rule} 경로 {paths}개 x 유도 {derivations}번 = "
        "{total}입니다. nnref derive --format {form}에서는 {limit}까지 다룹니다. 이 신경망에는 "
        "--steps {most} 이하를 쓰십시오.",
        "en": "--steps {steps} with --sizes {sizes} means {paths} chain-rule paths x {derivations} "
        "derivations = {total}; nnref derive --format {form} takes at most {limit}: use at most "
        "--steps {most} for this network",
    },
    "error_cli_derive_work_batch": {
        "ko": "--sizes {sizes}에서 --steps {steps}는 {t.chain_rule} 경로 {paths}개 x 샘플 {samples}개 x "
        "유도 {derivations}번 = {total}입니다. nnref derive --format {form}에서는 {limit}까지 "
        "다룹니다. 이 신경망에는 --steps {most} 이하를 쓰거나 샘플 수를 줄이십시오.",
        "en": "--steps {steps} with --sizes {sizes} means {paths} chain-rule paths x {samples} samples x "
        "{derivations} derivations = {total}; nnref derive --format {form} takes at most {limit}: use "
        "at most --steps {most} for this network (or fewer samples)",
    },
    "error_cli_train_parameters": {
        "ko": "--sizes {sizes}의 {t.parameter:은} {count}개입니다. nnref train은 {limit}개까지 다룹니다. 층 "
        "수나 층의 뉴런 수를 줄이십시오.",
        "en": "--sizes {sizes} has {count} parameters; nnref train takes at most {limit}: use fewer or "
        "narrower layers",
    },
    "error_cli_train_work": {
        "ko": "--epochs {epochs} x 학습 샘플 {samples}개 x {t.parameter} {count}개 = {work}입니다. nnref "
        "train은 {limit}까지 다룹니다. --epochs를 {most} 이하로 하거나 더 작은 신경망을 쓰십시오.",
        "en": "--epochs {epochs} x {samples} training samples x {count} parameters = {work}; nnref train "
        "takes at most {limit}: use --epochs {most} or less, or a smaller network",
    },
    "error_cli_steps_lr": {
        "ko": "--steps {steps}에는 --lr이 필요합니다. 0.5처럼 0보다 큰 {t.learning_rate:을} "
        "주십시오(기울기만 보려면 --steps 0).",
        "en": "--lr is required for --steps {steps}: give a learning rate > 0 such as 0.5 (or --steps 0 for "
        "the gradients only)",
    },
    "error_cli_format_only": {
        "ko": "{option} 옵션은 --format md나 latex에서만 쓸 수 있습니다. 받은 값: --format {format}",
        "en": "{option} works with --format md or latex; got --format {format}",
    },
    # command-line lists and integers (nnref.cli.parsing)
    "error_option_list": {
        "ko": "{option}에는 {example}처럼 쉼표로 구분한 값을 주어야 합니다. 받은 값: {got}",
        "en": "{option} must be comma-separated values such as {example}; got {got}",
    },
    "error_option_item_empty": {
        "ko": "{option}의 {index}번째 값이 비어 있습니다. {example}처럼 쉼표로 구분해 주십시오. "
        "받은 값: {got}",
        "en": "{option} item {index} is empty; give comma-separated values such as {example}; got {got}",
    },
    "error_option_width": {
        "ko": "{option}의 {index}번째 값은 2,3,2처럼 층의 뉴런 수를 나타내는 1 이상의 정수여야 합니다. "
        "받은 값: {got}의 {item}",
        "en": "{option} item {index} must be an integer >= 1 (layer widths such as 2,3,2); "
        "got {item} in {got}",
    },
    "error_option_int_range": {
        "ko": "{option:은} {minimum}부터 {maximum}까지의 정수여야 합니다. 받은 값: {got}",
        "en": "{option} must be an integer from {minimum} to {maximum}; got {got}",
    },
    "error_option_int_range_digits": {
        "ko": "{option:은} {minimum}부터 {maximum}까지의 정수(40자리 이하)여야 합니다. 받은 값: {got}",
        "en": "{option} must be an integer from {minimum} to {maximum} with at most 40 digits; got {got}",
    },
    "error_option_int_min": {
        "ko": "{option:은} {minimum} 이상의 정수여야 합니다. 받은 값: {got}",
        "en": "{option} must be an integer >= {minimum}; got {got}",
    },
    "error_option_int_min_digits": {
        "ko": "{option:은} {minimum} 이상의 정수(40자리 이하)여야 합니다. 받은 값: {got}",
        "en": "{option} must be an integer >= {minimum} with at most 40 digits; got {got}",
    },
    # numbers (nnref.values)
    "error_not_bool": {
        "ko": "{name}에는 숫자를 주어야 합니다. bool은 받지 않습니다. 받은 값: {got}",
        "en": "{name} must be a number, not a bool; got {got}",
    },
    "error_not_finite": {
        "ko": "{name:은} 유한한 수여야 합니다. 받은 값: {got}",
        "en": "{name} must be finite; got {got}",
    },
    "error_zero_denominator": {
        "ko": "{name}의 분모가 0입니다. 받은 값: {got}",
        "en": "{name} has a zero denominator; got {got}",
    },
    "error_not_decimal": {
        "ko": "{name:은} '0.25', '1e-3', '1/3' 같은 소수나 분수여야 합니다. 받은 값: {got}",
        "en": "{name} must be a decimal number such as '0.25', '1e-3' or '1/3'; got {got}",
    },
    "error_number_type": {
        "ko": "{name:은} int, 소수 문자열, Fraction, SymPy Rational, float 가운데 하나여야 합니다. "
        "받은 값: {kind} {got}",
        "en": "{name} must be an int, a decimal string, a Fraction, a SymPy Rational or a float; got {kind} "
        "{got}",
    },
    "error_too_many_digits": {
        "ko": "{name:은} {limit}자리까지 쓸 수 있습니다(분수는 분자와 분모를 합해서). 받은 값: {got} "
        "(자릿수: {digits})",
        "en": "{name} must have at most {limit} digits (numerator and denominator together for a fraction); "
        "got {got} with {digits} digits",
    },
    "error_out_of_range": {
        "ko": "{name:은} 0이거나 크기가 1e-{exponent}에서 1e{exponent} 사이여야 합니다. 받은 값: {got}",
        "en": "{name} must be 0 or have a magnitude from 1e-{exponent} to 1e{exponent}; got {got}",
    },
    "error_not_positive": {
        "ko": "{name:은} 0보다 큰 유한한 수여야 합니다. 받은 값: {got}",
        "en": "{name} must be a finite number > 0; got {got}",
    },
    "error_not_sequence": {
        "ko": "{name:은} 숫자 {length}개의 시퀀스여야 합니다. 받은 값: {got}",
        "en": "{name} must be a sequence of {length} numbers; got {got}",
    },
    "error_length": {
        "ko": "{name}에는 값이 {length}개 있어야 합니다(층의 뉴런 수). 받은 개수: {count}",
        "en": "{name} must have {length} values (the layer width); got {count}",
    },
}


ERRORS.update(
    {
        # names and shapes (nnref.network, nnref.registry)
        "error_name_type": {
            "ko": "{argument}에는 {allowed} 가운데 하나를 문자열로 주어야 합니다. 받은 값: {got}",
            "en": "{argument} must be a string, one of {allowed}; got {got}",
        },
        "error_name": {
            "ko": "{argument}에는 {allowed} 가운데 하나를 주어야 합니다{note}. 받은 값: {got}{hint}",
            "en": "{argument} must be one of {allowed}{note}; got {got}{hint}",
        },
        "error_sizes_type": {
            "ko": "{argument:은} (2, 2, 2)처럼 층별 뉴런 수의 시퀀스여야 합니다. 받은 값: {got}",
            "en": "{argument} must be a sequence of layer widths such as (2, 2, 2); got {got}",
        },
        "error_sizes_short": {
            "ko": "{argument}에는 (2, 2, 2)처럼 층이 두 개 이상(입력층과 출력층) 있어야 합니다. "
            "받은 값: {got}",
            "en": "{argument} needs at least 2 layers (input and output), such as (2, 2, 2); got {got}",
        },
        "error_width": {
            "ko": "{argument:은} 1 이상의 정수여야 합니다. 받은 값: {got}",
            "en": "{argument} must be an integer >= 1; got {got}",
        },
        "error_activation_count": {
            "ko": "{argument}에는 입력층이 아닌 층마다 이름을 하나씩(sizes {sizes}이면 {count}개) 주거나 "
            "이름 하나를 "
            "주어야 합니다. 받은 개수: {given}: {got}",
            "en": "{argument} needs one name per non-input layer ({count} for sizes {sizes}) or a single "
            "name; "
            "got {given}: {got}",
        },
        "error_activation_type": {
            "ko": "{argument:은} 이름 하나나 이름의 시퀀스여야 합니다. 받은 값: {got}",
            "en": "{argument} must be a name or a sequence of names; got {got}",
        },
        "error_bias_type": {
            "ko": "bias는 True나 False여야 합니다. 받은 값: {got}",
            "en": "bias must be True or False; got {got}",
        },
        "error_output_only": {
            "ko": "{argument}에 쓴 {function} 함수는 출력층에서만 쓸 수 있습니다. 은닉층에는 {allowed} "
            "가운데 "
            "하나를 쓰십시오.",
            "en": "{argument} is {function}, which is allowed only on the output layer; use one of "
            "{allowed} "
            "for hidden layers",
        },
        "error_min_width": {
            "ko": "출력층에 {function} 함수를 쓰려면 출력이 {width}개 이상이어야 합니다. 받은 sizes: {sizes}",
            "en": "{function} on the output layer needs at least {width} outputs; got sizes {sizes}",
        },
        "error_loss_needs_sigmoid": {
            "ko": "{argument} {loss}에는 0과 1 사이의 출력이 필요하므로 출력층에 sigmoid를 쓰십시오. 받은 "
            "출력층 "
            "활성화 함수: {output}",
            "en": "{argument} {loss} needs outputs strictly between 0 and 1: use a sigmoid output layer; got "
            "output "
            "activation {output}",
        },
        "error_loss_needs_softmax": {
            "ko": "{argument} {loss}에는 합이 1인 출력이 필요하므로 출력층에 softmax를 쓰십시오. 받은 출력층 "
            "활성화 함수: {output}",
            "en": "{argument} {loss} needs a softmax output layer (outputs that sum to 1); got output "
            "activation {output}",
        },
        "error_not_differentiable": {
            "ko": "{argument}에 쓴 {function} 함수는 도함수가 z = 0이 아닌 모든 곳에서 0이고 z = 0에서는 "
            "정의되지 않으므로, 역전파로 기울기가 전달되지 않습니다. 학습할 신경망의 층에는 {allowed} "
            "가운데 하나를 쓰십시오. {plain} 신경망(퍼셉트론)은 순전파만 합니다.",
            "en": "{argument} is {function}: its derivative is 0 everywhere except at z = 0, where it is "
            "undefined, so backpropagation gets no signal through it. Train a network whose layers are "
            "among {allowed}; a {plain} network (a perceptron) runs forward only.",
        },
        "error_layer": {
            "ko": "layer는 0부터 {last}까지의 정수여야 합니다. 받은 값: {got}",
            "en": "layer must be an integer from 0 to {last}; got {got}",
        },
        "error_biases_required": {
            "ko": "bias=True이면 biases가 필요합니다: 값 {count}개({first}..{last}). 받은 값: None",
            "en": "biases is required when bias=True: {count} values ({first}..{last}); got None",
        },
        "error_biases_unexpected": {
            "ko": "bias=False이면 biases는 None이거나 비어 있어야 합니다(편향 매개변수가 없습니다). 받은 값: "
            "{got}",
            "en": "biases must be None or empty when bias=False (the network has no bias parameters); got "
            "{got}",
        },
        "error_parameter_keys": {
            "ko": "{argument}의 키는 정확히 {first}..{last}({count}개)여야 합니다. 빠진 키: {missing}, "
            "모르는 키: "
            "{unknown}",
            "en": "{argument} must have exactly the keys {first}..{last} ({count} values); missing "
            "{missing}, "
            "unknown {unknown}",
        },
        "error_parameter_type": {
            "ko": "{argument:은} 값 {count}개의 시퀀스나 이름 -> 값 매핑이어야 합니다. 받은 값: {got}",
            "en": "{argument} must be a sequence of {count} values or a mapping name -> value; got {got}",
        },
        "error_parameter_count": {
            "ko": "{argument}에는 값이 {count}개({first}..{last}) 있어야 합니다. 받은 개수: {given}",
            "en": "{argument} must have {count} values ({first}..{last}); got {given}",
        },
    }
)

