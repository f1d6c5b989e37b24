"""Characters → model inputs, and per-character label names; shared by training and inference.

Two ids per character, language-agnostic: the lower-cased code point (Latin, Greek and Cyrillic
kept apart up to U+04FF, everything else hashed into `HASHED` buckets, so CJK ideographs share
buckets but keep their own ids mostly) and a shape class (upper, lower, digit, space, newline,
punctuation, uncased letter, other). Case lives only in the shape, so a name learnt in one case
is found in another.
"""

from __future__ import annotations

import functools

import numpy as np
import numpy.typing as npt

DIRECT = 0x500
HASHED = 2048
VOCAB = DIRECT + HASHED
LABELS: tuple[str, ...] = ("O", "PERSON", "STREET_ADDRESS", "ACCOUNT_ID", "USERNAME", "SECRET")
LETTER_TO_LABEL = {"P": 1, "A": 2, "I": 3, "U": 4, "S": 5}
TOPICS: tuple[str, ...] = ("health", "family", "immigration")
SHAPES = 9  # 0 is padding


def _char_id(ch: str) -> int:
    low = ch.lower()
    cp = ord(low[0]) if len(low) == 1 else ord(ch)
    if cp < DIRECT:
        return cp
    return DIRECT + (cp * 2654435761 % 4294967296) % HASHED


def _shape(ch: str) -> int:
    if ch.isupper():
        return 1
    if ch.islower():
        return 2
    if ch.isdigit():
        return 3
    if ch == "\n":
        return 5
    if ch.isspace():
        return 4
    if ch.isalpha():
        return 7
    if ch.isprintable():
        return 6
    return 8


_TABLE_IDS = np.array([_char_id(chr(c)) for c in range(0x3000)], dtype=np.int64)
_TABLE_SHAPES = np.array([_shape(chr(c)) for c in range(0x3000)], dtype=np.int64)


def encode(text: str) -> tuple[npt.NDArray[np.int64], npt.NDArray[np.int64]]:
    """(char ids, shape ids), one each per character of `text` (UTF-32 code points)."""
    cps = np.frombuffer(text.encode("utf-32-le"), dtype=np.uint32).astype(np.int64)
    small = cps < 0x3000
    if small.all():
        return _TABLE_IDS[cps], _TABLE_SHAPES[cps]
    ids = np.where(small, _TABLE_IDS[np.where(small, cps, 0)], 0)
    shapes = np.where(small, _TABLE_SHAPES[np.where(small, cps, 0)], 0)
    big = np.flatnonzero(~small)
    pairs = np.array([_ids_of(text[i]) for i in big.tolist()], dtype=np.int64).reshape(-1, 2)
    ids[big], shapes[big] = pairs[:, 0], pairs[:, 1]
    return ids, shapes


_TABLE_PAIRS = (_TABLE_IDS * SHAPES + _TABLE_SHAPES).astype(np.int32)


def encode_pairs(text: str) -> npt.NDArray[np.int32]:
    """`ids * SHAPES + shapes` of `encode(text)`, one int32 per character: the input of the int8
    tagger (one embedding row per (char id, shape) pair)."""
    cps = np.frombuffer(text.encode("utf-32-le"), dtype=np.uint32)
    small = cps < 0x3000
    if small.all():
        return _TABLE_PAIRS[cps]
    out = _TABLE_PAIRS[np.where(small, cps, 0)]
    big = np.flatnonzero(~small)
    pairs = np.array([_ids_of(text[i]) for i in big.tolist()], dtype=np.int32).reshape(-1, 2)
    out[big] = pairs[:, 0] * SHAPES + pairs[:, 1]
    return out


@functools.lru_cache(maxsize=1 << 16)
def _ids_of(ch: str) -> tuple[int, int]:
    """(char id, shape id) of a character past the tables (CJK text repeats the same few thousand)."""
    return _char_id(ch), _shape(ch)
