"""The words of the site's pages, in Korean and English: one catalog in nnref.words' shape.

Each entry is ``{"ko": ..., "en": ...}`` with the same ``{fields}`` in both languages; ``{t.key}``
is the glossary's term (:func:`nnref.glossary.term`) and ``{field:은}`` (``:이``, ``:을``, ...)
takes the Korean particle that fits the sound before it, exactly as in :mod:`nnref.words`. Words
the library writes too (CLI, handouts, renderers) live in nnref.words; these are the pages' own.

A page's first block includes this file before the page's snippet (``--8<-- "words.py"``);
tests/test_words.py checks every entry as it checks nnref.words.CATALOG.
"""

import string as _string

from nnref.words import fill as _fill

PAGE_WORDS: dict[str, dict[str, str]] = {
    # -- more than one page
    "piecewise_otherwise": {"ko": "그 외", "en": "otherwise"},
    # -- home.py
    "home_agreement": {
        "ko": "- SymPy 값과 NumPy 값: 상대 차이 \\({numpy}\\) 이하. float64의 반올림 오차 말고는 차이가 "
        "없어야 합니다.\n- SymPy 값과 중앙 차분: 상대 차이 \\({central}\\) 이하. 중앙 차분은 손실 "
        "함수 값의 반올림 오차를 작은 간격으로 나누므로 float64 정밀도까지는 맞지 않습니다.",
        "en": "- SymPy and NumPy: a relative difference of at most \\({numpy}\\): nothing but float64 "
        "rounding.\n- SymPy and central differences: at most \\({central}\\); central differences "
        "divide the rounding error of loss values by a small step, so they cannot reach float64 "
        "precision.",
    },
    # -- backprop/page.py
    "backprop_published_all_match": {
        "ko": "게시된 값 {total}개가 모두 nnref의 값을 같은 자릿수로 반올림한 값과 일치합니다.",
        "en": "All {total} published values equal nnref's value rounded to the same digits.",
    },
    "backprop_published_match": {
        "ko": "게시된 값 {total}개 가운데 {matches}개가 nnref의 값을 같은 자릿수로 반올림한 값과 일치합니다.",
        "en": "Of the {total} published values, {matches} equal nnref's value rounded to the same digits.",
    },
    "backprop_verify_parameter": {"ko": "{t.parameter}", "en": "Parameter"},
    "backprop_verify_exact": {
        "ko": "SymPy (정확한 값, {places}자리)", "en": "SymPy (exact, {places} places)",
    },
    "backprop_verify_numpy": {"ko": "NumPy float64", "en": "NumPy float64"},
    "backprop_verify_central": {"ko": "{t.central_difference}", "en": "Central difference"},
    "backprop_verify_summary": {
        "ko": "정확한 값과 NumPy의 상대 차이는 {numpy_at}에서 가장 큰 {numpy_diff}으로, 허용 범위 "
        "{numpy_tol} 안에 있습니다. 정확한 값과 {t.central_difference}의 상대 차이는 {central_at}에서 "
        "가장 큰 {central_diff}으로, 허용 범위 {central_tol} 안에 있습니다.",
        "en": "The largest relative difference between the exact values and NumPy is {numpy_diff} (at "
        "{numpy_at}), within the tolerance {numpy_tol}; between the exact values and central "
        "differences it is {central_diff} (at {central_at}), within {central_tol}.",
    },
    # The notes' labels are LaTeX: they sit in the aligned formulas they label.
    "backprop_typo_printed": {"ko": "\\text{{게시된 식}}", "en": "\\text{{as printed}}"},
    "backprop_typo_actual": {"ko": "\\text{{실제 }} w_1", "en": "\\text{{actual }} w_1"},
    "backprop_typo_nnref": {"ko": "\\text{{nnref}}", "en": "\\text{{nnref}}"},
    "backprop_factors_displayed": {"ko": "\\text{{표시된 인수의 곱}}", "en": "\\text{{displayed factors}}"},
    "backprop_factors_exact": {"ko": "\\text{{정확한 값}}", "en": "\\text{{exact value}}"},
    "backprop_boundary_o1": {
        "ko": "o_1\\ (\\text{{소수 {places}자리}})", "en": "o_1\\ (\\text{{{places} decimals}})",
    },
    "backprop_boundary_boundary": {"ko": "\\text{{반올림 경계}}", "en": "\\text{{rounding boundary}}"},
    "backprop_boundary_distance": {"ko": "\\text{{경계까지}}", "en": "\\text{{distance}}"},
    "backprop_boundary_float64": {"ko": "\\text{{float64}}", "en": "\\text{{float64}}"},
    "backprop_boundary_float32": {"ko": "\\text{{float32 (정확한 값)}}", "en": "\\text{{float32 (exact)}}"},
    # -- xor.py
    "xor_gate": {"ko": "게이트", "en": "gate"},
    "xor_condition": {"ko": "필요한 조건", "en": "condition needed"},
    "xor_inequality": {"ko": "부등식", "en": "inequality"},
    "xor_separable": {"ko": "직선으로 나뉨", "en": "separable"},
    "xor_yes": {"ko": "예", "en": "yes"},
    "xor_no": {"ko": "아니요", "en": "no"},
    "xor_solution": {"ko": "찾은 매개변수", "en": "parameters found"},
    "xor_contradiction": {"ko": "모순", "en": "contradiction"},
    "xor_no_line": {"ko": "XOR: 나누는 직선 없음", "en": "XOR: no separating line"},
    "xor_class1": {"ko": "출력 1", "en": "output 1"},
    "xor_class0": {"ko": "출력 0", "en": "output 0"},
    "xor_output": {"ko": "출력", "en": "output"},
    "xor_target": {"ko": "{t.target}", "en": "{t.target}"},
    "xor_loss": {"ko": "손실", "en": "loss"},
    "xor_epoch": {"ko": "{t.epoch}", "en": "{t.epoch}"},
    "xor_boundary": {"ko": "{t.decision_boundary}", "en": "{t.decision_boundary}"},
    "xor_network_output": {"ko": "신경망 출력", "en": "network output"},
    "xor_predicted": {"ko": "판정", "en": "class"},
    "xor_setting": {"ko": "설정", "en": "setting"},
    "xor_value": {"ko": "값", "en": "value"},
    "xor_sizes": {"ko": "층별 뉴런 수", "en": "neurons per layer"},
    "xor_activation": {"ko": "{t.activation_function}", "en": "{t.activation_function}"},
    "xor_loss_function": {"ko": "{t.loss_function}", "en": "{t.loss_function}"},
    "xor_learning_rate": {"ko": "{t.learning_rate}", "en": "{t.learning_rate}"},
    "xor_epochs": {"ko": "에포크 수", "en": "epochs"},
    "xor_batch_size": {"ko": "{t.batch_size}", "en": "{t.batch_size}"},
    "xor_init_seed": {"ko": "초기 {t.weight} 시드", "en": "initial {t.weight} seed"},
    "xor_check": {"ko": "확인", "en": "check"},
    "xor_region1": {"ko": "z > 0 (출력 1)", "en": "z > 0 (output 1)"},
    "xor_loss_title": {"ko": "에포크별 학습 손실", "en": "training loss per epoch"},
    "xor_hand_line": {"ko": "앞 장에서 고른 직선", "en": "line picked in the previous chapter"},
    "xor_learned_line": {"ko": "학습 규칙이 찾은 직선", "en": "line the learning rule found"},
    "xor_target1": {"ko": "{t.target} 1", "en": "{t.target} 1"},
    "xor_target0": {"ko": "{t.target} 0", "en": "{t.target} 0"},
    "xor_boundary_title": {
        "ko": "출력이 0.5인 곳이 {t.decision_boundary}",
        "en": "{t.decision_boundary} where the output is 0.5",
    },
    "xor_learned_lines": {
        "ko": "학습 규칙이 찾은 직선(점선)은 {lines}입니다.",
        "en": "The dashed lines, found by the learning rule, are {lines}.",
    },
    "xor_mistakes_first": {
        "ko": "{t.epoch} {epoch}에 {count}개",
        "en": "{count} samples in {t.epoch} {epoch}",
    },
    "xor_mistakes": {"ko": "{t.epoch} {epoch}에 {count}개", "en": "{count} in {t.epoch} {epoch}"},
    "xor_cycle_all": {"ko": "샘플을 모두 틀립니다", "en": "every sample is wrong"},
    "xor_cycle_some": {
        "ko": "{t.epoch}마다 {count}개를 틀립니다",
        "en": "{count} samples are wrong in every {t.epoch}",
    },
    "xor_no_stop": {
        "ko": "XOR에 같은 학습 규칙을 적용하면 {t.epoch} {epochs}번이 지나도 멈추지 않습니다. 틀리는 샘플은 "
        "{counts}이고, {t.epoch} {start}부터는 {cycle}. {t.parameter:이} {t.epoch} {first} 뒤와 "
        "{t.epoch} {again} 뒤에 똑같으므로, 학습은 그 사이의 {t.epoch:을} 끝없이 되풀이합니다.",
        "en": "Applied to XOR, the same rule has not stopped after {epochs} {t.epoch}s. It misclassifies "
        "{counts}, and from {t.epoch} {start} on {cycle}. The {t.parameter}s after {t.epoch} {again} "
        "equal those after {t.epoch} {first}, so training repeats the same {t.epoch}s forever.",
    },
    "xor_greater": {"ko": "{value:이} 0보다 크다", "en": "{value} is greater than 0"},
    "xor_greater_or_equal": {
        "ko": "{value:이} 0보다 크거나 같다",
        "en": "{value} is greater than or equal to 0",
    },
    "xor_eliminate": {"ko": "**\\({v}\\) 소거.** ", "en": "**Eliminate \\({v}\\).** "},
    "xor_pair_up": {
        "ko": "\\({v}\\)의 계수가 양수인 부등식과 음수인 부등식을 짝지어 더하면 \\({v}\\) 항이 없어집니다.",
        "en": "Pair each inequality with a positive coefficient on \\({v}\\) with each one with a negative "
        "coefficient and add them so that \\({v}\\) cancels.",
    },
    "xor_why_add": {
        "ko": " 참인 부등식에 양수를 곱해 더한 것은 다시 참입니다.",
        "en": " Positive multiples of true inequalities add up to a true inequality.",
    },
    "xor_set_aside_one": {
        "ko": " {labels}번 부등식은 \\({v}\\) 값을 한쪽으로만 제한하므로, 다른 변수가 무엇이든 \\({v}\\) "
        "값을 충분히 크게 또는 작게 잡으면 만족됩니다. 그래서 빼 둡니다.",
        "en": " Inequality {labels} bounds \\({v}\\) from one side only: whatever the other variables are, "
        "a large or small enough \\({v}\\) satisfies it, so it is set aside.",
    },
    "xor_set_aside_many": {
        "ko": " {labels}번 부등식은 \\({v}\\) 값을 한쪽으로만 제한하므로, 다른 변수가 무엇이든 \\({v}\\) "
        "값을 충분히 크게 또는 작게 잡으면 만족됩니다. 그래서 빼 둡니다.",
        "en": " Inequalities {labels} bound \\({v}\\) from one side only: whatever the other variables are, "
        "a large or small enough \\({v}\\) satisfies them, so they are set aside.",
    },
    "xor_kept_one": {
        "ko": " {labels}번 부등식에는 \\({v}\\) 항이 없으므로 그대로 둡니다.",
        "en": " Inequality {labels} does not contain \\({v}\\) and is kept as it is.",
    },
    "xor_kept_many": {
        "ko": " {labels}번 부등식에는 \\({v}\\) 항이 없으므로 그대로 둡니다.",
        "en": " Inequalities {labels} do not contain \\({v}\\) and are kept as they are.",
    },
    "xor_duplicate": {
        "ko": "({dup})번 부등식은 ({same})번 부등식과 같으므로 하나만 남깁니다.",
        "en": "({dup}) is the same inequality as ({same}); one of them is kept.",
    },
    "xor_contradiction_found": {
        "ko": "마지막에 나온 ({label})번 부등식 \\({inequality}\\), 즉 '{says}'는 거짓입니다. 처음 네 "
        "부등식이 모두 참이라면 여기서 거짓이 나올 수 없으므로, 네 부등식을 동시에 만족하는 \\(w_1, "
        "w_2, b\\)는 없습니다. 따라서 어떤 {t.perceptron}도 {gate}를 계산하지 못합니다.",
        "en": "The last inequality, ({label}) \\({inequality}\\), says '{says}', which is false. It could "
        "not be if the four starting inequalities all held, so no \\(w_1, w_2, b\\) satisfies all "
        "four: no {t.perceptron} computes {gate}.",
    },
    "xor_solution_found": {
        "ko": "모든 변수를 소거해도 거짓인 부등식이 나오지 않으므로 해가 있습니다. 마지막 변수부터 거꾸로 "
        "대입해 허용 구간에서 가장 간단한 값을 고르면 \\({values}\\)입니다.",
        "en": "No false inequality appears once every variable is gone, so a solution exists. Substituting "
        "back from the last variable and taking the simplest allowed value gives \\({values}\\).",
    },
    "xor_loss_fell": {
        "ko": "학습 손실은 {t.epoch} 1의 {first}에서 {t.epoch} {epochs}의 {last}로 줄었습니다.",
        "en": "The training loss fell from {first} in {t.epoch} 1 to {last} in {t.epoch} {epochs}.",
    },
    # -- epochs_batches.py
    "batches_batch": {"ko": "{t.batch_size}", "en": "{t.batch_size}"},
    "batches_full": {"ko": "전체 배치", "en": "full batch"},
    "batches_iters": {"ko": "에포크당 이터레이션", "en": "iterations per epoch"},
    "batches_memory": {"ko": "배치 하나의 활성값 메모리", "en": "activation memory of one batch"},
    "batches_ms_epoch": {"ko": "에포크당 시간 (ms, 중앙값)", "en": "time per epoch (ms, median)"},
    "batches_ms_iter": {"ko": "이터레이션당 시간 (ms)", "en": "time per iteration (ms)"},
    "batches_train_loss": {"ko": "학습 손실", "en": "training loss"},
    "batches_test_loss": {"ko": "테스트 손실", "en": "test loss"},
    "batches_train_acc": {"ko": "학습 {t.accuracy}", "en": "training {t.accuracy}"},
    "batches_test_acc": {"ko": "테스트 {t.accuracy}", "en": "test {t.accuracy}"},
    "batches_last": {"ko": "마지막 에포크의 학습 손실", "en": "training loss, last epoch"},
    "batches_test_acc_last": {
        "ko": "마지막 에포크의 테스트 {t.accuracy}",
        "en": "test {t.accuracy}, last epoch",
    },
    "batches_epoch": {"ko": "{t.epoch}", "en": "{t.epoch}"},
    "batches_loss": {"ko": "손실", "en": "loss"},
    "batches_iteration": {"ko": "{t.iteration}", "en": "{t.iteration}"},
    "batches_per_epoch_title": {"ko": "에포크별 학습 손실", "en": "Training loss seen during each epoch"},
    "batches_per_iter_title": {
        "ko": "처음 150번의 이터레이션에서 배치별 손실",
        "en": "The first 150 iterations: loss of each batch",
    },
    "batches_fit_title": {
        "ko": "학습 데이터가 적을 때의 학습 손실과 테스트 손실",
        "en": "Few training samples: training and test loss",
    },
    "batches_best": {"ko": "테스트 손실이 가장 낮은 {t.epoch}", "en": "{t.epoch} with the lowest test loss"},
    "batches_row": {"ko": "시점", "en": "when"},
    "batches_first": {"ko": "첫 {t.epoch}", "en": "first {t.epoch}"},
    "batches_best_row": {"ko": "테스트 손실 최저", "en": "lowest test loss"},
    "batches_end": {"ko": "마지막 {t.epoch}", "en": "last {t.epoch}"},
    "batches_underfit": {"ko": "{t.underfitting}", "en": "{t.underfitting}"},
    "batches_overfit": {"ko": "{t.overfitting}", "en": "{t.overfitting}"},
    "batches_data": {
        "ko": "학습 데이터 \\(N = {n}\\)장, 테스트 데이터 {test}장이고, 신경망의 층 너비는 {sizes}입니다.",
        "en": "The training split has \\(N = {n}\\) images, the test split {test}; the network's layer "
        "widths are {sizes}.",
    },
    "batches_settings": {
        "ko": "같은 초기 가중치, 같은 학습률(learning rate) {rate}, 같은 에포크 수({epochs})로 배치 크기만 "
        "바꿔 학습했습니다.",
        "en": "Same initial weights, same learning rate {rate}, same number of epochs ({epochs}); only the "
        "batch size changes.",
    },
    "batches_fitting": {
        "ko": "학습 데이터를 앞의 {n}장으로 줄이고, 은닉 뉴런을 {hidden}개로 늘린 신경망({sizes})을 배치 "
        "크기 {batch}, 학습률 {rate}로 {epochs} 에포크 동안 학습합니다. 테스트 손실은 테스트 데이터 "
        "전체에서 에포크마다 잽니다.",
        "en": "Keep only the first {n} training images, widen the hidden layer to {hidden} neurons "
        "({sizes}), and train with batch size {batch} and learning rate {rate} for {epochs} epochs. "
        "The test loss is measured on the whole test split after every epoch.",
    },
    # -- networks.py
    "networks_layer": {"ko": "층", "en": "Layer"},
    "networks_role": {"ko": "역할", "en": "Role"},
    "networks_neurons": {"ko": "뉴런 수", "en": "Neurons"},
    "networks_weights": {"ko": "가중치 수", "en": "Weights"},
    "networks_biases": {"ko": "편향 수", "en": "Biases"},
    "networks_in": {"ko": "값을 받아 그대로 넘깁니다", "en": "passes the values on"},
    "networks_hidden": {
        "ko": "{t.weighted_sum:과} {t.activation_function}",
        "en": "{t.weighted_sum} and {t.activation_function}",
    },
    "networks_out": {"ko": "최종 출력", "en": "final output"},
    "networks_total": {"ko": "합계", "en": "Total"},
    "networks_neuron": {"ko": "뉴런", "en": "Neuron"},
    "networks_exact": {"ko": "SymPy (정확한 값)", "en": "SymPy (exact)"},
    "networks_float": {"ko": "NumPy (float64)", "en": "NumPy (float64)"},
    "networks_input": {"ko": "입력", "en": "Input"},
    "networks_unit": {"ko": "은닉 상태", "en": "Hidden state"},
    "networks_diff": {"ko": "차이", "en": "Difference"},
    "networks_written_out": {"ko": "펼쳐 쓰면 다음과 같습니다.", "en": "Written out, this is:"},
    "networks_at_givens": {"ko": "\\({givens}\\)일 때는 다음과 같고,", "en": "With \\({givens}\\),"},
    "networks_predict_gives": {
        "ko": "같은 매개변수로 만든 `MLP`의 `predict`(float64)는 {predicted}입니다.",
        "en": "and `MLP.predict` (float64) with the same parameters gives {predicted}.",
    },
    # -- activations.py
    "activations_function": {"ko": "함수", "en": "function"},
    "activations_derivative": {"ko": "도함수", "en": "derivative"},
    "activations_undefined": {"ko": "z = 0에서 정의되지 않음", "en": "undefined at z = 0"},
    "activations_input": {"ko": "입력", "en": "Input"},
    "activations_target": {"ko": "실제값", "en": "Target"},
    "activations_hidden": {"ko": "은닉층 {t.activation_function}", "en": "Hidden {t.activation_function}"},
    "activations_loss": {"ko": "손실 (BCE)", "en": "Loss (BCE)"},
    "activations_layer": {
        "ko": "{t.layer} 번호 (1 = 첫 은닉층, {last} = 출력층)",
        "en": "{t.layer} number (1 = first hidden, {last} = output)",
    },
    "activations_mean_grad": {
        "ko": "{t.layer} 가중치의 평균 |∂E/∂w|",
        "en": "mean |∂E/∂w| of the {t.layer}'s weights",
    },
    "activations_deep_title": {
        "ko": "깊은 신경망의 층별 기울기 크기",
        "en": "Gradient size per layer of a deep network",
    },
    "activations_first": {"ko": "첫 {t.layer}", "en": "First {t.layer}"},
    "activations_last": {"ko": "마지막 {t.layer}", "en": "Last {t.layer}"},
    "activations_ratio": {"ko": "첫 층 / 마지막 층", "en": "First / last"},
    "activations_class": {"ko": "클래스", "en": "Class"},
    "activations_exact": {"ko": "SymPy (정확한 값)", "en": "SymPy (exact)"},
    "activations_decimal": {"ko": "소수 15자리", "en": "15 decimals"},
    "activations_float": {"ko": "NumPy (float64)", "en": "NumPy (float64)"},
    "activations_sum": {"ko": "합", "en": "Sum"},
    "activations_layers": {"ko": "층 수", "en": "Layers"},
    "activations_heaviside": {
        "ko": "SymPy의 미분 결과는 헤비사이드 함수 \\(H(z)\\)이고, SymPy는 \\(H(0) = {h0}\\)로 둡니다. "
        "nnref는 두 엔진 모두 다음 정의를 씁니다.",
        "en": "SymPy's derivative is the Heaviside step function \\(H(z)\\), and SymPy sets \\(H(0) = "
        "{h0}\\). Both nnref engines use this definition instead:",
    },
    "activations_for": {"ko": "", "en": "\\text{{for}}\\: "},
    # -- gradient_descent.py
    "descent_kinds_0": {"ko": "너무 작은 {t.learning_rate}", "en": "{t.learning_rate} too small"},
    "descent_kinds_1": {"ko": "알맞은 {t.learning_rate}", "en": "a good {t.learning_rate}"},
    "descent_kinds_2": {"ko": "너무 큰 {t.learning_rate}", "en": "{t.learning_rate} too large"},
    "descent_loss": {"ko": "손실", "en": "loss"},
    "descent_epoch": {"ko": "{t.epoch}", "en": "{t.epoch}"},
    "descent_rate": {"ko": "{t.learning_rate}", "en": "{t.learning_rate}"},
    "descent_w_last": {"ko": "갱신 {steps}번 뒤의 \\(w\\)", "en": "\\(w\\) after {steps} updates"},
    "descent_e_last": {"ko": "갱신 {steps}번 뒤의 \\(E(w)\\)", "en": "\\(E(w)\\) after {steps} updates"},
    "descent_before": {"ko": "갱신 전 \\(E\\)", "en": "\\(E\\) before"},
    "descent_after": {"ko": "{t.update} 한 번 뒤 \\(E\\)", "en": "\\(E\\) after one {t.update}"},
    "descent_change": {"ko": "변화", "en": "change"},
    "descent_parabola_title": {
        "ko": "E(w) = (w − {minimum})², 시작점 w = {start}",
        "en": "E(w) = (w − {minimum})², start at w = {start}",
    },
    "descent_digits_title": {"ko": "digits 학습 손실", "en": "digits training loss"},
    "descent_train_loss": {"ko": "마지막 에포크의 학습 손실", "en": "training loss, last epoch"},
    "descent_test_loss": {"ko": "테스트 손실", "en": "test loss"},
    "descent_train": {"ko": "학습 손실", "en": "training loss"},
    "descent_dead": {
        "ko": "모든 학습 이미지에 0을 내는 은닉 뉴런",
        "en": "hidden neurons that output 0 for every training image",
    },
    "descent_test_acc": {"ko": "테스트 {t.accuracy}", "en": "test {t.accuracy}"},
    "descent_one_update": {
        "ko": "이 갱신 한 번으로 오차 \\(E\\)는 {before}에서 {after}로 줄어듭니다.",
        "en": "This one update lowers the error \\(E\\) from {before} to {after}.",
    },
    "descent_chance": {
        "ko": "그래서 손실은 열 클래스에 똑같은 확률을 주는 출력의 손실 {uniform} 근처에 머물고, 정확도도 "
        "한 클래스만 고를 때 수준입니다.",
        "en": "So the loss stays near {uniform}, the loss of an output that gives all ten classes the same "
        "probability, and the accuracy is that of always choosing one class.",
    },
    "descent_spike": {
        "ko": "알맞은 학습률에서도 테스트 손실이 에포크 {peak}에 한 번 {peak_loss}까지 튀고, 그 에포크의 "
        "테스트 정확도는 {accuracy}로 떨어집니다. 미니배치(mini-batch) 하나로 구한 기울기는 데이터 "
        "전체의 기울기와 조금씩 달라서, 학습률이 크면 갱신 한 번이 가중치를 잠시 나쁜 쪽으로 밀어낼 "
        "수 있습니다. 이 학습률에서는 그런 일이 되풀이되지 않고, 에포크 {back}에는 테스트 손실이 튀기 "
        "전보다 낮아집니다. 너무 큰 학습률과 다른 점이 이것입니다.",
        "en": "Even the good rate makes the test loss jump once, to {peak_loss} in epoch {peak}, where the "
        "test accuracy drops to {accuracy}. The gradient of one mini-batch differs a little from that "
        "of the whole data set, so with a large learning rate a single update can push the weights "
        "off course for a while. At this rate that does not repeat: by epoch {back} the test loss is "
        "below its level before the jump. That is the difference from a rate that is too large.",
    },
    # -- perceptron.py
    "perceptron_gate": {"ko": "게이트", "en": "gate"},
    "perceptron_threshold": {"ko": "{t.threshold}", "en": "{t.threshold}"},
    "perceptron_epoch": {"ko": "{t.epoch}", "en": "{t.epoch}"},
    "perceptron_mistakes": {"ko": "틀린 샘플 수", "en": "misclassified samples"},
    "perceptron_target": {"ko": "{t.target}", "en": "{t.target}"},
    "perceptron_output": {"ko": "출력", "en": "output"},
    "perceptron_start": {"ko": "시작", "en": "start"},
    "perceptron_same": {"ko": "모두 일치", "en": "all match"},
    "perceptron_update": {"ko": "{t.update}", "en": "{t.update}"},
    "perceptron_none": {"ko": "그대로", "en": "unchanged"},
    "perceptron_raise": {"ko": "x만큼 키움", "en": "raised by x"},
    "perceptron_lower": {"ko": "x만큼 줄임", "en": "lowered by x"},
    "perceptron_fire_missed": {"ko": "1이어야 하는데 0", "en": "1 expected, 0 given"},
    "perceptron_fired_wrongly": {"ko": "0이어야 하는데 1", "en": "0 expected, 1 given"},
    "perceptron_correct": {"ko": "맞음", "en": "correct"},
    "perceptron_case": {"ko": "경우", "en": "case"},
    "perceptron_summary": {
        "ko": "{gate}: 매개변수는 처음 에포크 {updating}번 동안 바뀌었고, 에포크 {last}에서 네 샘플을 모두 "
        "맞혀 학습을 마쳤습니다. 최종 매개변수는 \\({params}\\)입니다.",
        "en": "{gate}: the parameters changed in each of the first {updating} epochs; in epoch {last} every "
        "sample was classified correctly and training stopped with \\({params}\\).",
    },
    "perceptron_settings": {
        "ko": "학습률은 \\(\\alpha = {rate}\\), 시작값은 \\(w_1 = w_2 = b = {first}\\)이고, 에포크는 최대 "
        "{epochs}번까지 돕니다.",
        "en": "Settings: learning rate \\(\\alpha = {rate}\\), start at \\(w_1 = w_2 = b = {first}\\), at "
        "most {epochs} epochs.",
    },
    # -- losses.py
    "losses_name": {"ko": "nnref 이름", "en": "nnref name"},
    "losses_formula": {"ko": "식 (출력 하나에 대한 항)", "en": "Formula (the term of one output)"},
    "losses_value": {"ko": "wikidocs 예제의 E", "en": "E of the wikidocs example"},
    "losses_published": {"ko": "wikidocs가 발표한 'MSE'", "en": "wikidocs's published 'MSE'"},
    "losses_outputs": {"ko": "출력 수 \\(K\\)", "en": "Outputs \\(K\\)"},
    "losses_ratio": {"ko": "mse / sse", "en": "mse / sse"},
    "losses_output": {
        "ko": "출력 \\(o\\) ({t.target} \\(t = 1\\))",
        "en": "output \\(o\\) ({t.target} \\(t = 1\\))",
    },
    "losses_slope": {"ko": "|∂E/∂z|", "en": "|∂E/∂z|"},
    "losses_steps": {"ko": "경사 하강법 갱신 횟수", "en": "gradient-descent updates"},
    "losses_o_axis": {"ko": "출력 \\(o\\)", "en": "output \\(o\\)"},
    "losses_left": {"ko": "가중합에 전해지는 기울기", "en": "Gradient reaching the weighted sum"},
    "losses_right": {"ko": "틀린 출력에서 시작한 학습", "en": "Learning from a wrong output"},
    "losses_pair": {"ko": "출력층 + {t.loss_function}", "en": "Output layer + {t.loss_function}"},
    "losses_reach": {"ko": "\\(o > 0.5\\)가 되기까지의 갱신 횟수", "en": "Updates until \\(o > 0.5\\)"},
    "losses_never": {"ko": "갱신 {steps}번 안에 도달하지 못함", "en": "not within {steps} updates"},
    "losses_case": {"ko": "경우", "en": "Case"},
    "losses_exact": {"ko": "SymPy (정확한 값)", "en": "SymPy (exact)"},
    "losses_decimal": {"ko": "소수 8자리", "en": "8 decimals"},
    "losses_float": {"ko": "NumPy (float64)", "en": "NumPy (float64)"},
    "losses_loss": {"ko": "손실", "en": "Loss"},
}


def page_text(key: str, lang: str, /, **fields: object) -> str:
    """The page words ``key`` in ``lang`` with ``fields`` (and glossary terms) filled in."""
    entry = PAGE_WORDS.get(key)
    if entry is None:
        raise KeyError(f"no page words {key!r} in docs/snippets/words.py")
    return _fill(entry[lang], lang, **fields)


def page_words(prefix: str, lang: str) -> dict[str, str]:
    """Every entry ``<prefix>_<name>`` without fields of its own, as ``{name: text in lang}``
    (a table's or a figure's labels)."""
    start = prefix + "_"
    return {key[len(start):]: page_text(key, lang) for key, entry in PAGE_WORDS.items()
            if key.startswith(start) and not _own_fields(entry[lang])}


def _own_fields(text: str) -> set[str]:
    return {name for _, name, _, _ in _string.Formatter().parse(text) if name and not name.startswith("t.")}
