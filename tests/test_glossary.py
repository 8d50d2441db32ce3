"""The term table is consistent, and no page uses a variant the glossary bans."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from nnref.glossary import (
    GLOSSARY,
    LEGITIMATE_KO,
    banned_variants,
    find_banned,
    first_use,
    get,
    term,
)

DOCS = Path(__file__).resolve().parent.parent / "docs"


def _notebook_text(path: Path) -> str:
    cells = json.loads(path.read_text(encoding="utf-8")).get("cells", [])
    return "\n".join("".join(cell.get("source", "")) for cell in cells)


def _page_texts(root: Path) -> list[tuple[Path, str, tuple[str, ...]]]:
    """(file, text, languages to check): Korean and English pages, notebooks, snippets."""
    found: list[tuple[Path, str, tuple[str, ...]]] = []
    if not root.is_dir():
        return found
    for path in sorted(root.rglob("*")):
        if not path.is_file() or "assets" in path.relative_to(root).parts:
            continue
        name = path.name
        if name.endswith(".ipynb"):
            langs = ("en",) if ".en." in name else ("ko",) if ".ko." in name else ("ko", "en")
            found.append((path, _notebook_text(path), langs))
        elif name.endswith(".ko.md"):
            found.append((path, path.read_text(encoding="utf-8"), ("ko",)))
        elif name.endswith(".en.md"):
            found.append((path, path.read_text(encoding="utf-8"), ("en",)))
        elif "snippets" in path.relative_to(root).parts and path.suffix in {".py", ".md", ".txt"}:
            found.append((path, path.read_text(encoding="utf-8"), ("ko", "en")))
    return found


def banned_in_pages(root: Path) -> list[str]:
    """One readable line per banned variant found under ``root``."""
    problems = []
    for path, text, langs in _page_texts(root):
        for lang in langs:
            for use in find_banned(text, lang):
                problems.append(
                    f"{path}:{use.line}:{use.column}: {use.variant!r} -> write {use.preferred!r}"
                )
    return problems


def test_docs_pages_use_no_banned_variant() -> None:
    assert banned_in_pages(DOCS) == []


def test_the_page_check_fails_on_a_bad_page(tmp_path: Path) -> None:
    (tmp_path / "snippets").mkdir()
    (tmp_path / "good.ko.md").write_text("# 역전파\n\n에포크마다 학습률을 곱한다.\n", encoding="utf-8")
    (tmp_path / "bad.ko.md").write_text("# 역전파\n\n에폭마다 러닝 레이트를 곱한다.\n", encoding="utf-8")
    (tmp_path / "bad.en.md").write_text("Back-propagation in one page.\n", encoding="utf-8")
    (tmp_path / "snippets" / "s.py").write_text('print("그래디언트")\n', encoding="utf-8")
    notebook = {"cells": [{"cell_type": "markdown", "source": ["바이어스를 ", "더한다"]}]}
    (tmp_path / "nb.ko.ipynb").write_text(json.dumps(notebook, ensure_ascii=False), encoding="utf-8")
    problems = banned_in_pages(tmp_path)
    assert len(problems) == 5, problems
    assert any("bad.ko.md:3:1: '에폭'" in p for p in problems)
    assert any("'러닝 레이트' -> write '학습률'" in p for p in problems)
    assert any("bad.en.md:1:1: 'Back-propagation'" in p for p in problems)
    assert any("s.py" in p and "기울기" in p for p in problems)
    assert any("nb.ko.ipynb" in p and "편향" in p for p in problems)
    assert not any("good.ko.md" in p for p in problems)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("레이어를 쌓는다", ["레이어"]),
        ("은닉 계층", ["계층"]),
        ("그레이디언트와 그래디언트", ["그레이디언트", "그래디언트"]),
        ("웨이트와 바이어스", ["웨이트", "바이어스"]),
        ("자동 차별화, 체중 감소", ["자동 차별화", "체중 감소"]),
        ("러닝레이트", ["러닝레이트"]),
        ("하이퍼 파라미터와 파라미터", ["하이퍼 파라미터", "파라미터"]),
        ("게임 플레이어, 계층적 구조, 에폭시 수지, 하이퍼파라미터", []),
        ("한 스텝 뒤의 손실, 정답 클래스, 훈련 데이터", ["스텝", "정답", "훈련 데이터"]),
        ("층, 은닉층, 에포크, 기울기, 편향, 가중치, 학습률", []),
    ],
)
def test_korean_matching(text: str, expected: list[str]) -> None:
    assert [use.variant for use in find_banned(text, "ko")] == expected


def test_english_matching_is_whole_word_and_case_insensitive() -> None:
    assert [u.variant for u in find_banned("Mean Square Error; cross entropy", "en")] == [
        "Mean Square Error",
        "cross entropy",
    ]
    assert find_banned("mean squared error, cross-entropy, backpropagation", "en") == []


def test_one_word_for_an_update_a_target_and_the_training_data() -> None:
    # The review found four words for one update and two for the target and the training data.
    choices = banned_variants("ko")
    assert (choices["스텝"], choices["정답"], choices["훈련 데이터"]) == ("갱신", "실제값", "학습 데이터")
    assert term("iteration", "ko") == "이터레이션"  # an iteration makes one update: two concepts


def test_every_term_has_a_one_line_definition_in_both_languages() -> None:
    for entry in GLOSSARY:
        for lang in ("ko", "en"):
            definition = entry.note(lang)
            assert definition and "\n" not in definition and "|" not in definition, (entry.key, lang)
            assert len(definition) <= 110, (entry.key, lang, len(definition))
    korean = {t.ko for t in GLOSSARY}
    for basic in ("확률적 경사 하강법", "회귀", "분류", "기울기 소실", "검증 데이터", "원-핫 인코딩",
                  "야코비 행렬", "조기 종료"):
        assert basic in korean


def test_search_spellings_offer_variants_but_never_a_wrong_word() -> None:
    assert "경사하강법" in get("gradient_descent").spellings("ko")
    assert "활성화함수" in get("activation_function").spellings("ko")
    assert "cross entropy" in get("cross_entropy").spellings("en")
    wrong = {w for t in GLOSSARY for w in t.wrong_ko}
    assert wrong == {"자동 차별화", "체중 감소"}
    assert not wrong & {s for t in GLOSSARY for s in t.spellings("ko")}
    assert all(wrong_word in banned_variants("ko") for wrong_word in wrong)  # still linted


def test_table_has_one_term_per_concept() -> None:
    keys = [t.key for t in GLOSSARY]
    assert len(keys) == len(set(keys))
    for lang in ("ko", "en"):
        words = [t.text(lang).lower() for t in GLOSSARY]
        duplicates = {w for w in words if words.count(w) > 1}
        assert not duplicates, f"{lang} terms used twice: {duplicates}"


def test_no_term_or_note_uses_a_banned_variant() -> None:
    for entry in GLOSSARY:
        for lang in ("ko", "en"):
            for text in (entry.text(lang), first_use(entry.key, lang), entry.note(lang)):
                assert find_banned(text, lang) == [], (entry.key, lang, text)


def test_banned_variants_are_not_terms_and_legitimate_words_are_needed() -> None:
    for lang in ("ko", "en"):
        allowed = {t.text(lang).lower() for t in GLOSSARY}
        assert not allowed & {v.lower() for v in banned_variants(lang)}
    ko_variants = banned_variants("ko")
    for word in LEGITIMATE_KO:  # each exception really protects a word from a variant
        assert any(v.replace(" ", "") in word for v in ko_variants), word


SEED_AND_BOOK_WORDS = (
    "인공신경망", "퍼셉트론", "임계값", "활성화 함수", "입력층", "은닉층", "출력층", "순방향 신경망",
    "순환 신경망", "완전 연결층", "손실 함수", "평균 제곱 오차", "에포크", "배치 크기", "이터레이션",
    "순전파", "역전파", "연쇄 법칙", "편미분", "경사 하강법", "학습률", "가중치",
    "편향", "기울기", "이진 교차 엔트로피", "범주형 교차 엔트로피",
)


def test_the_seed_and_book_words_are_the_terms() -> None:
    korean = {t.ko for t in GLOSSARY}
    assert [w for w in SEED_AND_BOOK_WORDS if w not in korean] == []


def test_lookup_errors_name_the_argument() -> None:
    with pytest.raises(ValueError, match="lang must be one of ko, en; got 'jp'"):
        term("epoch", "jp")
    with pytest.raises(ValueError, match=r"key must be a glossary key.*'epoch'"):
        get("epoc")
    with pytest.raises(TypeError, match="text must be a string"):
        find_banned(b"bytes", "ko")  # type: ignore[arg-type]
