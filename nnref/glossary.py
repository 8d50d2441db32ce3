"""One Korean/English term table for every page, and the variants a test rejects.

The seed article's own words come first (인공신경망, 퍼셉트론, 임계값, ...); where it is silent, the
wikidocs book's (편향, 기울기, 교차 엔트로피); then what the chapters need. One term per concept:
each :class:`Term` lists the variants (``banned_ko``/``banned_en``) that pages must not use, so
that a reader meets one word for one idea, and never a machine translation such as 자동 차별화
("automatic differentiation") or 체중 감소 ("weight decay").

>>> term("backpropagation", "ko"), first_use("backpropagation", "ko"), first_use("backpropagation", "en")
('역전파', '역전파(backpropagation)', 'backpropagation')
>>> [(use.variant, use.preferred) for use in find_banned("에폭마다 레이어를 본다", "ko")]
[('에폭', '에포크'), ('레이어', '층')]
>>> find_banned("게임 플레이어와 계층적 구조", "ko")   # 레이어/계층 inside legitimate words
[]
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from typing import NamedTuple

__all__ = [
    "GLOSSARY",
    "LANGS",
    "LEGITIMATE_KO",
    "BannedUse",
    "Term",
    "banned_variants",
    "find_banned",
    "first_use",
    "get",
    "term",
]

LANGS: tuple[str, ...] = ("ko", "en")


@dataclass(frozen=True)
class Term:
    """One concept: its Korean and English word, its notation (LaTeX) and the words not to use."""

    key: str
    ko: str
    en: str
    notation: str = ""
    banned_ko: tuple[str, ...] = ()
    banned_en: tuple[str, ...] = ()
    note_ko: str = ""
    note_en: str = ""

    def text(self, lang: str) -> str:
        """The term in ``lang`` ("ko" or "en")."""
        return self.ko if _check_lang(lang) == "ko" else self.en

    def banned(self, lang: str) -> tuple[str, ...]:
        """The variants of this term that pages in ``lang`` must not use."""
        return self.banned_ko if _check_lang(lang) == "ko" else self.banned_en

    def note(self, lang: str) -> str:
        return self.note_ko if _check_lang(lang) == "ko" else self.note_en


_T = Term
GLOSSARY: tuple[Term, ...] = (
    # -- the seed article's own words ----------------------------------------------------------
    _T("artificial_neural_network", "인공신경망", "artificial neural network",
       banned_ko=("인공 신경망",), note_ko="생물의 뉴런이 역치를 넘는 자극만 전달하는 데서 온 생각.",
       note_en="From biological neurons, which pass on only stimuli above a threshold."),
    _T("neural_network", "신경망", "neural network"),
    _T("perceptron", "퍼셉트론", "perceptron", note_ko="신경망의 최소 단위: 가중합에 계단 함수를 적용한다.",
       note_en="The smallest unit of a neural network: a step function of a weighted sum."),
    _T("multilayer_perceptron", "다층 퍼셉트론", "multilayer perceptron", "\\mathrm{MLP}",
       banned_ko=("다층퍼셉트론",), banned_en=("multi-layer perceptron",)),
    _T("threshold", "임계값", "threshold", "\\theta", banned_ko=("임계치",)),
    _T("activation_function", "활성화 함수", "activation function", "f",
       banned_ko=("활성화함수", "활성 함수", "활성함수")),
    _T("layer", "층", "layer", "l", banned_ko=("레이어", "계층"),
       note_ko="입력층, 은닉층, 출력층처럼 붙여 쓴다.",
       note_en="As in input layer, hidden layer, output layer."),
    _T("input_layer", "입력층", "input layer"),
    _T("hidden_layer", "은닉층", "hidden layer"),
    _T("output_layer", "출력층", "output layer"),
    _T("feedforward_neural_network", "순방향 신경망", "feedforward neural network", "\\mathrm{FFNN}",
       banned_ko=("피드포워드 신경망", "전방향 신경망"), banned_en=("feed forward neural network",)),
    _T("recurrent_neural_network", "순환 신경망", "recurrent neural network", "\\mathrm{RNN}",
       banned_ko=("리커런트 신경망",)),
    _T("fully_connected_layer", "완전 연결층", "fully connected layer",
       banned_ko=("완전연결층", "전결합층", "밀집층"), note_en="Also called a dense layer."),
    _T("loss_function", "손실 함수", "loss function", "E",
       banned_ko=("손실함수", "로스 함수", "로스함수")),
    _T("mean_squared_error", "평균 제곱 오차", "mean squared error", "\\mathrm{MSE}",
       banned_ko=("평균제곱오차", "평균 제곱 에러"), banned_en=("mean square error",),
       note_ko="이 문서의 mse: 출력 K개에 대해 (1/K)Σ(t−o)². wikidocs 예제가 MSE라고 부르는 식은 sse다.",
       note_en="nnref's mse: (1/K)Σ(t−o)² over K outputs. The wikidocs example's 'MSE' is nnref's sse."),
    _T("sum_of_squared_errors", "오차 제곱합", "sum of squared errors", "\\mathrm{SSE}",
       banned_ko=("오차제곱합",),
       note_ko="이 문서의 sse: ½Σ(t−o)². 미분하면 ½이 지워진다.",
       note_en="nnref's sse: ½Σ(t−o)²; the ½ cancels when differentiated."),
    _T("epoch", "에포크", "epoch", banned_ko=("에폭",),
       note_ko="모든 데이터를 한 번씩 학습하는 것.", note_en="One pass over every training sample."),
    _T("batch_size", "배치 크기", "batch size", "B", banned_ko=("배치 사이즈", "배치사이즈")),
    _T("iteration", "이터레이션", "iteration",
       note_ko="에포크 하나의 이터레이션 수는 ⌈N / 배치 크기⌉.",
       note_en="An epoch has ⌈N / batch size⌉ iterations."),
    _T("forward_propagation", "순전파", "forward propagation",
       banned_ko=("포워드 패스", "순방향 전파", "전방 전파"), banned_en=("forward-propagation",)),
    _T("backpropagation", "역전파", "backpropagation",
       banned_ko=("백프로파게이션", "역방향 전파", "역전달"),
       banned_en=("back-propagation", "back propagation")),
    _T("chain_rule", "연쇄 법칙", "chain rule", banned_ko=("연쇄법칙", "체인 룰", "체인룰")),
    _T("partial_derivative", "편미분", "partial derivative", "\\partial", banned_ko=("부분 미분",)),
    _T("gradient_descent", "경사 하강법", "gradient descent",
       banned_ko=("경사하강법", "기울기 하강법", "그래디언트 디센트")),
    _T("learning_rate", "학습률", "learning rate", "\\alpha",
       banned_ko=("러닝 레이트", "러닝레이트", "학습율")),
    _T("weight", "가중치", "weight", "w", banned_ko=("웨이트",)),
    # -- where the seed is silent: the wikidocs book's words ---------------------------------
    _T("bias", "편향", "bias", "b", banned_ko=("바이어스",)),
    _T("gradient", "기울기", "gradient", "\\nabla E",
       banned_ko=("그래디언트", "그레이디언트", "그라디언트", "그레디언트"),
       note_ko="각 매개변수에 대한 손실 함수의 편미분을 모은 것.",
       note_en="The partial derivatives of the loss with respect to every parameter."),
    _T("cross_entropy", "교차 엔트로피", "cross-entropy",
       banned_ko=("크로스 엔트로피", "크로스엔트로피", "교차엔트로피"), banned_en=("cross entropy",)),
    _T("binary_cross_entropy", "이진 교차 엔트로피", "binary cross-entropy", "\\mathrm{BCE}"),
    _T("categorical_cross_entropy", "범주형 교차 엔트로피", "categorical cross-entropy", "\\mathrm{CCE}"),
    # -- what the chapters need ----------------------------------------------------------------
    _T("neuron", "뉴런", "neuron"),
    _T("weighted_sum", "가중합", "weighted sum", "z", note_ko="활성화 함수를 적용하기 전의 값.",
       note_en="The value before the activation function (pre-activation)."),
    _T("step_function", "계단 함수", "step function", "\\operatorname{step}",
       banned_ko=("계단함수", "스텝 함수", "스텝함수"),
       note_ko="z > 0이면 1, 아니면 0. 미분으로 학습할 수 없다.",
       note_en="1 if z > 0, else 0; it cannot be trained by differentiation."),
    _T("sigmoid_function", "시그모이드 함수", "sigmoid function", "\\sigma", banned_ko=("시그모이드함수",)),
    _T("hyperbolic_tangent", "하이퍼볼릭 탄젠트", "hyperbolic tangent", "\\tanh",
       banned_ko=("쌍곡 탄젠트", "쌍곡탄젠트")),
    _T("relu", "ReLU", "ReLU (rectified linear unit)", "\\operatorname{ReLU}", banned_ko=("렐루",),
       note_ko="이 문서는 ReLU′(0) = 0으로 정한다.", note_en="nnref takes ReLU′(0) = 0."),
    _T("softmax", "소프트맥스 함수", "softmax function", "\\operatorname{softmax}",
       banned_ko=("소프트 맥스",)),
    _T("identity_function", "항등 함수", "identity function"),
    _T("nonlinear_function", "비선형 함수", "nonlinear function"),
    _T("composite_function", "합성 함수", "composite function", "f_3(f_2(f_1(x)))", banned_ko=("합성함수",)),
    _T("overfitting", "과적합", "overfitting", banned_ko=("오버피팅", "과대적합")),
    _T("underfitting", "과소적합", "underfitting", banned_ko=("언더피팅",)),
    _T("decision_boundary", "결정 경계", "decision boundary", banned_ko=("결정경계",)),
    _T("accuracy", "정확도", "accuracy", banned_ko=("어큐러시",)),
    _T("minibatch", "미니배치", "mini-batch", banned_ko=("미니 배치",), banned_en=("mini batch",)),
    _T("parameter", "매개변수", "parameter", banned_ko=("파라미터",),
       note_ko="가중치와 편향.", note_en="The weights and biases."),
    _T("update", "갱신", "update", "w^{+}",
       note_ko="경사 하강법의 한 걸음: w⁺ = w − α ∂E/∂w. 모든 매개변수를 동시에 갱신한다.",
       note_en="One gradient-descent step, w⁺ = w − α ∂E/∂w, for every parameter at once."),
    _T("hyperparameter", "하이퍼파라미터", "hyperparameter", banned_ko=("하이퍼 파라미터",),
       note_ko="학습률, 배치 크기, 에포크 수처럼 학습 전에 정하는 값.",
       note_en="Values fixed before training: learning rate, batch size, number of epochs."),
    _T("error", "오차", "error", "E_{\\mathrm{total}}", note_ko="실제값과 예측값의 차이로 계산한 손실.",
       note_en="The loss computed from the targets and the predictions."),
    _T("target", "실제값", "target", "t"),
    _T("prediction", "예측값", "prediction", "o"),
    _T("delta", "델타", "delta (error term)", "\\delta",
       note_ko="가중합에 대한 손실의 편미분 ∂E/∂z. 역전파가 층마다 재사용한다.",
       note_en="∂E/∂z, the loss's partial derivative with respect to a weighted sum; reused layer by layer."),
    _T("truth_table", "진리표", "truth table"),
    _T("logic_gate", "논리 게이트", "logic gate"),
    _T("binary_classification", "이진 분류", "binary classification"),
    _T("multiclass_classification", "다중 분류", "multiclass classification",
       banned_en=("multi-class classification",)),
    _T("deep_learning", "딥러닝", "deep learning"),
    _T("automatic_differentiation", "자동 미분", "automatic differentiation", banned_ko=("자동 차별화",)),
    _T("weight_decay", "가중치 감쇠", "weight decay", banned_ko=("체중 감소",)),
    _T("central_difference", "중앙 차분", "central difference",
       note_ko="(f(w+h) − f(w−h)) / 2h로 기울기를 어림한다.",
       note_en="Approximates a derivative by (f(w+h) − f(w−h)) / 2h."),
)
del _T

# Words that contain a banned variant but are legitimate on their own: 플레이어 (player)
# contains 레이어, 계층적 (hierarchical) contains 계층, 에폭시 (epoxy) contains 에폭.
LEGITIMATE_KO: tuple[str, ...] = ("플레이어", "계층적", "에폭시", "하이퍼파라미터")


def _check_lang(lang: object) -> str:
    if lang not in LANGS:
        raise ValueError(f"lang must be one of {', '.join(LANGS)}; got {lang!r}")
    return str(lang)


@cache
def _by_key() -> dict[str, Term]:
    return {entry.key: entry for entry in GLOSSARY}


def get(key: str) -> Term:
    """The :class:`Term` for ``key``.

    >>> get("learning_rate").notation
    '\\\\alpha'
    """
    table = _by_key()
    if key not in table:
        from nnref.network import closest_name

        raise ValueError(f"key must be a glossary key such as 'backpropagation'; got {key!r}"
                       + closest_name(key, tuple(table)))
    return table[key]


def term(key: str, lang: str) -> str:
    """The word for ``key`` in ``lang``.

    >>> term("epoch", "ko"), term("epoch", "en")
    ('에포크', 'epoch')
    """
    return get(key).text(lang)


def first_use(key: str, lang: str) -> str:
    """The term as a page writes it the first time: Korean with the English in parentheses.

    >>> first_use("learning_rate", "ko"), first_use("relu", "ko")
    ('학습률(learning rate)', 'ReLU(rectified linear unit)')
    """
    entry = get(key)
    if _check_lang(lang) == "en":
        return entry.en
    english = entry.en
    if english.startswith(entry.ko + " (") and english.endswith(")"):
        english = english[len(entry.ko) + 2 : -1]  # "ReLU (rectified linear unit)" -> the long form
    return f"{entry.ko}({english})"


def banned_variants(lang: str) -> dict[str, str]:
    """Every banned variant in ``lang`` mapped to the term to use instead.

    >>> banned_variants("ko")["그래디언트"], banned_variants("en")["back-propagation"]
    ('기울기', 'backpropagation')
    """
    return {variant: entry.text(lang) for entry in GLOSSARY for variant in entry.banned(lang)}


class BannedUse(NamedTuple):
    """A banned variant found in a text: where, and what to write instead."""

    variant: str
    preferred: str
    line: int
    column: int


@cache
def _pattern(lang: str) -> re.Pattern[str]:
    variants = sorted(banned_variants(lang), key=len, reverse=True)  # longest first
    # A space inside a variant matches any run of white space (a line break in a paragraph).
    alternatives = "|".join(r"\s+".join(map(re.escape, v.split())) for v in variants)
    if lang == "en":
        return re.compile(rf"\b(?:{alternatives})\b", re.IGNORECASE)
    return re.compile(f"(?:{alternatives})")  # Korean attaches particles: match inside words


def _inside_legitimate_word(text: str, start: int, found: str) -> bool:
    for word in LEGITIMATE_KO:
        offset = word.find(found)
        while offset != -1:
            if text[start - offset : start - offset + len(word)] == word:
                return True
            offset = word.find(found, offset + 1)
    return False


def find_banned(text: str, lang: str) -> list[BannedUse]:
    """Every banned variant in ``text`` (1-based line and column), in order.

    Korean variants match inside words, since particles attach to them (레이어를), except inside
    the words of :data:`LEGITIMATE_KO`; English variants match whole words, any case.

    >>> [tuple(use) for use in find_banned("x\\n학습율과 러닝레이트", "ko")]
    [('학습율', '학습률', 2, 1), ('러닝레이트', '학습률', 2, 6)]
    >>> find_banned("Back-propagation, backpropagation", "en")[0].preferred
    'backpropagation'
    """
    if not isinstance(text, str):
        raise TypeError(f"text must be a string; got {type(text).__name__}")
    lang = _check_lang(lang)
    lookup = {" ".join(v.lower().split()): p for v, p in banned_variants(lang).items()}
    uses: list[BannedUse] = []
    for match in _pattern(lang).finditer(text):
        found = match.group(0)
        if lang == "ko" and _inside_legitimate_word(text, match.start(), found):
            continue
        line = text.count("\n", 0, match.start()) + 1
        column = match.start() - (text.rfind("\n", 0, match.start()) + 1) + 1
        preferred = lookup[" ".join(found.lower().split())]
        uses.append(BannedUse(found, preferred, line, column))
    return uses
