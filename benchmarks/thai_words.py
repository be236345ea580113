"""Prints what each way of loading the Thai word dictionary costs, and checks they agree.

    python benchmarks/thai_words.py

Issue 20: the first word break used to build pythainlp's dictionary trie (62,106 words,
~1.6 s of pure Python) on the GUI thread at start-up. Options measured, each once in this
process, in order: importing pythainlp's tokenizer; domain.thai_words.dictionary() (reads
the word list file into a SortedWords: sorted tuple + bisection); pythainlp reading the
same list and building its Trie; then newmm over sample sentences with each dictionary
(the words must be the same).
"""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path

os.environ.setdefault("PYTHAINLP_READ_ONLY", "1")
ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT / "src"), str(ROOT)]


def timed(label: str, fn):  # type: ignore[no-untyped-def]
    started = time.perf_counter()
    result = fn()
    print(f"{label:<52} {(time.perf_counter() - started) * 1000:8.1f} ms")
    return result


def main() -> int:
    timed("import pythainlp.tokenize (the package)", lambda: __import__("pythainlp.tokenize"))
    from pythainlp.corpus import thai_words as corpus_words
    from pythainlp.tokenize import word_tokenize
    from pythainlp.util import Trie
    from tests.reports.thai_samples import NAMES, SENTENCES

    from asr_desktop.domain.thai_words import dictionary

    sorted_words = timed("SortedWords from the word list file (dictionary())", dictionary)
    words = timed("pythainlp reads the word list (frozenset)", corpus_words)
    trie = timed(f"pythainlp Trie of those {len(words):,} words", lambda: Trie(words))

    texts = [*SENTENCES, *NAMES] * 10
    for name, words_of in (("Trie", trie), ("SortedWords", sorted_words)):
        result = timed(
            f"newmm over {len(texts)} sentences with {name}",
            lambda d=words_of: [word_tokenize(t, custom_dict=d, engine="newmm") for t in texts],
        )
        if name == "Trie":
            expected = result
    print("same words with both:", result == expected)
    return 0 if result == expected else 1


if __name__ == "__main__":
    sys.exit(main())
