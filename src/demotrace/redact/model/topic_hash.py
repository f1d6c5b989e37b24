"""The topic classifier's word-piece buckets for many words at once, in numpy.

`topic_ngrams._word_features(word)` is the definition: the CRC-32 (`zlib.crc32`) of the UTF-8
bytes of each 3-, 4- and 5-character piece of `<word>`, then of `"W" + word` stripped, modulo
`BUCKETS`. Called once per word, its Python loop was most of the classifier's cost on a page of
new words. `piece_buckets` computes the same buckets for a batch of words with the table-driven
CRC-32 over arrays: the register of the piece of 3 characters starting at each character is
carried on by one character to give the piece of 4 and again for the piece of 5 (a CRC reads its
bytes in order, so a piece's register is its prefix's register fed the rest). A character is 1 to
4 UTF-8 bytes; each step feeds a character's bytes, masked past its length.
"""

from __future__ import annotations

import zlib

import numpy as np
import numpy.typing as npt

BUCKETS = 1 << 18
STRIP = ".,:;!?()[]\"'«»“”"


def _crc_table() -> npt.NDArray[np.uint32]:
    table = np.arange(256, dtype=np.uint32)
    for _ in range(8):
        table = np.where(table & 1, (table >> 1) ^ np.uint32(0xEDB88320), table >> 1).astype(np.uint32)
    return table


_CRC = _crc_table()
_START = np.uint32(0xFFFFFFFF)
_W = zlib.crc32(b"W")  # the prefix of a whole word's feature


def _feed(
    crc: npt.NDArray[np.uint32],
    buf: npt.NDArray[np.uint8],
    at: npt.NDArray[np.intp],
    length: npt.NDArray[np.intp],
) -> npt.NDArray[np.uint32]:
    """Each register fed the `length[i]` bytes of `buf` from `at[i]` (one character each)."""
    crc = _CRC[(crc ^ buf[at]) & 0xFF] ^ (crc >> 8)
    for b in range(1, int(length.max(initial=1))):
        step = _CRC[(crc ^ buf[at + b]) & 0xFF] ^ (crc >> 8)
        crc = np.where(length > b, step, crc)
    return crc


def piece_buckets(words: list[str]) -> tuple[npt.NDArray[np.intp], npt.NDArray[np.int64]]:
    """(index of the word, bucket) of every feature of `words` (non-empty), each word's in the
    order of `_word_features`: its pieces of 3 characters, then of 4, then of 5, then itself."""
    text = ("<" + "><".join(words) + ">").encode()
    buf = np.frombuffer(text + b"\x00\x00\x00\x00", dtype=np.uint8)
    starts = np.flatnonzero((buf[: len(text)] & 0xC0) != 0x80)  # each character's first byte
    length = np.diff(starts, append=len(text))  # its bytes
    chars = np.fromiter(map(len, words), dtype=np.intp, count=len(words)) + 2  # of each `<word>`
    word = np.repeat(np.arange(len(words), dtype=np.intp), chars)
    left = np.repeat(np.cumsum(chars), chars) - np.arange(len(starts), dtype=np.intp)  # this one on
    first = np.flatnonzero(left >= 3)  # the first character of each piece of 3
    crc = np.full(len(first), _START, dtype=np.uint32)
    for k in range(3):
        crc = _feed(crc, buf, starts[first + k], length[first + k])
    of, out = [word[first]], [crc]
    for n in (4, 5):
        keep = left[first] >= n
        first, crc = first[keep], crc[keep]
        crc = _feed(crc, buf, starts[first + n - 1], length[first + n - 1])
        of.append(word[first])
        out.append(crc)
    of.append(np.arange(len(words), dtype=np.intp))
    buckets = [((c ^ _START) % BUCKETS).astype(np.int64) for c in out]
    crc32, strip = zlib.crc32, STRIP  # `crc32(b"W" + x)` is `crc32(x, crc32(b"W"))`
    buckets.append(np.array([crc32(w.strip(strip).encode(), _W) % BUCKETS for w in words], np.int64))
    return np.concatenate(of), np.concatenate(buckets)
