"""Every word the playground shows, in Korean and English, in one place.

* :data:`WORDS`: the page's labels, buttons, progress states and result headings.
* :data:`KOREAN_ERRORS`: Korean versions of the nnref messages the playground can show next to
  a field. nnref's validators write English; :func:`localized` keeps the English message as it
  is on the English page and gives its Korean version on the Korean page. Each entry is keyed
  by the failing argument and a pattern of nnref's English text (tests/test_playground.py
  triggers every one through nnref's own validators, so a changed message is noticed). A message
  with no entry is shown in English on the Korean page too.

Korean uses the terms of :mod:`nnref.glossary`.

>>> word("derive", "ko"), word("derive", "en")
('유도하기', 'Derive')
>>> localized("w3 must be a decimal number such as '0.25', '1e-3' or '1/3'; got 'abc'", "ko")
"w3: 0.25, 1e-3, 1/3처럼 소수나 분수로 써야 합니다. 입력한 값: 'abc'"
"""

from __future__ import annotations

import re

from nnref.glossary import term

__all__ = ["KOREAN_ERRORS", "WORDS", "both", "localized", "word"]


WORDS: dict[str, dict[str, str]] = {
    # the form
    "network": {"ko": "신경망", "en": "Network"},
    "sizes": {
        "ko": "층마다 뉴런 수 (입력층부터, 쉼표로 구분)",
        "en": "Neurons per layer (input layer first, comma-separated)",
    },
    "activation": {"ko": "{layer}층 활성화 함수", "en": "Activation function of layer {layer}"},
    "output_layer": {"ko": "출력층", "en": "output layer"},
    "loss": {"ko": term("loss_function", "ko"), "en": term("loss_function", "en").capitalize()},
    "bias": {"ko": "편향 사용", "en": "Use biases"},
    "example": {"ko": "예제 하나", "en": "One example"},
    "inputs": {"ko": "입력", "en": "Inputs"},
    "targets": {"ko": term("target", "ko"), "en": "Targets"},
    "weights": {"ko": term("weight", "ko"), "en": "Weights"},
    "weight_layer": {"ko": "{source}층 → {destination}층", "en": "Layer {source} → layer {destination}"},
    "biases": {"ko": term("bias", "ko"), "en": "Biases"},
    "rate": {"ko": term("learning_rate", "ko"), "en": "Learning rate"},
    "step_set": {"ko": "경사 하강법과 연쇄 법칙", "en": "Gradient descent and the chain rule"},
    "rate_hint": {
        "ko": "비워 두면 기울기만 구하고 갱신은 하지 않습니다.",
        "en": "Leave it empty to derive the gradients without an update.",
    },
    "chain": {"ko": "연쇄 법칙을 보여 줄 매개변수", "en": "Parameter whose chain rule is shown"},
    "derive": {"ko": "유도하기", "en": "Derive"},
    "random": {"ko": "무작위 값", "en": "Random values"},
    "wikidocs": {"ko": "위키독스 예제", "en": "wikidocs example"},
    "link": {"ko": "이 신경망의 링크", "en": "Link to this network"},
    "link_done": {
        "ko": "주소 창에 이 신경망의 링크를 넣었습니다.",
        "en": "The address bar now holds the link to this network.",
    },
    "link_copied": {
        "ko": "주소 창에 이 신경망의 링크를 넣고 클립보드에 복사했습니다.",
        "en": "The address bar holds the link to this network, and it was copied to the clipboard.",
    },
    "too_large": {
        "ko": "sizes: 이 신경망은 매개변수(가중치와 편향)가 {count}개입니다. 이 페이지는 {limit}개까지 보여 "
        "줍니다. 층 수나 층의 뉴런 수를 줄이십시오. 더 큰 신경망은 nnref derive 명령으로 유도할 수 있습니다.",
        "en": "sizes gives {count} parameters (weights and biases); this page shows at most {limit}: use "
        "fewer or narrower layers (the nnref derive command takes larger networks)",
    },
    "too_many_layers": {
        "ko": "sizes: 층은 입력층을 포함해 {limit}개까지 쓸 수 있습니다. 입력한 층: {count}개",
        "en": "sizes has {count} layers; this page takes at most {limit}, the input layer included",
    },
    "too_many_paths": {
        "ko": "sizes: 이 신경망은 연쇄 법칙 경로가 모든 매개변수를 통틀어 {count}개입니다. 이 페이지는 "
        "{limit}개까지 다룹니다. 층 수나 층의 뉴런 수를 줄이십시오.",
        "en": "sizes gives {count} chain-rule paths over all parameters; this page takes at most {limit}: "
        "use fewer or narrower layers",
    },
    "bias_value": {
        "ko": "bias: 1(편향 사용)이나 0(편향 없음)이어야 합니다. 입력한 값: {got}",
        "en": "bias must be 1 (with biases) or 0 (without); got {got}",
    },
    "unknown_option": {
        "ko": "주소에 이 페이지가 모르는 항목이 있습니다: {names}. 쓸 수 있는 항목: {allowed}",
        "en": "the address has options this page does not know: {names}; the options are {allowed}",
    },
    "fix_fields": {"ko": "표시한 칸을 고치십시오.", "en": "Fix the marked fields."},
    # progress
    "downloading": {"ko": "내려받는 중: {done} / {total} MB", "en": "Downloading: {done} of {total} MB"},
    "starting": {"ko": "Python을 시작하는 중", "en": "Starting Python"},
    "loading_sympy": {"ko": "SymPy를 불러오는 중", "en": "Loading SymPy"},
    "loading_nnref": {"ko": "nnref를 불러오는 중", "en": "Loading nnref"},
    "ready": {"ko": "준비되었습니다", "en": "Ready"},
    "deriving": {"ko": "유도하는 중", "en": "Deriving"},
    "derived": {
        "ko": "{seconds}초 만에 브라우저에서 유도했습니다 (값 {count}개).",
        "en": "Derived in your browser in {seconds} s ({count} values).",
    },
    "failed": {
        "ko": "플레이그라운드를 시작하지 못했습니다: {reason}",
        "en": "The playground could not start: {reason}",
    },
    "no_worker": {
        "ko": "이 브라우저는 웹 워커를 지원하지 않아 플레이그라운드를 실행할 수 없습니다.",
        "en": "This browser has no web workers, so the playground cannot run.",
    },
    "internal_error": {"ko": "nnref 내부 오류: {reason}", "en": "nnref internal error: {reason}"},
    # the result
    "result": {"ko": "유도 결과", "en": "The derivation"},
    "deltas_heading": {
        "ko": f"{term('delta', 'ko')}: 가중합에 대한 {term('error', 'ko')}의 "
        f"{term('partial_derivative', 'ko')}",
        "en": "Deltas: the error's partial derivative with respect to each weighted sum",
    },
    "chain_heading": {"ko": "연쇄 법칙: {symbol}", "en": "The chain rule: {symbol}"},
    "check_heading": {"ko": "결과 확인: 갱신 1회 후", "en": "The check: after one update"},
    "no_rate": {
        "ko": f"{term('learning_rate', 'ko')}을 비워 두었으므로 {term('parameter', 'ko')}는 갱신하지 "
        f"않습니다.",
        "en": "The learning rate is empty, so no parameter is updated.",
    },
    "no_script": {
        "ko": "이 페이지는 자바스크립트로 브라우저에서 Python을 실행합니다. 자바스크립트를 켜면 신경망을 "
        "유도할 수 있습니다.",
        "en": "This page runs Python in your browser with JavaScript: turn JavaScript on to derive a "
        "network.",
    },
    # links to the playground from other pages (Markdown; {url} is the prefilled address)
    "link_backprop": {
        "ko": "이 장의 예제는 [브라우저에서 직접 유도해 볼 수 있습니다]({url}). 숫자나 층을 바꾸면 nnref가 "
        "같은 표와 수식을 그 자리에서 다시 계산합니다.",
        "en": "You can [derive this chapter's example in your browser]({url}): change the numbers or the "
        "layers, and nnref computes the same tables and formulas again on the spot.",
    },
    "link_derive": {
        "ko": "위의 신경망은 설치 없이 [브라우저에서도 유도할 수 있습니다]({url}). 값을 바꿔 가며 결과를 "
        "비교해 보십시오.",
        "en": "The network above also [derives in your browser]({url}), with nothing to install: change its "
        "values and compare.",
    },
    "link_cli": {
        "ko": "위에서 옵션으로 준 신경망은 [브라우저에서도 유도할 수 있습니다]({url}). 그 페이지의 주소는 "
        "`nnref derive`와 같은 옵션 이름(sizes, activation, loss, x, target, weights)을 씁니다.",
        "en": "The network given with options above also [derives in your browser]({url}); that page's "
        "address uses the option names of `nnref derive` (sizes, activation, loss, x, target, weights).",
    },
}


def word(key: str, lang: str, **fields: object) -> str:
    """The playground's word ``key`` in ``lang``, with ``fields`` filled in."""
    if lang not in ("ko", "en"):
        raise ValueError(f"lang must be one of ko, en; got {lang!r}")
    return WORDS[key][lang].format(**fields)


def both(key: str, **fields: object) -> dict[str, str]:
    """The word ``key`` in every language (a message of the playground's own, shown by language)."""
    return {lang: word(key, lang, **fields) for lang in ("ko", "en")}


# (failing argument, pattern of nnref's English message, Korean). The argument names the field;
# the pattern's named groups fill the Korean text.
_NAME = r"(?P<name>[A-Za-z_]\w*(?:\[\d+\])?)"
_GOT = r"(?P<got>.*)"
KOREAN_ERRORS: tuple[tuple[str, str, str], ...] = (
    (
        "number",
        _NAME + r" must be a decimal number such as '0\.25', '1e-3' or '1/3'; got " + _GOT,
        "{name}: 0.25, 1e-3, 1/3처럼 소수나 분수로 써야 합니다. 입력한 값: {got}",
    ),
    ("number", _NAME + r" has a zero denominator; got " + _GOT, "{name}: 분모가 0입니다. 입력한 값: {got}"),
    (
        "number",
        _NAME + r" must have at most (?P<digits>[\d,]+) digits .*; got .* with (?P<count>.+) digits",
        "{name}: 숫자는 {digits}자리까지 쓸 수 있습니다(분수는 분자와 분모를 합쳐서). 입력한 값: {count}자리",
    ),
    (
        "number",
        _NAME + r" must be 0 or have a magnitude from (?P<low>\S+) to (?P<high>\S+); got " + _GOT,
        "{name}: 0이거나 크기가 {low}에서 {high} 사이인 수여야 합니다. 입력한 값: {got}",
    ),
    (
        "number",
        _NAME + r" must be a finite number > 0; got " + _GOT,
        "{name}: 0보다 큰 유한한 수여야 합니다. 입력한 값: {got}",
    ),
    (
        "count",
        _NAME + r" must have (?P<count>\d+) values \(the layer width\); got (?P<got>\d+)",
        "{name}: 층의 뉴런 수와 같은 {count}개를 써야 합니다. 입력한 개수: {got}",
    ),
    (
        "count",
        _NAME + r" must have (?P<count>\d+) values \((?P<names>[^)]*)\); got (?P<got>\d+)",
        "{name}: {count}개({names})를 써야 합니다. 입력한 개수: {got}",
    ),
    (
        "sizes",
        r"sizes item (?P<item>\d+) must be an integer >= 1 .*; got (?P<got>'[^']*') in .*",
        "sizes: {item}번째 값은 1 이상의 정수여야 합니다(2,3,2처럼 층마다 뉴런 수를 씁니다). 입력한 값: "
        "{got}",
    ),
    (
        "sizes",
        r"sizes item (?P<item>\d+) is empty; .*; got " + _GOT,
        "sizes: {item}번째 값이 비어 있습니다. 2,3,2처럼 쉼표로 구분해 쓰십시오. 입력한 값: {got}",
    ),
    (
        "sizes",
        r"sizes must be comma-separated values such as 2,3,2; got " + _GOT,
        "sizes: 2,3,2처럼 쉼표로 구분한 정수를 써야 합니다. 입력한 값: {got}",
    ),
    (
        "sizes",
        r"sizes needs at least 2 layers \(input and output\), such as \(2, 2, 2\); got " + _GOT,
        "sizes: 입력층과 출력층이 있어야 하므로 층이 2개 이상이어야 합니다. 입력한 값: {got}",
    ),
    (
        "activation",
        r"activation needs one name per non-input layer \((?P<count>\d+) for .*; got (?P<got>\d+): .*",
        "activation: 입력층을 뺀 층마다 이름을 하나씩 쓰거나(이 신경망은 {count}개) 이름 하나만 써야 합니다. "
        "입력한 개수: {got}",
    ),
    (
        "activation",
        r"activation\[\d+\] is 'softmax', which is allowed only on the output layer; .*",
        "소프트맥스 함수(softmax)는 출력층에만 쓸 수 있습니다. 은닉층에는 sigmoid, tanh, relu, identity 중 "
        "하나를 쓰십시오.",
    ),
    (
        "activation",
        r"softmax on the output layer needs at least 2 outputs; got sizes " + _GOT,
        "출력층에 소프트맥스 함수(softmax)를 쓰려면 출력이 2개 이상이어야 합니다. 입력한 층 크기: {got}",
    ),
    (
        "activation",
        r"derive\(\) needs a derivative for every layer, but activation\[\d+\] is 'step': .*",
        "계단 함수(step)는 z = 0이 아닌 곳에서 도함수가 모두 0이고 z = 0에서는 정의되지 않으므로, 계단 "
        "함수를 쓰는 신경망은 역전파를 할 수 없습니다.",
    ),
    (
        "loss",
        r"loss 'cce' needs a softmax output layer .*; got output activation " + _GOT,
        "loss: 범주형 교차 엔트로피(cce)는 출력의 합이 1이어야 하므로 출력층에 소프트맥스 함수를 써야 "
        "합니다. 지금 출력층의 활성화 함수: {got}",
    ),
    (
        "loss",
        r"loss 'bce' needs outputs strictly between 0 and 1: .*; got output activation " + _GOT,
        "loss: 이진 교차 엔트로피(bce)는 출력이 0과 1 사이여야 하므로 출력층에 시그모이드 함수를 써야 "
        "합니다. 지금 출력층의 활성화 함수: {got}",
    ),
    (
        "name",
        _NAME + r" must be one of (?P<allowed>[^;]*?); got " + _GOT,
        "{name}: {allowed} 중 하나여야 합니다. 입력한 값: {got}",
    ),
    (
        "target",
        r"target must lie in \[0, 1\] for loss 'bce'; got " + _GOT,
        "target: 이진 교차 엔트로피(bce)의 실제값은 0 이상 1 이하여야 합니다. 입력한 값: {got}",
    ),
    (
        "target",
        r"target must be non-negative and sum to exactly 1 for loss 'cce' .*; got (?P<got>.*) \(sum "
        r"(?P<sum>.*)\)",
        "target: 범주형 교차 엔트로피(cce)의 실제값은 0 이상이고 합이 정확히 1이어야 합니다(확률 분포). "
        "입력한 값: {got} (합 {sum})",
    ),
    (
        "chain",
        r"name must be a parameter of this network \((?P<names>[^)]*)\); got " + _GOT,
        "chain: 이 신경망의 매개변수({names}) 중 하나여야 합니다. 입력한 값: {got}",
    ),
)
_COMPILED = tuple((argument, re.compile(pattern), korean) for argument, pattern, korean in KOREAN_ERRORS)
_HINT = re.compile(r" \(did you mean (?P<hint>'[^']*')\?\)$")  # nnref.network.closest_name's hint


def localized(message: str | dict[str, str], lang: str) -> str:
    """nnref's English ``message`` in ``lang``: itself in English, its Korean version in Korean
    (the English message when :data:`KOREAN_ERRORS` has none). A message of the playground's
    own (from :func:`both`) is already in both languages."""
    if isinstance(message, dict):
        return message[lang]
    if lang == "en":
        return message
    hint = _HINT.search(message)
    text = message[: hint.start()] if hint else message
    for _, pattern, korean in _COMPILED:
        found = pattern.fullmatch(text)
        if found:
            return korean.format(**found.groupdict()) + (
                f" (혹시 {hint.group('hint')} 말입니까?)" if hint else ""
            )
    return message
