"""Names inside unspaced Chinese, Japanese and Korean sentences, where the person rule's words
hold more than the name: "山田太郎です" (a name and the copula in one run of letters), "我叫王伟"
("my name is" and the name). A listed name (`cjk_name`: a listed name, or a listed surname
and one or two listed given-name characters) is found after a cue that introduces one, or before
an honorific or a copula that follows one. Korean names: a listed name, or a listed surname and
a listed given name (김 + 민준)."""

from __future__ import annotations

import re

from ._person_words import _CJK
from .lexicon import Lexicon

_HAN = "\u3005\u3400-\u4dbf\u4e00-\u9fff"
# "my name is", "I am", "name:", "contact:" … then the name (2-4 ideographs)
_CUED = re.compile(
    rf"(?:我叫|我是|叫做|名叫|姓名[:：]?|名字是|名字叫|联系人[:：]?|聯絡人[:：]?|收件人[:：]?|私は|僕は|名前は|氏名[:：]?|担当[:：]?)"
    rf"[ \t]?([{_HAN}]{{2,4}})"
)
# the name, then an honorific or a copula: 山田太郎です, 田中さん, 王伟先生, 佐藤様
_BEFORE_HONORIFIC = re.compile(
    rf"(?<![{_HAN}])([{_HAN}]{{2,4}})(?=です|さん|様|さま|くん|君|ちゃん|先生|氏|と申します|女士|小姐|老师|同学)"
)
_HANGUL_CUED = re.compile(
    r"(?:저는|제 이름은|이름[:：]?)[ \t]?([가-힣]{2,4}?)(?=입니다|이에요|예요|이고|[ \t.,]|$)"
)
_HANGUL_BEFORE = re.compile(r"(?<![가-힣])([가-힣]{2,4}?)(?=[ \t]?(?:씨|님|입니다))")


def cued_names(text: str, lex: Lexicon) -> list[tuple[int, int]]:
    """Spans of the listed names (`cjk_name`, `_hangul_name`) that a cue introduces or an
    honorific follows; a candidate is cut back from its end to the longest listed name."""
    out: list[tuple[int, int]] = []
    for rx in (_CUED, _BEFORE_HONORIFIC, _HANGUL_CUED, _HANGUL_BEFORE):
        for m in rx.finditer(text):
            s, e = m.span(1)
            while e - s >= 2 and not _listed(lex, text[s:e]):
                e -= 1  # "王伟，" stops at the comma; "我是王伟的朋友" keeps 王伟
            if e - s >= 2 or (
                e - s == 1 and rx in (_HANGUL_CUED, _HANGUL_BEFORE) and _listed(lex, text[s:e])
            ):
                out.append((s, e))
    return out


def _listed(lex: Lexicon, word: str) -> bool:
    """A listed CJK or Korean name."""
    return cjk_name(lex, word) or _hangul_name(lex, word)


def _hangul_name(lex: Lexicon, word: str) -> bool:
    """A Korean name: listed whole, or a listed surname and a listed given name (김 + 민준)."""
    if not "가" <= word[0] <= "힣":
        return False
    return lex.is_name(word) or (len(word) > 2 and lex.is_name(word[0]) and lex.is_name(word[1:]))


def cjk_name(lex: Lexicon, word: str) -> bool:
    """A CJK word that is a listed name (高橋, 修平) or surname + given name (张慧, 欧阳娜娜)."""
    if not _CJK.match(word):
        return False
    if len(word) >= 2 and lex.is_name(word):
        return True
    for k in (1, 2):
        head, rest = word[:k], word[k:]
        if (
            head in lex.last
            and 1 <= len(rest) <= 2
            and (rest in lex.first or all(c in lex.first for c in rest))
        ):
            return True
    return False
