"""Workspace backups: the zip the app writes, the JSON it used to write, and the checks
that an imported file must pass before anything is stored.

Format 2 (what Export writes now) is a zip:

- ``workspace.json``: name, values, answers and versions; every data file is
  referred to by its sha256;
- ``files/<sha256>``: each data file once, as raw bytes.

So a workspace with a 40 MB data set and snapshots of two more files exports
to about the size of its files (no base64, no copy per snapshot), and any
export the app writes imports again, in the app and on the command line.
Format 1 (one JSON file, files base64-encoded) is still read.

Everything in an import is untrusted.  ``parse`` checks the whole file —
shape, sizes, hashes, and every value the app will later read (mapping,
settings, view state, tag rules) against the types it expects — before a
single row is written; a file that fails says which field is wrong.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import io
import json
import re
import zipfile
from dataclasses import dataclass
from datetime import datetime
from typing import Annotated, Any, Literal

from pydantic import (
    AfterValidator,
    BaseModel,
    ConfigDict,
    Field,
    StrictBool,
    StrictInt,
    StrictStr,
    TypeAdapter,
    ValidationError,
)

from icp.errors import InputError, clip
from icp.schema import FieldType, Role

__all__ = [
    "EXPORT_FORMAT",
    "MAX_IMPORT_MB",
    "MAX_NAME_CHARS",
    "Backup",
    "Version",
    "parse",
    "write_zip",
]

EXPORT_FORMAT = "icp-workbench-workspace"
JSON_VERSION = 1  # one JSON file, data files base64-encoded (read, no longer written)
ZIP_VERSION = 2  # a zip: workspace.json + files/<sha256>
DOC_NAME = "workspace.json"
# An import is held in memory while it is checked: a workspace with a 50 MB
# upload and snapshots of several other files still fits.
MAX_IMPORT_MB = 1024
MAX_NAME_CHARS = 120
_MAX_ENTRIES = 2_000  # files in one zip: a workspace has one per distinct data file
_SHA = re.compile(r"[0-9a-f]{64}")

Source = tuple[str, bytes, dict]  # (filename, bytes, options)


@dataclass
class Version:
    label: str
    created_at: str
    source: Source | None
    values: dict[str, Any]
    answers: dict[str, dict[str, str]]


@dataclass
class Backup:
    """A checked import: nothing in it can surprise the store or a page later."""

    name: str
    source: Source | None
    values: dict[str, Any]
    answers: dict[str, dict[str, str]]
    versions: list[Version]


def write_zip(doc: dict[str, Any], blobs: dict[str, bytes]) -> bytes:
    """A format-2 export: ``doc`` (files referred to by sha256) plus each file once."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=6) as zf:
        zf.writestr(DOC_NAME, json.dumps(doc, ensure_ascii=False, indent=1).encode("utf-8"))
        for sha, data in blobs.items():
            # spreadsheets are zips already: a second deflate costs time and saves little
            zf.writestr(f"files/{sha}", data, compress_type=zipfile.ZIP_DEFLATED, compresslevel=1)
    return out.getvalue()


class _Bad(Exception):
    """Internal: not an export, or a damaged one (turned into ``store.bad_import``)."""


def parse(data: bytes) -> Backup:
    """Check an export file (zip or JSON) completely before anything is written.

    Raises ``InputError``: ``store.bad_import`` for anything that is not an
    intact export, ``store.bad_json`` (with the JSON parser's own position)
    for a JSON file that does not parse, ``store.bad_field`` naming the first
    value of the wrong type or out of range.
    """
    try:
        if not isinstance(data, (bytes, bytearray, memoryview)):
            raise _Bad
        data = bytes(data)
        if len(data) > MAX_IMPORT_MB * 1024 * 1024:
            raise _Bad
        if data[:4] == b"PK\x03\x04":
            doc, blobs = _read_zip(data)
            _need(doc.get("version") == ZIP_VERSION and type(doc.get("version")) is int)
            backup = _build(doc, blobs, embedded=False)
        else:
            doc = _loads(data)
            _need(isinstance(doc, dict) and doc.get("format") == EXPORT_FORMAT)
            _need(type(doc.get("version")) is int and doc["version"] == JSON_VERSION)
            backup = _build(doc, _json_files(doc), embedded=True)
    except (_Bad, TypeError, KeyError, AttributeError):
        # the file is untrusted: any shape we did not foresee is still "not an export"
        raise InputError("store.bad_import", limit=MAX_IMPORT_MB) from None
    _check_text("name", backup.name)
    _check_source("source", backup.source)
    _check_values("values", backup.values)
    _check_text("answers", backup.answers)
    for i, v in enumerate(backup.versions):
        _check_text(f"versions[{i}].label", v.label)
        _check_source(f"versions[{i}].source", v.source)
        _check_values(f"versions[{i}].values", v.values)
        _check_text(f"versions[{i}].answers", v.answers)
    return backup


# -- reading the container ---------------------------------------------------


def _loads(raw: bytes) -> Any:
    """JSON text → value; a file that does not parse says where and why."""
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        raise _Bad from None
    try:
        return json.loads(text)
    except json.JSONDecodeError as exc:
        if text.lstrip()[:1] not in ("{", "["):
            raise _Bad from None  # not JSON at all: not an export
        raise InputError(
            "store.bad_json", detail=exc.msg, line=exc.lineno, column=exc.colno
        ) from None
    except (ValueError, RecursionError):
        raise _Bad from None


def _read_zip(data: bytes) -> tuple[dict[str, Any], dict[str, bytes]]:
    """``workspace.json`` and the files of a format-2 zip, within the import limit."""
    limit = MAX_IMPORT_MB * 1024 * 1024
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as zf:
            infos = zf.infolist()
            _need(len(infos) <= _MAX_ENTRIES)
            names = [i.filename for i in infos]
            _need(DOC_NAME in names and len(set(names)) == len(names))
            _need(sum(i.file_size for i in infos) <= limit)  # a zip bomb stops here
            blobs: dict[str, bytes] = {}
            doc: Any = None
            for info in infos:
                with zf.open(info) as fh:
                    raw = fh.read(limit + 1)  # the declared size may lie: read bounded
                _need(len(raw) <= limit)
                if info.filename == DOC_NAME:
                    doc = _loads(raw)
                    continue
                sha = info.filename.removeprefix("files/")
                _need(info.filename.startswith("files/") and _SHA.fullmatch(sha) is not None)
                _need(hashlib.sha256(raw).hexdigest() == sha)
                blobs[sha] = raw
    except (zipfile.BadZipFile, zipfile.LargeZipFile, NotImplementedError, EOFError, OSError):
        raise _Bad from None
    except RuntimeError:  # encrypted entries
        raise _Bad from None
    _need(isinstance(doc, dict) and doc.get("format") == EXPORT_FORMAT)
    return doc, blobs


def _json_files(doc: dict[str, Any]) -> dict[str, bytes]:
    files = doc.get("files", {})
    _need(isinstance(files, dict))
    blobs = {sha: _unb64(b) for sha, b in files.items()}
    for sha, blob in blobs.items():
        _need(hashlib.sha256(blob).hexdigest() == sha)
    return blobs


def _build(doc: dict[str, Any], blobs: dict[str, bytes], *, embedded: bool) -> Backup:
    name = doc.get("name")
    _need(isinstance(name, str) and 1 <= len(" ".join(name.split())) <= MAX_NAME_CHARS)
    if embedded:  # format 1: the current file inline, base64
        source = _inline_source(doc.get("source"))
        if source is not None:
            blobs[hashlib.sha256(source[1]).hexdigest()] = source[1]
    else:
        source = _ref_source(doc.get("source"), blobs)
    values = _dict_of_str_keys(doc.get("values", {}))
    answers = _answer_map(doc.get("answers", {}))
    raw_versions = doc.get("versions", [])
    _need(isinstance(raw_versions, list))
    versions = [_version(v, blobs) for v in raw_versions]
    return Backup(" ".join(name.split()), source, values, answers, versions)


def _need(ok: bool) -> None:
    if not ok:
        raise _Bad


def _unb64(text: Any) -> bytes:
    _need(isinstance(text, str))
    try:
        return base64.b64decode(text, validate=True)
    except (binascii.Error, ValueError) as exc:
        raise _Bad from exc


def _dict_of_str_keys(obj: Any) -> dict[str, Any]:
    _need(isinstance(obj, dict) and all(isinstance(k, str) for k in obj))
    return obj


def _answer_map(obj: Any) -> dict[str, dict[str, str]]:
    _dict_of_str_keys(obj)
    for fields in obj.values():
        _dict_of_str_keys(fields)
        _need(all(isinstance(v, str) for v in fields.values()))
    return obj


def _inline_source(obj: Any) -> Source | None:
    if obj is None:
        return None
    _need(isinstance(obj, dict) and isinstance(obj.get("filename"), str))
    options = _dict_of_str_keys(obj.get("options", {}))
    return obj["filename"], _unb64(obj.get("data_base64")), options


def _ref_source(obj: Any, blobs: dict[str, bytes]) -> Source | None:
    if obj is None:
        return None
    _need(isinstance(obj, dict) and isinstance(obj.get("filename"), str))
    _need(isinstance(obj.get("sha256"), str) and obj["sha256"] in blobs)
    return obj["filename"], blobs[obj["sha256"]], _dict_of_str_keys(obj.get("options", {}))


def _version(obj: Any, blobs: dict[str, bytes]) -> Version:
    _need(isinstance(obj, dict))
    label, created = obj.get("label"), obj.get("created_at")
    _need(isinstance(label, str) and isinstance(created, str))
    try:
        datetime.fromisoformat(created)
    except ValueError as exc:
        raise _Bad from exc
    return Version(
        label,
        created,
        _ref_source(obj.get("source"), blobs),
        _dict_of_str_keys(obj.get("values", {})),
        _answer_map(obj.get("answers", {})),
    )


# -- the values the app reads back -------------------------------------------


def _one_of(allowed: frozenset[str]):
    def check(value: str) -> str:
        if value not in allowed:
            raise ValueError(", ".join(sorted(allowed)))
        return value

    return AfterValidator(check)


_TYPES = frozenset(f.value for f in FieldType)
_ROLES = frozenset(r.value for r in Role)
Number = Annotated[float, Field(strict=True, allow_inf_nan=False)]


class _Strict(BaseModel):
    model_config = ConfigDict(strict=True, extra="allow")


class _Column(_Strict):
    """One item of ``mapping`` (icp.schema.ColumnSpec)."""

    name: StrictStr
    type: Annotated[StrictStr, _one_of(_TYPES)] = "text"
    role: Annotated[StrictStr, _one_of(_ROLES | {""})] | None = "none"
    sep: StrictStr | None = None
    include: StrictBool = True


class _Settings(_Strict):
    """``settings`` (icp.model.Settings); every key optional, as ``from_dict`` reads it."""

    top_n: Annotated[StrictInt, Field(ge=1, le=1_000_000)] = 10
    mode: Literal["top", "outcome"] = "top"
    weights: dict[StrictStr, Annotated[Number, Field(ge=0, le=1000)]] = {}
    pins: list[StrictStr] = []
    excludes: list[StrictStr] = []
    lifetime_years: Annotated[Number, Field(gt=0, le=100)] = 3.0
    draws: Annotated[StrictInt, Field(ge=0, le=100_000)] = 300
    seed: StrictInt = 0
    good_values: list[StrictStr] | None = None


class _Deals(_Strict):
    filename: StrictStr
    data_b64: StrictStr


class _Options(_Strict):
    """How a stored file is read (``Store.set_source(options=...)``)."""

    sheet: StrictStr | StrictInt | None = None
    header_row: Annotated[StrictInt, Field(ge=0, le=1_000_000)] | None = None
    value_agg: Literal["sum", "mean"] = "sum"
    group_variants: StrictBool = True
    deals: _Deals | None = None


class _Lifecycle(_Strict):
    """``portraits.lifecycle`` (icp.lifecycle.Rules)."""

    new_days: Annotated[StrictInt, Field(ge=1, le=100_000)] = 30
    silent_days: Annotated[StrictInt, Field(ge=1, le=100_000)] = 90


# The keys the app reads and what each must be.  Keys not listed (other view
# state, later features) are kept as plain JSON; their readers are tolerant.
_VALUE_TYPES: dict[str, TypeAdapter[Any]] = {
    "mapping": TypeAdapter(list[_Column] | None),
    "settings": TypeAdapter(_Settings | None),
    "lang": TypeAdapter(Literal["en", "zh"]),
    "ui.lang": TypeAdapter(Literal["en", "zh"]),
    "ui.present": TypeAdapter(StrictBool),
    "ui.report.title": TypeAdapter(Annotated[StrictStr, Field(max_length=500)]),
    "ui.report.worksheet": TypeAdapter(StrictBool),
    "ui.icp.step": TypeAdapter(StrictStr),
    "ui.persona.step": TypeAdapter(StrictStr),
    "portraits.tags": TypeAdapter(list[dict[StrictStr, Any]]),
    "portraits.comparisons": TypeAdapter(list[dict[StrictStr, Any]]),
    "portraits.lifecycle": TypeAdapter(_Lifecycle),
}
_OPTIONS: TypeAdapter[Any] = TypeAdapter(_Options)
_EXPECTED = {  # pydantic error type -> what the field must be (store.bad_field.<kind>)
    "int_type": "int",
    "int_from_float": "int",
    "int_parsing": "int",
    "float_type": "number",
    "finite_number": "number",
    "string_type": "text",
    "bool_type": "bool",
    "list_type": "list",
    "dict_type": "object",
    "model_type": "object",
    "model_attributes_type": "object",
    "missing": "present",
    "string_too_long": "shorter",
    "greater_than": "range",
    "greater_than_equal": "range",
    "less_than": "range",
    "less_than_equal": "range",
}


def _check_source(where: str, source: Source | None) -> None:
    if source is not None:
        _check_text(f"{where}.filename", source[0])
        _check_text(f"{where}.options", source[2])
        _validate(f"{where}.options", _OPTIONS, source[2])


def _check_values(where: str, values: dict[str, Any]) -> None:
    """Every value the app reads must have the type it expects — or name the field."""
    for key, value in values.items():
        _check_text(f"{where}.{key}", value)
        adapter = _VALUE_TYPES.get(key)
        if adapter is not None:
            _validate(f"{where}.{key}", adapter, value)


def _validate(field: str, adapter: TypeAdapter[Any], value: Any) -> None:
    try:
        adapter.validate_python(value)
    except ValidationError as exc:
        err = exc.errors(include_url=False)[0]
        loc = "".join(f"[{p}]" if isinstance(p, int) else f".{p}" for p in _clean_loc(err))
        raise _field_error(field + loc, err) from None


def _clean_loc(err: dict[str, Any]) -> list[Any]:
    """pydantic's location minus its own markers (union branch names, validator names)."""
    return [p for p in err["loc"] if not (isinstance(p, str) and ("[" in p or p.startswith("_")))]


def _field_error(field: str, err: dict[str, Any]) -> InputError:
    found = _shown(err.get("input"))
    if err["type"] in ("literal_error", "value_error"):
        ctx = err.get("ctx") or {}
        allowed = str(ctx.get("expected") or ctx.get("error") or "").removeprefix("Value error, ")
        return InputError("store.bad_field.choice", field=field, allowed=allowed, found=found)
    kind = _EXPECTED.get(err["type"], "valid")
    return InputError(f"store.bad_field.{kind}", field=field, found=found)


def _shown(value: Any) -> str:
    """A value as the file has it (JSON), clipped: it is quoted in the message."""
    try:
        return clip(json.dumps(value, ensure_ascii=False))
    except (TypeError, ValueError):
        return clip(repr(value))


def _check_text(field: str, value: Any) -> None:
    """Text must be storable: a lone surrogate (``\\ud800`` in the JSON) is named, not stored."""
    if isinstance(value, str):
        try:
            value.encode("utf-8")
        except UnicodeEncodeError:
            raise InputError("store.bad_field.surrogate", field=field) from None
    elif isinstance(value, dict):
        for k, v in value.items():
            _check_text(field, k)
            _check_text(f"{field}.{k}", v)
    elif isinstance(value, list):
        for i, v in enumerate(value):
            _check_text(f"{field}[{i}]", v)
