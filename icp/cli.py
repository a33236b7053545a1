"""``python -m icp``: analyse, report, score and move workspaces from a shell.

The commands use the same entry points as the app (``open_dataset``,
``analysis.run``, ``report``, ``score``, ``store``), so the CLI, the app and
the PDF can never disagree.  Unusable input exits with status 2 and one
``error:`` line on stderr — never a traceback (``ICP_DEBUG=1`` shows it).
"""

from __future__ import annotations

import argparse
import codecs
import json
import os
import re
import sys
import zipfile
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from icp.errors import InputError
from icp.i18n import Lang, t
from icp.warm import warm_up

__all__ = ["CLI_MAX_BYTES", "main"]

# Local files are not bound by the browser upload limit (50 MB), only by memory.
CLI_MAX_BYTES = 2 * 1024**3


class _Parser(argparse.ArgumentParser):
    """argparse that reports usage errors as one ``error:`` line, exit 2."""

    def error(self, message: str) -> None:  # type: ignore[override]
        raise InputError("cli.usage", detail=message)


def _customer_options(p: argparse.ArgumentParser) -> None:
    """The customer list and how to read and rank it (shared by analyze, report, score)."""
    p.add_argument("input")
    p.add_argument("--sheet")
    p.add_argument("--deals", metavar="FILE", help="a separate deals file to join per account")
    p.add_argument("--top", type=int, default=10)
    p.add_argument("--outcome", action="store_true", help="compare won vs not won")
    p.add_argument("--lang", choices=["en", "zh"], default="en")


def _build_parser() -> argparse.ArgumentParser:
    p = _Parser(prog="python -m icp", description="ICP Workbench command line")
    sub = p.add_subparsers(dest="command", required=True, parser_class=_Parser)

    a = sub.add_parser("analyze", help="analyse a customer list")
    _customer_options(a)
    a.add_argument("--json", metavar="OUT", help="write the JSON result to OUT, or - for stdout")

    r = sub.add_parser("report", help="write the ICP summary as PDF")
    _customer_options(r)
    r.add_argument("--pdf", required=True, metavar="OUT.pdf")
    r.add_argument(
        "--worksheet",
        action="store_true",
        help="add the 14-step worksheet and checklist as an appendix (off by default)",
    )

    s = sub.add_parser("score", help="score a prospect list for fit")
    _customer_options(s)
    s.add_argument("--prospects", required=True)
    s.add_argument("--out", required=True, metavar="scored.xlsx")

    w = sub.add_parser("workspace", help="list, export and import workspaces")
    wsub = w.add_subparsers(dest="action", required=True, parser_class=_Parser)
    wsub.add_parser("list")
    e = wsub.add_parser("export", help="a .zip backup (an --out ending in .json: the older JSON)")
    e.add_argument("id")
    e.add_argument("--out", required=True, metavar="backup.zip")
    i = wsub.add_parser("import", help="a backup made by export, .zip or .json")
    i.add_argument("file")
    d = wsub.add_parser("delete", help="delete a workspace with its versions and files")
    d.add_argument("id")
    return p


def _settings(args: argparse.Namespace):
    from icp.model import Settings  # lazy: startup speed (pandas; `--help` stays instant)

    if not 1 <= args.top <= 1000:
        raise InputError("cli.bad_top", top=args.top)
    return Settings(top_n=args.top, mode="outcome" if args.outcome else "top")


def _open(path: str, sheet: str | None, deals: str | None = None):

    for name in (path, deals):
        if name is not None and not Path(name).is_file():
            raise InputError("cli.no_file", path=name)
    chinese = _shows_chinese(Path(path))
    # a user's file is read in a limited child process forked from this one: the reader's
    # modules (pandas, pyarrow) are imported here, once, and the warm-up thread starts after
    # the fork, overlapping the parse; our bundled samples are read here (icp.samples).
    # A big workbook's safety scan needs none of those modules: it runs in a first worker
    # while this process imports them, and the reader trusts it (icp.bookcheck)
    from icp import bookcheck, worker  # lazy: startup speed

    scan = None
    if _zip_of(path, bookcheck.PRESCAN_MIN_BYTES):
        scan = worker.start(bookcheck.prescan, path, CLI_MAX_BYTES, fork=True)
    worker.preload()
    from icp import samples  # lazy: startup speed

    return samples.open_dataset(
        Path(path),
        sheet=sheet,
        deals=Path(deals) if deals else None,
        max_bytes=CLI_MAX_BYTES,
        fork=True,
        started=lambda: warm_up(chinese=chinese),
        scanned=_scanned(scan),
    )


def _zip_of(path: str, least: int) -> bool:
    """Whether ``path`` starts as a zip (a workbook, maybe) of ``least`` bytes or more."""
    try:
        with open(path, "rb") as fh:
            return os.fstat(fh.fileno()).st_size >= least and fh.read(4) == b"PK\x03\x04"
    except OSError:
        return False


def _scanned(scan: Any) -> Any:
    """The first worker's scan, or None (the reader then checks the file itself, as always)."""
    if scan is None:
        return None
    try:
        return scan.result()
    except InputError:  # a limit broke: the reader meets the file afresh and says what broke
        return None


_HAN = re.compile("[\u3400-\u9fff\uf900-\ufaff]")
_PEEK = 256 * 1024


def _shows_chinese(path: Path) -> bool:
    """Whether the first text of a file holds Chinese (so jieba is worth loading early).

    A peek only — the shared strings of a workbook, or the head of a text
    file; a wrong guess costs a second of loading, never a wrong result.
    """
    try:
        with path.open("rb") as f:
            head = f.read(_PEEK)
        if head.startswith(b"PK"):  # shared strings, or the sheets' inline strings
            with zipfile.ZipFile(path) as zf:
                names = [n for n in zf.namelist() if n.startswith("xl/sharedStrings")]
                names += sorted(n for n in zf.namelist() if n.startswith("xl/worksheets/"))
                head = b"".join(zf.open(n).read(_PEEK) for n in names[:3])
        try:
            text = codecs.getincrementaldecoder("utf-8")().decode(head)  # may end mid-character
        except UnicodeDecodeError:
            text = head.decode("gb18030", "ignore")
        return bool(_HAN.search(text))
    except (OSError, KeyError, zipfile.BadZipFile, ValueError):
        return False


def _analyze(args: argparse.Namespace) -> int:
    ds = _open(args.input, args.sheet, args.deals)
    from icp import analysis  # lazy: startup speed (scipy loads in the warm-up meanwhile)

    result = analysis.run(ds, _settings(args))
    payload = result.to_json(ds, args.lang)
    if args.json:
        text = json.dumps(payload, ensure_ascii=False, indent=2)
        if args.json == "-":
            sys.stdout.write(text + "\n")
        else:
            Path(args.json).write_text(text + "\n", encoding="utf-8")
        return 0
    lang: Lang = args.lang
    print(t("cli.summary.rows", lang, rows=payload["rows"], cols=len(payload["columns"])))
    print(payload["definition"]["sentence"])
    print(t("cli.summary.best", lang, names=", ".join(payload["best"]["names"][:10])))
    # what the best share (words, then numbers), then what the rest share instead
    for finding in [*payload["traits"][:5], *payload["numeric"][:3]]:
        print("  • " + finding["sentence"])
    for finding in payload["warning_traits"][:3]:
        print("  − " + finding["sentence"])
    for w in payload["warnings"]:
        print("  ! " + w)
    return 0


def _report(args: argparse.Namespace) -> int:
    ds = _open(args.input, args.sheet, args.deals)
    from icp import analysis, report  # lazy: startup speed (scipy loads in the warm-up)

    result = analysis.run(ds, _settings(args))
    summary = report.summarise(ds, result, answers={}, lang=args.lang)
    pdf = report.pdf_bytes(summary, worksheet=args.worksheet)
    Path(args.pdf).write_bytes(pdf)
    print(t("cli.wrote", args.lang, path=args.pdf))
    return 0


def _score(args: argparse.Namespace) -> int:
    ds = _open(args.input, args.sheet, args.deals)
    prospects = _open(args.prospects, None)
    from icp import analysis, report, score  # lazy: startup speed (scipy loads in the warm-up)

    result = analysis.run(ds, _settings(args))
    scored = score.score_prospects(ds, result, prospects, lang=args.lang)
    Path(args.out).write_bytes(report.scored_xlsx_bytes(scored, lang=args.lang))
    print(t("cli.wrote", args.lang, path=args.out))
    return 0


def _workspace(args: argparse.Namespace) -> int:
    from icp import worker  # lazy: startup speed (only this command needs it)
    from icp.store import Store  # lazy: startup speed (only this command needs it)

    store = Store()
    if args.action == "list":
        for w in store.list():
            print(f"{w.id}\t{w.name}\t{w.updated_at}")
    elif args.action == "export":
        if store.info(args.id) is None:
            raise InputError("store.no_workspace", id=args.id)
        out = Path(args.out)
        as_json = out.suffix.lower() == ".json"
        out.write_bytes(store.export_json(args.id) if as_json else store.export_zip(args.id))
        print(t("cli.wrote", "en", path=args.out))
    elif args.action == "import":
        p = Path(args.file)
        if not p.is_file():
            raise InputError("cli.no_file", path=args.file)
        print(store.import_backup(p.read_bytes(), check_file=worker.check_source))
    elif args.action == "delete":
        store.delete(args.id)
        print(t("cli.deleted", "en", id=args.id))
    return 0


def main(argv: Sequence[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    lang: Lang = "zh" if "zh" in argv and "--lang" in argv else "en"
    try:
        args = _build_parser().parse_args(argv)
        handler = {
            "analyze": _analyze,
            "report": _report,
            "score": _score,
            "workspace": _workspace,
        }[args.command]
        return handler(args)
    except InputError as exc:
        print(f"error: {exc.message(lang)}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        return 130
    except Exception as exc:  # unexpected: still one line, no traceback for users
        if os.environ.get("ICP_DEBUG"):
            raise
        print(f"error: {t('cli.unexpected', lang, detail=type(exc).__name__)}", file=sys.stderr)
        return 2
