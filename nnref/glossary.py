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

import difflib
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
    "search_spellings",
    "term",
]

LANGS: tuple[str, ...] = ("ko", "en")


@dataclass(frozen=True)
class Term:
    """One concept: its Korean and English word, notation (LaTeX), a one-line definition per
    language, and the other words for it.

    ``banned_ko``/``banned_en`` are other spellings and synonyms pages must not use; a reader may
    still type them, so search finds the term by them. ``wrong_ko`` are wrong words (machine
    translations): banned too, and never offered. ``search_ko``/``search_en`` are words that are
    not the term but should find it (the shared part of a compound, 전파 for 역전파).
    """

    key: str
    ko: str
    en: str
    notation: str = ""
    banned_ko: tuple[str, ...] = ()
    banned_en: tuple[str, ...] = ()
    note_ko: str = ""
    note_en: str = ""
    wrong_ko: tuple[str, ...] = ()
    search_ko: tuple[str, ...] = ()
    search_en: tuple[str, ...] = ()

    def text(self, lang: str) -> str:
        """The term in ``lang`` ("ko" or "en")."""
        return self.ko if _check_lang(lang) == "ko" else self.en

    def banned(self, lang: str) -> tuple[str, ...]:
        """The variants of this term that pages in ``lang`` must not use."""
        return self.banned_ko + self.wrong_ko if _check_lang(lang) == "ko" else self.banned_en

    def note(self, lang: str) -> str:
        """The one-line definition shown on the glossary page."""
        return self.note_ko if _check_lang(lang) == "ko" else self.note_en

    def spellings(self, lang: str) -> tuple[str, ...]:
        """What a reader may type for this term, other than the term itself: the same words with or
        without spaces (hyphens in English), the banned spellings and the search words; never a
        wrong word.

        >>> get("gradient_descent").spellings("ko")
        ('경사하강법', '기울기 하강법', '그래디언트 디센트')
        >>> get("cross_entropy").spellings("en")
        ('cross entropy',)
        """
        word = self.text(lang)
        joined = word.replace(" ", "") if lang == "ko" else word.replace("-", " ")
        extra = self.banned_ko + self.search_ko if lang == "ko" else self.banned_en + self.search_en
        found: list[str] = []
        for spelling in (joined, *extra):
            if spelling != word and spelling not in found:
                found.append(spelling)
        return tuple(found)


_T = Term
GLOSSARY: tuple[Term, ...] = (
    # -- the seed article's own words ----------------------------------------------------------
    _T("artificial_neural_network", "인공신경망", "artificial neural network",
       banned_ko=("인공 신경망",),
       note_ko="뉴런을 본떠 만든 계산 구조. 역치를 넘는 자극만 전달하는 생물의 뉴런에서 온 생각이다.",
       note_en="A computing structure modelled on neurons, which pass on only stimuli above a threshold."),
    _T("neural_network", "신경망", "neural network",
       note_ko="뉴런을 층으로 쌓아 입력에서 출력을 계산하는 모델. 이 문서에서는 인공신경망을 줄여 부른다.",
       note_en="A model that computes outputs from inputs through layers of neurons."),
    _T("perceptron", "퍼셉트론", "perceptron",
       note_ko="가중합이 0보다 크면 1, 아니면 0을 내는 뉴런 하나. 신경망의 가장 작은 단위다.",
       note_en="One neuron that outputs 1 if its weighted sum is above 0, else 0: the smallest unit."),
    _T("multilayer_perceptron", "다층 퍼셉트론", "multilayer perceptron", "\\mathrm{MLP}",
       banned_ko=("다층퍼셉트론",), banned_en=("multi-layer perceptron",),
       note_ko="한 층의 출력이 다음 층의 입력이 되도록 퍼셉트론을 여러 층으로 쌓은 신경망.",
       note_en="Perceptrons stacked in layers, each layer's output being the next layer's input."),
    _T("threshold", "임계값", "threshold", "\\theta", banned_ko=("임계치",),
       note_ko="퍼셉트론이 1을 내려면 가중합이 넘어야 하는 값. 편향 b = −θ로 바꿔 쓸 수 있다.",
       note_en="The value a perceptron's weighted sum must exceed to output 1; the bias is −θ."),
    _T("activation_function", "활성화 함수", "activation function", "f",
       banned_ko=("활성화함수", "활성 함수", "활성함수"),
       note_ko="뉴런이 가중합을 받아 출력을 정하는 함수. 계단 함수, 시그모이드 함수, ReLU 등이 있다.",
       note_en="The function that turns a neuron's weighted sum into its output (step, sigmoid, ReLU, ...)."),
    _T("layer", "층", "layer", "l", banned_ko=("레이어", "계층"),
       note_ko="같은 단계에서 함께 계산하는 뉴런의 묶음. 입력층, 은닉층, 출력층처럼 붙여 쓴다.",
       note_en="The neurons computed at the same stage, as in input layer, hidden layer, output layer."),
    _T("input_layer", "입력층", "input layer",
       note_ko="데이터를 받아 다음 층으로 넘기는 첫 층. 계산하지 않으므로 가중치가 없다.",
       note_en="The first layer: it passes the data on, computes nothing and has no weights."),
    _T("hidden_layer", "은닉층", "hidden layer",
       note_ko="입력층과 출력층 사이의 층. 밖에서 값이 직접 보이지 않아 이렇게 부른다.",
       note_en="A layer between the input and the output layer, whose values are not seen from outside."),
    _T("output_layer", "출력층", "output layer",
       note_ko="마지막 층. 이 층의 출력이 신경망의 예측값이다.",
       note_en="The last layer; its outputs are the network's predictions."),
    _T("feedforward_neural_network", "순방향 신경망", "feedforward neural network", "\\mathrm{FFNN}",
       banned_ko=("피드포워드 신경망", "전방향 신경망"), banned_en=("feed forward neural network",),
       note_ko="값이 입력에서 출력 쪽으로만 흐르는 신경망. 같은 입력에는 언제나 같은 출력을 낸다.",
       note_en="A network in which values flow only from input to output; one input, one output."),
    _T("recurrent_neural_network", "순환 신경망", "recurrent neural network", "\\mathrm{RNN}",
       banned_ko=("리커런트 신경망",),
       note_ko="은닉 상태를 다음 시점의 입력으로 다시 넣어, 순서가 있는 데이터를 한 시점씩 읽는 신경망.",
       note_en="A network that feeds its hidden state back in at the next time step to read sequences."),
    _T("fully_connected_layer", "완전 연결층", "fully connected layer",
       banned_ko=("완전연결층", "전결합층", "밀집층"),
       note_ko="앞 층의 모든 뉴런이 이 층의 모든 뉴런과 연결된 층. 행렬 곱셈 한 번으로 계산한다.",
       note_en="A layer connected to every neuron of the previous one (a dense layer): one matrix product."),
    _T("loss_function", "손실 함수", "loss function", "E",
       banned_ko=("손실함수", "로스 함수", "로스함수"),
       note_ko="예측값이 실제값과 얼마나 다른지를 숫자 하나로 나타내는 함수. 학습은 이 값을 줄인다.",
       note_en="A function that measures in one number how far the predictions are from the targets."),
    _T("mean_squared_error", "평균 제곱 오차", "mean squared error", "\\mathrm{MSE}",
       banned_ko=("평균제곱오차", "평균 제곱 에러"), banned_en=("mean square error",),
       note_ko=("출력 K개에 대한 (t−o)²의 평균. "
                "wikidocs 예제가 MSE라고 부르는 식은 이 문서의 오차 제곱합이다."),
       note_en="The mean of (t−o)² over the K outputs. The wikidocs example's 'MSE' is nnref's sse."),
    _T("sum_of_squared_errors", "오차 제곱합", "sum of squared errors", "\\mathrm{SSE}",
       banned_ko=("오차제곱합",),
       note_ko="이 문서의 sse, 즉 ½Σ(t−o)². 미분하면 ½이 지워진다.",
       note_en="nnref's sse: ½Σ(t−o)²; the ½ cancels when it is differentiated."),
    _T("epoch", "에포크", "epoch", banned_ko=("에폭",),
       note_ko="학습 데이터 전체를 한 번씩 모두 학습하는 것.",
       note_en="One pass over every training sample."),
    _T("batch_size", "배치 크기", "batch size", "B", banned_ko=("배치 사이즈", "배치사이즈"),
       note_ko="매개변수를 한 번 갱신할 때 함께 보는 샘플 수.",
       note_en="The number of samples one update looks at."),
    _T("iteration", "이터레이션", "iteration",
       note_ko="배치 하나로 순전파, 역전파, 갱신을 한 번 하는 것. 에포크 하나는 ⌈N / 배치 크기⌉번이다.",
       note_en="One forward pass, backpropagation and update on one batch; an epoch has ⌈N / batch size⌉."),
    _T("forward_propagation", "순전파", "forward propagation",
       banned_ko=("포워드 패스", "순방향 전파", "전방 전파"), banned_en=("forward-propagation",),
       search_ko=("전파",), search_en=("forward pass",),
       note_ko="입력에서 출력층까지 차례로 계산해 예측값과 손실을 구하는 것.",
       note_en="Computing layer after layer from the input to the output: the predictions and the loss."),
    _T("backpropagation", "역전파", "backpropagation",
       banned_ko=("백프로파게이션", "역방향 전파", "역전달"),
       banned_en=("back-propagation", "back propagation"),
       search_ko=("오차 역전파", "전파"), search_en=("backward pass",),
       note_ko="연쇄 법칙으로 출력층부터 거꾸로 계산해 모든 매개변수에 대한 손실의 기울기를 구하는 방법.",
       note_en="Computing the loss's gradient for every parameter by the chain rule, from the output back."),
    _T("chain_rule", "연쇄 법칙", "chain rule", banned_ko=("연쇄법칙", "체인 룰", "체인룰"),
       note_ko="합성 함수의 도함수는 각 함수의 도함수의 곱이라는 법칙. 역전파의 바탕이다.",
       note_en="The derivative of a composite function is the product of its parts' derivatives."),
    _T("partial_derivative", "편미분", "partial derivative", "\\partial", banned_ko=("부분 미분",),
       note_ko="여러 변수의 함수를 한 변수로만 미분한 것. 나머지 변수는 상수로 본다.",
       note_en="The derivative with respect to one variable, the others held constant."),
    _T("gradient_descent", "경사 하강법", "gradient descent",
       banned_ko=("경사하강법", "기울기 하강법", "그래디언트 디센트"),
       note_ko="기울기에 학습률을 곱한 만큼 매개변수를 기울기의 반대 방향으로 옮겨 손실을 줄이는 방법.",
       note_en="Lowering the loss by moving every parameter against its gradient, by the gradient times α."),
    _T("learning_rate", "학습률", "learning rate", "\\alpha",
       banned_ko=("러닝 레이트", "러닝레이트", "학습율"),
       note_ko="갱신 한 번에 기울기의 몇 배만큼 움직일지 정하는 양수. 너무 작으면 느리고 너무 크면 발산한다.",
       note_en="How many times the gradient one update moves; too small is slow, too large diverges."),
    _T("weight", "가중치", "weight", "w", banned_ko=("웨이트",),
       note_ko="입력 하나에 곱하는 매개변수. 그 입력이 출력에 얼마나 영향을 주는지 정한다.",
       note_en="The parameter that multiplies one input: how much that input counts."),
    # -- where the seed is silent: the wikidocs book's words ---------------------------------
    _T("bias", "편향", "bias", "b", banned_ko=("바이어스",),
       note_ko="가중합에 더하는 매개변수. 입력이 모두 0일 때의 가중합이다.",
       note_en="The parameter added to the weighted sum: its value when every input is 0."),
    _T("gradient", "기울기", "gradient", "\\nabla E",
       banned_ko=("그래디언트", "그레이디언트", "그라디언트", "그레디언트"),
       note_ko="각 매개변수에 대한 손실 함수의 편미분을 모은 것. 손실이 가장 빨리 커지는 방향이다.",
       note_en="The partial derivatives of the loss with respect to every parameter: its steepest rise."),
    _T("cross_entropy", "교차 엔트로피", "cross-entropy",
       banned_ko=("크로스 엔트로피", "크로스엔트로피", "교차엔트로피"), banned_en=("cross entropy",),
       note_ko="실제 클래스에 준 확률이 낮을수록 커지는 손실 함수. 분류 문제의 출력층에 쓴다.",
       note_en="A loss that grows as the probability given to the true class falls; for classification."),
    _T("binary_cross_entropy", "이진 교차 엔트로피", "binary cross-entropy", "\\mathrm{BCE}",
       note_ko="출력 하나가 확률 o인 이진 분류의 교차 엔트로피, −(t ln o + (1−t) ln(1−o)).",
       note_en="Cross-entropy of a binary output o: −(t ln o + (1−t) ln(1−o))."),
    _T("categorical_cross_entropy", "범주형 교차 엔트로피", "categorical cross-entropy", "\\mathrm{CCE}",
       note_ko="소프트맥스 출력의 교차 엔트로피, −Σ t ln o. 실제값이 원-핫이면 실제 클래스의 −ln o만 남는다.",
       note_en=("Cross-entropy of a softmax output, −Σ t ln o; with a one-hot target, "
                "−ln o of the true class.")),
    # -- what the chapters need ----------------------------------------------------------------
    _T("neuron", "뉴런", "neuron",
       note_ko="입력의 가중합에 활성화 함수를 적용해 값 하나를 내는 단위.",
       note_en="A unit that applies an activation function to a weighted sum of its inputs."),
    _T("weighted_sum", "가중합", "weighted sum", "z",
       note_ko="입력마다 가중치를 곱해 더하고 편향을 더한 값. 활성화 함수를 적용하기 전의 값이다.",
       note_en="The inputs times their weights, summed, plus the bias: the value before the activation."),
    _T("step_function", "계단 함수", "step function", "\\operatorname{step}",
       banned_ko=("계단함수", "스텝 함수", "스텝함수"),
       note_ko="z > 0이면 1, 아니면 0. 기울기가 거의 모든 곳에서 0이라 미분으로 학습할 수 없다.",
       note_en="1 if z > 0, else 0; its gradient is 0 almost everywhere, so it cannot be trained."),
    _T("sigmoid_function", "시그모이드 함수", "sigmoid function", "\\sigma", banned_ko=("시그모이드함수",),
       note_ko="σ(z) = 1/(1+e^(−z)). 모든 실수를 0과 1 사이로 보내며 도함수는 σ(1−σ)이다.",
       note_en="σ(z) = 1/(1+e^(−z)), between 0 and 1; its derivative is σ(1−σ)."),
    _T("hyperbolic_tangent", "하이퍼볼릭 탄젠트", "hyperbolic tangent", "\\tanh",
       banned_ko=("쌍곡 탄젠트", "쌍곡탄젠트"),
       note_ko="출력이 −1과 1 사이이고 0을 중심으로 대칭인 활성화 함수. 도함수는 1 − tanh²이다.",
       note_en="An activation between −1 and 1, symmetric about 0; its derivative is 1 − tanh²."),
    _T("relu", "ReLU", "ReLU (rectified linear unit)", "\\operatorname{ReLU}", banned_ko=("렐루",),
       note_ko="음수는 0으로, 양수는 그대로 내는 활성화 함수. 이 문서는 ReLU′(0) = 0으로 정한다.",
       note_en="max(0, z): negatives become 0, positives pass; nnref takes ReLU′(0) = 0."),
    _T("softmax", "소프트맥스 함수", "softmax function", "\\operatorname{softmax}",
       banned_ko=("소프트 맥스",),
       note_ko="층의 출력 K개를 모두 양수이고 합이 1인 값으로 바꾸는 함수. 다중 분류의 출력층에 쓴다.",
       note_en="Turns a layer's K outputs into positive values that sum to 1; for multiclass outputs."),
    _T("identity_function", "항등 함수", "identity function",
       note_ko="입력을 그대로 내는 함수 f(z) = z. 회귀의 출력층에 쓴다.",
       note_en="f(z) = z: the input unchanged; used at the output layer of regression."),
    _T("nonlinear_function", "비선형 함수", "nonlinear function",
       note_ko="직선이 아닌 함수. 은닉층에 있어야 층을 쌓는 의미가 생긴다.",
       note_en="A function that is not linear; hidden layers need one, or stacked layers collapse into one."),
    _T("composite_function", "합성 함수", "composite function", "f_3(f_2(f_1(x)))", banned_ko=("합성함수",),
       note_ko="한 함수의 출력을 다른 함수의 입력으로 넣어 만든 함수. 신경망은 층 함수의 합성이다.",
       note_en="A function fed the output of another; a network is the composition of its layers."),
    _T("overfitting", "과적합", "overfitting", banned_ko=("오버피팅", "과대적합"),
       note_ko="학습 데이터에만 맞춰져, 처음 보는 데이터에서는 손실이 오히려 커지는 상태.",
       note_en="Fitting the training data so closely that the loss on unseen data grows."),
    _T("underfitting", "과소적합", "underfitting", banned_ko=("언더피팅",),
       note_ko="데이터의 규칙을 다 배우지 못해 학습 데이터에서도 손실이 큰 상태.",
       note_en="Not yet having learnt the data's pattern: the loss is high even on the training data."),
    _T("decision_boundary", "결정 경계", "decision boundary", banned_ko=("결정경계",),
       note_ko="입력 공간에서 분류 결과가 바뀌는 경계. 퍼셉트론 하나는 직선 하나다.",
       note_en="Where in input space the predicted class changes; a straight line for one perceptron."),
    _T("accuracy", "정확도", "accuracy", banned_ko=("어큐러시",),
       note_ko="예측한 클래스가 실제 클래스와 같은 샘플의 비율.",
       note_en="The share of samples whose predicted class is the true class."),
    _T("minibatch", "미니배치", "mini-batch", banned_ko=("미니 배치",), banned_en=("mini batch",),
       note_ko="데이터 전체보다 작고 샘플 하나보다 큰 배치. 흔히 쓰는 학습 단위다.",
       note_en="A batch larger than one sample and smaller than the whole data set."),
    _T("parameter", "매개변수", "parameter", banned_ko=("파라미터",),
       note_ko="학습으로 정하는 값, 즉 가중치와 편향.",
       note_en="The values training sets: the weights and biases."),
    _T("update", "갱신", "update", "w^{+}", banned_ko=("스텝",),
       note_ko="경사 하강법으로 모든 매개변수를 한꺼번에 한 번 고치는 것. w⁺ = w − α ∂E/∂w.",
       note_en="One gradient-descent change of every parameter at once, w⁺ = w − α ∂E/∂w."),
    _T("hyperparameter", "하이퍼파라미터", "hyperparameter", banned_ko=("하이퍼 파라미터",),
       note_ko="학습률, 배치 크기, 에포크 수처럼 학습 전에 사람이 정하는 값.",
       note_en="Values fixed before training: learning rate, batch size, number of epochs."),
    _T("error", "오차", "error", "E_{\\mathrm{total}}",
       note_ko="실제값과 예측값의 차이로 계산한 손실. wikidocs 예제의 전체 오차가 이것이다.",
       note_en="The loss computed from the targets and the predictions, as in the wikidocs example."),
    _T("target", "실제값", "target", "t", banned_ko=("정답", "타깃값", "목표값"),
       note_ko="학습 데이터가 알려 주는, 신경망이 맞혀야 할 값.",
       note_en="The value the network should output."),
    _T("prediction", "예측값", "prediction", "o",
       note_ko="신경망이 출력층에서 낸 값.", note_en="The value the network's output layer gives."),
    _T("delta", "델타", "delta (error term)", "\\delta",
       note_ko="가중합에 대한 손실의 편미분 ∂E/∂z. 역전파는 이 값을 층별로 재사용한다.",
       note_en="∂E/∂z, the loss's partial derivative with respect to a weighted sum; reused layer by layer."),
    _T("truth_table", "진리표", "truth table",
       note_ko="논리 게이트가 가능한 모든 입력에 내는 출력을 적은 표.",
       note_en="The output of a logic gate for every possible input."),
    _T("logic_gate", "논리 게이트", "logic gate",
       note_ko="0과 1 입력을 받아 0이나 1을 내는 회로. AND, OR, NAND, XOR 등이 있다.",
       note_en="A circuit from 0/1 inputs to a 0/1 output: AND, OR, NAND, XOR, ..."),
    _T("regression", "회귀", "regression",
       note_ko="연속된 값을 맞히는 문제. 출력층에 항등 함수, 손실로 평균 제곱 오차를 흔히 쓴다.",
       note_en="Predicting a continuous value; usually an identity output and the mean squared error."),
    _T("classification", "분류", "classification",
       note_ko="입력이 어느 클래스에 속하는지 맞히는 문제.",
       note_en="Predicting which class an input belongs to."),
    _T("binary_classification", "이진 분류", "binary classification",
       note_ko="클래스가 두 개인 분류. 출력 하나가 시그모이드 함수로 한쪽 클래스의 확률을 낸다.",
       note_en="Classification into two classes: one sigmoid output gives the probability of one."),
    _T("multiclass_classification", "다중 분류", "multiclass classification",
       banned_en=("multi-class classification",),
       note_ko="클래스가 셋 이상인 분류. 클래스마다 출력을 두고 소프트맥스 함수로 확률을 낸다.",
       note_en="Classification into three or more classes: one softmax output per class."),
    _T("one_hot_encoding", "원-핫 인코딩", "one-hot encoding",
       banned_ko=("원핫 인코딩", "원핫인코딩"), banned_en=("one hot encoding",),
       note_ko="클래스를 실제 클래스 자리만 1이고 나머지는 0인 벡터로 나타내는 방법.",
       note_en="Writing a class as a vector that is 1 at the true class and 0 elsewhere."),
    _T("jacobian_matrix", "야코비 행렬", "Jacobian matrix", "J",
       banned_ko=("자코비안 행렬", "야코비안 행렬", "자코비 행렬"),
       note_ko="출력 여러 개를 입력 여러 개로 편미분한 값을 모은 행렬. 소프트맥스 함수의 도함수가 이 꼴이다.",
       note_en=("The matrix of partial derivatives of several outputs by several inputs (softmax's "
                "derivative).")),
    _T("vanishing_gradient", "기울기 소실", "vanishing gradient",
       banned_ko=("그래디언트 소실", "기울기 소멸"),
       note_ko="층을 거꾸로 지날수록 기울기가 작아져 입력층 가까운 층이 거의 학습되지 않는 현상.",
       note_en="Gradients shrinking layer by layer backwards, so that layers near the input barely learn."),
    _T("stochastic_gradient_descent", "확률적 경사 하강법", "stochastic gradient descent", "\\mathrm{SGD}",
       banned_ko=("확률적 경사하강법",),
       note_ko="데이터를 섞어 작은 배치(미니배치)마다 기울기를 구하고 갱신하는 경사 하강법.",
       note_en=("Gradient descent that updates after each small shuffled batch instead of the whole data "
                "set.")),
    _T("training_data", "학습 데이터", "training data",
       banned_ko=("훈련 데이터", "훈련 세트", "트레이닝 데이터"),
       note_ko="매개변수를 정하는 데 쓰는 데이터.", note_en="The data the parameters are fitted to."),
    _T("validation_data", "검증 데이터", "validation data",
       note_ko=("학습에 쓰지 않고 떼어 두었다가 학습 중에 손실을 재는 데이터. "
                "조기 종료와 하이퍼파라미터 선택에 쓴다."),
       note_en="Data held out of training to measure the loss during it, for early stopping and tuning."),
    _T("test_data", "테스트 데이터", "test data",
       note_ko="학습이 끝난 신경망을 마지막으로 평가하는 데이터.",
       note_en="Data held out to evaluate the trained network."),
    _T("early_stopping", "조기 종료", "early stopping",
       note_ko="검증 데이터의 손실이 더 줄지 않으면 학습을 멈추는 방법. 과적합을 막는다.",
       note_en="Stopping training when the validation loss stops falling, against overfitting."),
    _T("deep_learning", "딥러닝", "deep learning",
       note_ko="층을 여러 겹 쌓은 깊은 신경망으로 학습하는 방법.",
       note_en="Learning with deep networks, made of many stacked layers."),
    _T("automatic_differentiation", "자동 미분", "automatic differentiation", wrong_ko=("자동 차별화",),
       note_ko="프로그램이 계산한 값의 도함수를 연쇄 법칙으로 자동으로 구하는 기법.",
       note_en="Computing the derivatives of a program's values automatically by the chain rule."),
    _T("weight_decay", "가중치 감쇠", "weight decay", wrong_ko=("체중 감소",),
       note_ko="갱신할 때마다 가중치를 조금씩 0 쪽으로 줄여 과적합을 막는 방법.",
       note_en="Shrinking the weights a little towards 0 at every update, against overfitting."),
    _T("central_difference", "중앙 차분", "central difference",
       note_ko="(f(w+h) − f(w−h)) / 2h로 도함수를 어림하는 방법. 미분 공식을 쓰지 않는다.",
       note_en="Approximating a derivative by (f(w+h) − f(w−h)) / 2h, with no derivative formula."),
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
        close = difflib.get_close_matches(key, tuple(table), n=1, cutoff=0.5)
        hint = f" (did you mean {close[0]!r}?)" if close else ""
        raise ValueError(f"key must be a glossary key such as 'backpropagation'; got {key!r}{hint}")
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


def search_spellings(lang: str) -> dict[str, tuple[str, ...]]:
    """Every term of ``lang`` mapped to the other spellings a reader may type for it (search only).

    >>> search_spellings("ko")["손실 함수"]
    ('손실함수', '로스 함수', '로스함수')
    >>> "자동 차별화" in search_spellings("ko")["자동 미분"]   # a wrong word is never offered
    False
    """
    _check_lang(lang)
    return {entry.text(lang): entry.spellings(lang) for entry in GLOSSARY if entry.spellings(lang)}


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
