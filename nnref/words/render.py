"""The words of the derivations nnref.render writes (pages, handouts, notebooks).

Fields in braces are filled by :func:`nnref.words.t`; ``{t.key}`` is a glossary term and a
field followed by ``:은`` (``:이``, ``:을``, ...) takes the Korean particle that fits its sound.
"""

from __future__ import annotations

__all__ = ["RENDER"]

RENDER: dict[str, dict[str, str]] = {
    # the chain rule of one parameter
    "chain_intro": {
        "ko": "{parameter}에 대한 {t.partial_derivative:은} {t.chain_rule}에 따라 "
        "다음 {t.partial_derivative} {count}의 곱입니다.",
        "en": "By the {t.chain_rule}, the {t.partial_derivative} with respect to {parameter} is "
        "the product of {count} {t.partial_derivative}s.",
    },
    "chain_outro": {
        "ko": "{t.chain_rule}의 곱을 기호로만 한 줄에 쓰면 다음과 같습니다.",
        "en": "Written out in symbols, the product is:",
    },
    "one_path": {
        "ko": "{node:은} 경로 하나로만 {t.error}에 영향을 줍니다. 그래서 {step:은} 그 경로의 "
        "{t.partial_derivative} 하나입니다.",
        "en": "{node} affects the error along a single path, so {step} is that path's "
        "{t.partial_derivative}.",
    },
    "many_paths": {
        "ko": "{node:은} 경로 {count}를 거쳐 {t.error}에 영향을 줍니다. 그래서 {step:은} 경로별 "
        "{t.partial_derivative:을} 모두 더한 값입니다.",
        "en": "{node} affects the error along {count} paths, so {step} is the sum of one "
        "{t.partial_derivative} per path.",
    },
    # the update
    "update_intro": {
        "ko": "{t.gradient_descent:으로} 모든 {t.parameter:을} 한꺼번에 {t.update}합니다. {t.gradient:은} "
        "모두 {t.update} 전 값에서 구한 것이고, {t.learning_rate:은} {rate}입니다.",
        "en": "Gradient descent updates every {t.parameter} at once, each with its {t.gradient} at the old "
        "values; the {t.learning_rate} is {rate}.",
    },
    "update_parameter": {"ko": "{t.parameter}", "en": "Parameter"},
    "update_current": {"ko": "현재 값", "en": "Current value"},
    "update_gradient": {"ko": "{t.gradient} {symbol}", "en": "Gradient {symbol}"},
    "update_new": {"ko": "새 값 {symbol}", "en": "New value {symbol}"},
    # the forward pass and the loss
    "forward_node": {"ko": "노드", "en": "Node"},
    "forward_formula": {"ko": "식", "en": "Formula"},
    "forward_numbers": {"ko": "숫자 대입", "en": "With numbers"},
    "forward_value": {"ko": "값", "en": "Value"},
    "forward_exact_intro": {
        "ko": "주어진 수만으로 계산되는 노드는 정확한 값을 짧은 식으로 쓸 수 있습니다.",
        "en": "The nodes computed from the given numbers alone have a short exact value:",
    },
    "loss_intro": {
        "ko": "{t.loss_function:은} {name}({code})이며, 식은 {definition}입니다. {t.target:은} {targets}"
        "입니다. 출력별로 {t.error:을} 구해 모두 더합니다.",
        "en": "The {t.loss_function} is the {name} ({code}): {definition}. The targets are {targets}. "
        "Each output contributes its term of the error:",
    },
    "after_intro": {
        "ko": "{t.update}한 {t.parameter:으로} {t.forward_propagation:을} 다시 하면 다음과 같습니다.",
        "en": "With the updated parameters, the forward pass gives:",
    },
    "after_decreased": {
        "ko": "{t.error} {symbol:은} {before}에서 {after:으로} {amount}만큼 줄었습니다.",
        "en": "The error {symbol} decreased from {before} to {after}, by {amount}.",
    },
    "after_increased": {
        "ko": "{t.error} {symbol:은} {before}에서 {after:으로} {amount}만큼 늘었습니다.",
        "en": "The error {symbol} increased from {before} to {after}, by {amount}.",
    },
    "after_same": {
        "ko": "{t.error} {symbol:은} {before:으로} 그대로입니다.",
        "en": "The error {symbol} stayed at {before}.",
    },
    # the published values
    "published_value": {"ko": "값", "en": "Value"},
    "published_published": {"ko": "게시된 값", "en": "Published"},
    "published_ours": {"ko": "nnref", "en": "nnref"},
    "published_match": {"ko": "일치", "en": "Match"},
    "published_after_one": {"ko": "{t.update} 1회 후", "en": "after one update"},
    # the glossary page's table (nnref.render.glossary_table)
    "glossary_term": {"ko": "한국어 (기호)", "en": "English (notation)"},
    "glossary_other": {"ko": "English", "en": "한국어"},
    "glossary_meaning": {"ko": "설명", "en": "Meaning"},
}
