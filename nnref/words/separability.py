"""The words of a Fourier–Motzkin certificate (:mod:`nnref.render.separability`): the row
inequalities' table and the sentence of each elimination step.

English chooses singular or plural by how many inequalities a sentence names, so those entries
come in pairs (``..._one``/``..._many``); Korean says the same in both.
"""

from __future__ import annotations

__all__ = ["SEPARABILITY"]

SEPARABILITY: dict[str, dict[str, str]] = {
    # the table of row inequalities
    "inequalities_number": {"ko": "번호", "en": "No."},
    "inequalities_input": {"ko": "입력", "en": "Input"},
    "inequalities_output": {"ko": "출력", "en": "Output"},
    "inequalities_condition": {"ko": "필요한 조건", "en": "Condition"},
    "inequalities_inequality": {"ko": "부등식", "en": "Inequality"},
    # one elimination step
    "certificate_eliminate": {"ko": "{v} 소거.", "en": "Eliminate {v}."},
    "certificate_combine": {
        "ko": "{v}의 계수가 양수인 부등식과 음수인 부등식을 짝지어, {v} 항이 없어지도록 양수를 곱해 "
        "더합니다.",
        "en": "Each inequality with a positive coefficient on {v} is paired with each one with a negative "
        "coefficient, and positive multiples of the two are added so that {v} cancels.",
    },
    "certificate_why_add": {
        "ko": "참인 부등식에 양수를 곱해 더한 부등식도 참입니다.",
        "en": "Positive multiples of true inequalities add up to a true inequality.",
    },
    "certificate_dropped_one": {
        "ko": "{labels}번 부등식은 {v} 값을 한쪽으로만 제한하므로, {v} 값을 충분히 크거나 작게 잡으면 "
        "늘 만족됩니다. 그래서 뺍니다.",
        "en": "{labels} bounds {v} from one side only: a large or small enough {v} always satisfies it, "
        "so it is set aside.",
    },
    "certificate_dropped_many": {
        "ko": "{labels}번 부등식은 {v} 값을 한쪽으로만 제한하므로, {v} 값을 충분히 크거나 작게 잡으면 "
        "늘 만족됩니다. 그래서 뺍니다.",
        "en": "{labels} bound {v} from one side only: a large or small enough {v} always satisfies them, "
        "so they are set aside.",
    },
    "certificate_kept_one": {
        "ko": "{labels}번 부등식에는 {v} 항이 없으므로 그대로 둡니다.",
        "en": "{labels} does not contain {v} and stays as it is.",
    },
    "certificate_kept_many": {
        "ko": "{labels}번 부등식에는 {v} 항이 없으므로 그대로 둡니다.",
        "en": "{labels} do not contain {v} and stay as they are.",
    },
    "certificate_trivial_one": {
        "ko": "{labels}번 부등식은 변수가 없는 참인 부등식이라 뺍니다.",
        "en": "{labels} has no variable left and is true: set aside.",
    },
    "certificate_trivial_many": {
        "ko": "{labels}번 부등식은 변수가 없는 참인 부등식이라 뺍니다.",
        "en": "{labels} have no variable left and are true: set aside.",
    },
    "certificate_duplicate": {
        "ko": "({a})번 부등식은 ({b})번 부등식과 같으므로 하나만 남깁니다.",
        "en": "({a}) is the same as ({b}); one is kept.",
    },
    # how it ends
    "certificate_contradiction": {
        "ko": "({label})번 부등식은 {relation}으로, 거짓입니다. 처음 부등식이 모두 참이라면 그 부등식들에 "
        "양수를 곱해 더한 이 부등식도 참이어야 하므로, 모든 행의 조건을 함께 만족하는 {t.weight:와} "
        "{t.bias:은} 없습니다. 이 {t.truth_table:은} {t.perceptron} 하나로 계산할 수 없습니다.",
        "en": "({label}) says {relation}, which is false. It is a sum of positive multiples of the starting "
        "inequalities, so it would hold if they all did: no weights and bias meet every row's condition, "
        "and no single {t.perceptron} computes this {t.truth_table}.",
    },
    "certificate_solution": {
        "ko": "모든 변수를 소거해도 거짓인 부등식이 나오지 않으므로 해가 있습니다. 마지막 변수부터 거꾸로 "
        "대입해 허용 구간에서 가장 간단한 값을 고르면 {values}이고, 이 {t.perceptron:은} 모든 행에서 "
        "{t.truth_table}의 출력을 냅니다.",
        "en": "No false inequality appears once every variable is gone, so a solution exists. Substituting "
        "back from the last variable, with the simplest value each interval allows, gives {values}: this "
        "{t.perceptron} outputs the {t.truth_table} on every row.",
    },
}
