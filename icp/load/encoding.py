"""Text files in any encoding people save customer lists in, as UTF-8.

UTF-8 (with or without BOM), UTF-16/32, GB18030 for Chinese, Windows-1252 for
Western "CSV" exports, and UTF-8 files with a few lines pasted in from another
code page (repaired line by line, and reported).
"""

from __future__ import annotations

import codecs
import re
import unicodedata

from icp.errors import InputError

__all__ = ["MixedEncoding", "decode_mixed", "to_utf8", "utf16_without_bom"]

_MB = 1024 * 1024
_CSV_SAMPLE = 256 * 1024


def utf16_without_bom(sample: bytes) -> str | None:
    """'utf-16-le'/'utf-16-be' when the sample is clearly UTF-16 text without a BOM."""
    s = sample[:4096]
    if len(s) < 8:
        return None
    even, odd = s[0::2], s[1::2]
    if odd.count(0) > 0.4 * len(odd) and even.count(0) < 0.05 * len(even):
        return "utf-16-le"
    if even.count(0) > 0.4 * len(even) and odd.count(0) < 0.05 * len(odd):
        return "utf-16-be"
    return None


def to_utf8(data: bytes, *, strict: bool) -> tuple[bytes, str | None]:
    """(UTF-8 bytes without BOM, detected encoding name or None for plain UTF-8).

    With ``strict`` a UTF-8-looking file is passed through undecoded (pyarrow
    validates it); otherwise the whole file is decoded and re-encoded.
    """
    if data.startswith(codecs.BOM_UTF8):
        body = data[3:]
        if strict:
            return body, None
        return _decode_guess(body)
    for bom, enc in (
        (codecs.BOM_UTF32_LE, "utf-32"),
        (codecs.BOM_UTF32_BE, "utf-32"),
        (codecs.BOM_UTF16_LE, "utf-16"),
        (codecs.BOM_UTF16_BE, "utf-16"),
    ):
        if data.startswith(bom):
            return data.decode(enc, errors="replace").encode(
                "utf-8"
            ), "UTF-16" if "16" in enc else "UTF-32"
    enc16 = utf16_without_bom(data[:4096])
    if enc16:
        return data.decode(enc16, errors="replace").encode("utf-8"), "UTF-16"
    if strict:
        try:
            codecs.getincrementaldecoder("utf-8")().decode(data[:_CSV_SAMPLE], final=False)
            return data, None
        except UnicodeDecodeError:
            pass
    return _decode_guess(data)


def _decode_guess(data: bytes) -> tuple[bytes, str | None]:
    """Decode a non-UTF-8 text file: GB18030 for Chinese, else charset-normalizer's guess.

    A guess that yields Latin letters is read as Windows-1252, the code page
    Excel uses for "CSV" in Western locales (guessers often pick a wrong cousin).
    """
    try:
        return data.decode("utf-8").encode("utf-8"), None
    except UnicodeDecodeError:
        pass
    mixed = decode_mixed(data)
    if mixed is not None:
        return mixed
    from charset_normalizer import from_bytes  # lazy: startup speed

    best = from_bytes(data[: 2 * _MB]).best()
    guess = best.encoding if best is not None else None
    if guess is None or guess.startswith(("gb", "hz")):
        try:
            text = data.decode("gb18030")
            if _mostly_cjk(text[:20000]):
                return text.encode("utf-8"), "GB18030 (GBK)"
        except UnicodeDecodeError:
            pass
    if guess is None:
        raise InputError("load.text_undecodable")
    text = data.decode(guess, errors="replace")
    if _latin_script(text[:20000]) or _stray_letters(text[:20000], data[: 2 * _MB]):
        try:
            return data.decode("cp1252").encode("utf-8"), "Windows-1252"
        except UnicodeDecodeError:
            return data.decode("latin-1").encode("utf-8"), "Latin-1"
    return text.encode("utf-8"), guess.upper().replace("_", "-")


class MixedEncoding(str):
    """An encoding label for a UTF-8 file with some lines in another code page.

    Carries the (1-based) line numbers that were decoded on their own, so the
    reader can say which lines it repaired.
    """

    lines: tuple[int, ...]


def decode_mixed(data: bytes) -> tuple[bytes, MixedEncoding] | None:
    """Read a mostly-UTF-8 file line by line when a few lines are cp1252 or GBK.

    Excel exports pasted together, or one row typed on another machine, give
    a UTF-8 file with a handful of foreign lines; decoding the whole file in
    the foreign code page garbles every other line ("Café" → "CafÃ©").  Used
    only when more lines are valid non-ASCII UTF-8 than are not; each bad
    line is read as GBK when its high bytes pair up as GB2312 Chinese, else
    as Windows-1252 (Latin-1 for its five unmapped bytes).  Returns None when the file is not
    mainly UTF-8.
    """
    lines = data.split(b"\n")
    good = bad = 0
    for line in lines:
        if line.isascii():
            continue
        try:
            line.decode("utf-8")
            good += 1
        except UnicodeDecodeError:
            bad += 1
    if not bad or good <= bad:
        return None
    out: list[str] = []
    repaired: list[int] = []
    for number, line in enumerate(lines, start=1):
        try:
            out.append(line.decode("utf-8"))
            continue
        except UnicodeDecodeError:
            repaired.append(number)
        if _gb2312_pairs(line):
            text = line.decode("gb18030")
        else:
            try:
                text = line.decode("cp1252")
            except UnicodeDecodeError:
                text = line.decode("latin-1")
        out.append(text)
    label = MixedEncoding("UTF-8")
    label.lines = tuple(repaired)
    return "\n".join(out).encode("utf-8"), label


def _gb2312_pairs(line: bytes) -> bool:
    """True when every byte above 0x7F sits in a pair of 0xA1–0xFE bytes (GB2312 Chinese).

    Windows-1252 accents are single high bytes between ASCII letters
    ("M\xfcller"), which GBK would otherwise read as one Chinese character.
    """
    i, n = 0, len(line)
    while i < n:
        if line[i] < 0x80:
            i += 1
        elif 0xA1 <= line[i] <= 0xFE and i + 1 < n and 0xA1 <= line[i + 1] <= 0xFE:
            i += 2
        else:
            return False
    return True


def _latin_script(text: str) -> bool:
    """True when every non-ASCII letter is a Latin letter (the guess was a Western code page)."""
    letters = {c for c in text if ord(c) > 127 and c.isalpha()}
    return all(unicodedata.name(c, "").startswith("LATIN") for c in letters)


_LETTER_RUN = re.compile(r"[^\W\d_a-zA-Z]{2,}")  # two non-ASCII letters in a row: a word


def _stray_letters(text: str, data: bytes) -> bool:
    """True when the guess made only lone letters, never a word, and Windows-1252 reads the
    bytes as Latin text: an English export whose one non-ASCII byte is "€" (0x80) was read
    as CP1125, giving "Revenue (А)" with a Cyrillic A.  A real Cyrillic or Greek file
    spells words, so its letters come in runs."""
    if _LETTER_RUN.search(text):
        return False
    try:
        western = data.decode("cp1252")
    except UnicodeDecodeError:
        return False
    return _latin_script(western[:20000])


def _mostly_cjk(text: str) -> bool:
    non_ascii = [c for c in text if ord(c) > 127]
    if not non_ascii:
        return True
    cjk = sum(
        1
        for c in non_ascii
        if "\u4e00" <= c <= "\u9fff" or "\u3000" <= c <= "\u303f" or "\uff00" <= c <= "\uffef"
    )
    return cjk >= 0.7 * len(non_ascii)
