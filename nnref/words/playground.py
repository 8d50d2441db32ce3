"""Every word the playground page shows (nnref.playground), in Korean and English.

Keys start with ``playground_``; ``{t.key}`` is the glossary term ``key`` in the page's language.
"""

from __future__ import annotations

__all__ = ["PLAYGROUND"]

PLAYGROUND: dict[str, dict[str, str]] = {
    # the form
    "playground_network": {"ko": "신경망", "en": "Network"},
    "playground_sizes": {
        "ko": "층마다 뉴런 수 (입력층부터, 쉼표로 구분)",
        "en": "Neurons per layer (input layer first, comma-separated)",
    },
    "playground_activation": {"ko": "{layer}층 활성화 함수", "en": "Activation function of layer {layer}"},
    "playground_output_layer": {"ko": "출력층", "en": "output layer"},
    "playground_loss": {"ko": "{t.loss_function}", "en": "Loss function"},
    "playground_bias": {"ko": "편향 사용", "en": "Use biases"},
    "playground_example": {"ko": "예제 하나", "en": "One example"},
    "playground_inputs": {"ko": "입력", "en": "Inputs"},
    "playground_targets": {"ko": "{t.target}", "en": "Targets"},
    "playground_weights": {"ko": "{t.weight}", "en": "Weights"},
    "playground_weight_layer": {
        "ko": "{source}층 → {destination}층",
        "en": "Layer {source} → layer {destination}",
    },
    "playground_biases": {"ko": "{t.bias}", "en": "Biases"},
    "playground_rate": {"ko": "{t.learning_rate}", "en": "Learning rate"},
    "playground_step_set": {"ko": "경사 하강법과 연쇄 법칙", "en": "Gradient descent and the chain rule"},
    "playground_rate_hint": {
        "ko": "비워 두면 기울기만 구하고 갱신은 하지 않습니다.",
        "en": "Leave it empty to derive the gradients without an update.",
    },
    "playground_chain": {"ko": "연쇄 법칙을 보여 줄 매개변수", "en": "Parameter whose chain rule is shown"},
    "playground_derive": {"ko": "유도하기", "en": "Derive"},
    "playground_random": {"ko": "무작위 값", "en": "Random values"},
    "playground_wikidocs": {"ko": "위키독스 예제", "en": "wikidocs example"},
    "playground_link": {"ko": "이 신경망의 링크", "en": "Link to this network"},
    "playground_link_done": {
        "ko": "주소 창에 이 신경망의 링크를 넣었습니다.",
        "en": "The address bar now holds the link to this network.",
    },
    "playground_link_copied": {
        "ko": "주소 창에 이 신경망의 링크를 넣고 클립보드에 복사했습니다.",
        "en": "The address bar holds the link to this network, and it was copied to the clipboard.",
    },
    "playground_too_large": {
        "ko": "sizes: 이 신경망은 매개변수(가중치와 편향)가 {count}개입니다. 이 페이지는 {limit}개까지 보여 "
        "줍니다. 층 수나 층의 뉴런 수를 줄이십시오. 더 큰 신경망은 nnref derive 명령으로 유도할 수 있습니다.",
        "en": "sizes gives {count} parameters (weights and biases); this page shows at most {limit}: use "
        "fewer or narrower layers (the nnref derive command takes larger networks)",
    },
    "playground_too_many_layers": {
        "ko": "sizes: 층은 입력층을 포함해 {limit}개까지 쓸 수 있습니다. 입력한 층: {count}개",
        "en": "sizes has {count} layers; this page takes at most {limit}, the input layer included",
    },
    "playground_too_many_paths": {
        "ko": "sizes: 이 신경망은 연쇄 법칙 경로가 모든 매개변수를 통틀어 {count}개입니다. 이 페이지는 "
        "{limit}개까지 다룹니다. 층 수나 층의 뉴런 수를 줄이십시오.",
        "en": "sizes gives {count} chain-rule paths over all parameters; this page takes at most {limit}: "
        "use fewer or narrower layers",
    },
    "playground_bias_value": {
        "ko": "bias: 1(편향 사용)이나 0(편향 없음)이어야 합니다. 입력한 값: {got}",
        "en": "bias must be 1 (with biases) or 0 (without); got {got}",
    },
    "playground_unknown_option": {
        "ko": "주소에 이 페이지가 모르는 항목이 있습니다: {names}. 쓸 수 있는 항목: {allowed}",
        "en": "the address has options this page does not know: {names}; the options are {allowed}",
    },
    "playground_fix_fields": {"ko": "표시한 칸을 고치십시오.", "en": "Fix the marked fields."},
    # progress
    "playground_downloading": {
        "ko": "내려받는 중: {done} / {total} MB",
        "en": "Downloading: {done} of {total} MB",
    },
    "playground_starting": {"ko": "Python을 시작하는 중", "en": "Starting Python"},
    "playground_loading_sympy": {"ko": "SymPy를 불러오는 중", "en": "Loading SymPy"},
    "playground_loading_nnref": {"ko": "nnref를 불러오는 중", "en": "Loading nnref"},
    "playground_ready": {"ko": "준비되었습니다", "en": "Ready"},
    "playground_deriving": {"ko": "유도하는 중", "en": "Deriving"},
    "playground_derived": {
        "ko": "{seconds}초 만에 브라우저에서 유도했습니다 (값 {count}개).",
        "en": "Derived in your browser in {seconds} s ({count} values).",
    },
    "playground_failed": {
        "ko": "플레이그라운드를 시작하지 못했습니다: {reason}",
        "en": "The playground could not start: {reason}",
    },
    "playground_no_worker": {
        "ko": "이 브라우저는 웹 워커를 지원하지 않아 플레이그라운드를 실행할 수 없습니다.",
        "en": "This browser has no web workers, so the playground cannot run.",
    },
    "playground_internal_error": {"ko": "nnref 내부 오류: {reason}", "en": "nnref internal error: {reason}"},
    # the result
    "playground_result": {"ko": "유도 결과", "en": "The derivation"},
    "playground_deltas_heading": {
        "ko": "{t.delta}: 가중합에 대한 {t.error}의 {t.partial_derivative}",
        "en": "Deltas: the error's partial derivative with respect to each weighted sum",
    },
    "playground_chain_heading": {"ko": "연쇄 법칙: {symbol}", "en": "The chain rule: {symbol}"},
    "playground_no_rate": {
        "ko": "{t.learning_rate}을 비워 두었으므로 {t.parameter}는 갱신하지 않습니다.",
        "en": "The learning rate is empty, so no parameter is updated.",
    },
    "playground_no_script": {
        "ko": "이 페이지는 자바스크립트로 브라우저에서 Python을 실행합니다. 자바스크립트를 켜면 신경망을 "
        "유도할 수 있습니다.",
        "en": "This page runs Python in your browser with JavaScript: turn JavaScript on to derive a "
        "network.",
    },
    # links to the playground from other pages (Markdown; {url} is the prefilled address)
    "playground_link_backprop": {
        "ko": "이 장의 예제는 [브라우저에서 직접 유도해 볼 수 있습니다]({url}). 숫자나 층을 바꾸면 nnref가 "
        "같은 표와 수식을 그 자리에서 다시 계산합니다.",
        "en": "You can [derive this chapter's example in your browser]({url}): change the numbers or the "
        "layers, and nnref computes the same tables and formulas again on the spot.",
    },
    "playground_link_derive": {
        "ko": "위의 신경망은 설치 없이 [브라우저에서도 유도할 수 있습니다]({url}). 값을 바꿔 가며 결과를 "
        "비교해 보십시오.",
        "en": "The network above also [derives in your browser]({url}), with nothing to install: change its "
        "values and compare.",
    },
    "playground_link_cli": {
        "ko": "위에서 옵션으로 준 신경망은 [브라우저에서도 유도할 수 있습니다]({url}). 그 페이지의 주소는 "
        "`nnref derive`와 같은 옵션 이름(sizes, activation, loss, x, target, weights)을 씁니다.",
        "en": "The network given with options above also [derives in your browser]({url}); that page's "
        "address uses the option names of `nnref derive` (sizes, activation, loss, x, target, weights).",
    },
}
