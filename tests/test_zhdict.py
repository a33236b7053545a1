"""jieba with its dictionary loaded per character cuts exactly as jieba with all of it.

``icp.zhdict`` exists for speed (a list with four distinct hanzi should not
load 500,000 dictionary entries); these tests only check that nothing a
user sees — the words a note is cut into — can change because of it.
"""

from __future__ import annotations

import json
import logging
import os
import random
import subprocess
import sys
from pathlib import Path

import jieba
import pytest

from icp import text, zhdict

jieba.setLogLevel(logging.WARNING)
ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def whole() -> jieba.Tokenizer:
    tk = jieba.Tokenizer()
    tk.initialize()
    return tk


def _fresh() -> zhdict.LazyTokenizer:
    tk = zhdict.tokenizer()
    assert isinstance(tk, zhdict.LazyTokenizer)
    return zhdict.LazyTokenizer(tk._index)


def test_entries_and_total_are_jiebas_own(whole):
    """Every first character's entries, grouped in one pass over jieba's whole dictionary
    (filtering it once per character cost ~10 s for a sample of 450)."""
    lazy = _fresh()
    assert lazy.total == whole.total
    by_first: dict[str, dict[str, int]] = {}
    for w, f in whole.FREQ.items():
        by_first.setdefault(w[0], {})[w] = f
    assert len(by_first) > 5_000  # every first character, not a sample
    for ch, want in by_first.items():
        assert lazy._index.entries(ch) == want, ch
    assert lazy._index.entries("\U0001f600") == {}  # a character no word starts with


def _teach(tk: jieba.Tokenizer, words: list[str]) -> None:
    """What ``icp.text.learn_vocabulary`` does to a tokenizer."""
    for word in sorted(words):
        freq = tk.suggest_freq(word, tune=False)
        if freq > tk.FREQ.get(word, 0):
            tk.add_word(word, freq=freq)


@pytest.mark.parametrize("share", [zhdict._WHOLE_SHARE, 0.02])
def test_cuts_equal_the_whole_dictionary(whole, monkeypatch, share):
    """Also once so many characters are needed that the rest is loaded whole (share 0.02)."""
    monkeypatch.setattr(zhdict, "_WHOLE_SHARE", share)
    lazy = _fresh()
    reference = jieba.Tokenizer()
    reference.FREQ, reference.total, reference.initialized = dict(whole.FREQ), whole.total, True
    vocab = ["国厦", "华东区", "北美留学", "自动化产线", "对国厦设备满意"]
    _teach(lazy, vocab[:2])  # some words before any cut, some after
    _teach(reference, vocab[:2])
    hanzi = [w for w in whole.FREQ if len(w) == 1 and "\u4e00" <= w <= "\u9fff"][:2500]
    rng = random.Random(1)
    texts = ["对国厦设备满意，希望自动化产线", "一些备注", "北美留学雅思培训价格敏感"]
    texts += ["".join(rng.choice(hanzi) for _ in range(rng.randint(2, 25))) for _ in range(400)]
    for i, sentence in enumerate(texts):
        if i == 200:
            _teach(lazy, vocab[2:])
            _teach(reference, vocab[2:])
        assert lazy.lcut(sentence) == reference.lcut(sentence), sentence
        assert lazy.lcut(sentence, HMM=False) == reference.lcut(sentence, HMM=False)
    assert lazy.total == reference.total
    assert lazy._whole == (share < 0.1)


def test_the_words_icp_cuts_are_unchanged():
    """The tokenizer ``icp.text`` uses is the lazy one and gives the documented words."""
    assert isinstance(text._jieba(), zhdict.LazyTokenizer)
    # 需要 is a stop word
    assert text.tokenize("需要ERP系统 价格敏感") == ["erp", "系统", "价格", "敏感"]


@pytest.mark.parametrize(
    "data",
    [
        b" leading 3 n\n",  # gen_pfdict strips the line: its first character is another
        b"word 3\r\n",  # a carriage return after the frequency
        b"word +3 n\n",  # int() reads it, the index would not
        b"word\n",  # no frequency at all
        b"",
    ],
)
def test_a_dictionary_the_index_cannot_read_alike_is_refused(data):
    assert zhdict._index(data) is None


def test_a_plain_dictionary_is_indexed():
    data = "一 10 m\n一些 5 m\n些 3 q\n一些 7 m\nAT&T 3 nz".encode()
    ix = zhdict._index(data)
    assert ix is not None and ix.total == 28
    assert ix.entries("一") == {"一": 10, "一些": 7}  # the later line of a repeated word wins
    assert ix.entries("些") == {"些": 3}
    assert ix.entries("A") == {"AT&T": 3, "A": 0, "AT": 0, "AT&": 0}
    assert ix.entries("我") == {}


def test_jieba_is_imported_without_pkg_resources_and_cuts_the_same(whole):
    """A fresh process (as the CLI's warm-up): jieba opens its files by path, pkg_resources
    stays unimported but importable, and the cuts are those of jieba's whole dictionary."""
    sentences = ["一些备注 some notes", "北京的制造业客户签约了云服务", "采购经理和IT 总监"]
    code = (
        "import json, sys\n"
        "from icp import zhdict\n"
        "tk = zhdict.tokenizer()\n"
        "loaded = 'pkg_resources' in sys.modules\n"
        "cuts = [tk.lcut(s) for s in json.loads(sys.argv[1])]\n"
        "import pkg_resources  # importable again\n"
        "print(json.dumps([loaded, pkg_resources.__name__, cuts]))\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", code, json.dumps(sentences)],
        capture_output=True,
        check=True,
        cwd=ROOT,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
    )
    loaded, name, cuts = json.loads(out.stdout)
    assert loaded is False
    assert name == "pkg_resources"
    assert cuts == [whole.lcut(s) for s in sentences]
