"""A corpus of hostile input files, generated at test time (small on disk: nothing is stored).

Each case is one of the files that took the server down or froze it in the
reliability probe of issue 14: tiny workbooks that claim a million rows,
an ODS row repeated a million times, a 45 MB line, a 45 MB cell, 16k columns.
"""

from __future__ import annotations

import io
import zipfile
from collections.abc import Callable

_CT = (
    '<?xml version="1.0" encoding="UTF-8"?>'
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="rels" '
    'ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    '<Default Extension="xml" ContentType="application/xml"/>'
    '<Override PartName="/xl/workbook.xml" ContentType="application/'
    'vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
    '<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/'
    'vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>'
    "</Types>"
)
_RELS = (
    '<?xml version="1.0" encoding="UTF-8"?>'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
    'relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>'
)
_WB = (
    '<?xml version="1.0" encoding="UTF-8"?>'
    '<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
    'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">'
    '<sheets><sheet name="Sheet1" sheetId="1" r:id="rId1"/></sheets></workbook>'
)
_WB_RELS = (
    '<?xml version="1.0" encoding="UTF-8"?>'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
    'relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>'
)


def _xlsx(sheet_xml: str) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", _CT)
        z.writestr("_rels/.rels", _RELS)
        z.writestr("xl/workbook.xml", _WB)
        z.writestr("xl/_rels/workbook.xml.rels", _WB_RELS)
        z.writestr("xl/worksheets/sheet1.xml", sheet_xml)
    return buf.getvalue()


def _sheet(rows: str) -> str:
    return (
        '<?xml version="1.0" encoding="UTF-8"?>'
        '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
        f"<sheetData>{rows}</sheetData></worksheet>"
    )


def xlsx_last_row_without_r() -> bytes:
    """Cells on row 1,048,576 without ``r=``: the extent check guessed 26 columns."""
    head = '<row r="1"><c t="inlineStr"><is><t>Company</t></is></c></row>'
    cells = "".join(f'<c t="inlineStr"><is><t>v{i}</t></is></c>' for i in range(60))
    return _xlsx(_sheet(head + f'<row r="1048576">{cells}</row>'))


def xlsx_far_cell() -> bytes:
    """One cell at the bottom-right corner of the sheet (XFD1048576)."""
    head = '<row r="1"><c r="A1" t="inlineStr"><is><t>Company</t></is></c></row>'
    far = '<row r="1048576"><c r="XFD1048576"><v>1</v></c></row>'
    return _xlsx(_sheet(head + far))


def ods_repeated_row() -> bytes:
    """A 1 KB .ods whose one row is repeated a million times, 1,000 cells wide."""
    content = (
        '<?xml version="1.0" encoding="UTF-8"?>'
        '<office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
        'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
        'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" office:version="1.2">'
        '<office:body><office:spreadsheet><table:table table:name="Sheet1">'
        '<table:table-row><table:table-cell office:value-type="string"><text:p>Company</text:p>'
        "</table:table-cell></table:table-row>"
        '<table:table-row table:number-rows-repeated="1048575">'
        '<table:table-cell office:value-type="string" table:number-columns-repeated="1000">'
        "<text:p>x</text:p></table:table-cell></table:table-row>"
        "</table:table></office:spreadsheet></office:body></office:document-content>"
    )
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("mimetype", "application/vnd.oasis.opendocument.spreadsheet", zipfile.ZIP_STORED)
        z.writestr(
            "META-INF/manifest.xml",
            '<?xml version="1.0" encoding="UTF-8"?>'
            "<manifest:manifest "
            'xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0">'
            '<manifest:file-entry manifest:full-path="/" '
            'manifest:media-type="application/vnd.oasis.opendocument.spreadsheet"/>'
            '<manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/>'
            "</manifest:manifest>",
        )
        z.writestr("content.xml", content)
    return buf.getvalue()


def csv_single_line(mb: int = 45) -> bytes:
    """45 MB without a line break: millions of columns in one header row."""
    return b"a," * (mb * 1024 * 1024 // 2)


def csv_huge_cell(mb: int = 45) -> bytes:
    """A normal header and one 45 MB cell."""
    return b"Company,Note\nAcme," + b"x" * (mb * 1024 * 1024) + b"\n"


def csv_wide(cols: int = 16384) -> bytes:
    """16k columns, a few rows."""
    head = ",".join(f"c{i}" for i in range(cols))
    rows = "\n".join(",".join(str((r * 7 + i) % 13) for i in range(cols)) for r in range(20))
    return (head + "\n" + rows + "\n").encode()


CORPUS: dict[str, tuple[str, Callable[[], bytes]]] = {
    "xlsx_last_row_without_r": ("last_row.xlsx", xlsx_last_row_without_r),
    "xlsx_far_cell": ("far_cell.xlsx", xlsx_far_cell),
    "ods_repeated_row": ("repeated.ods", ods_repeated_row),
    "csv_single_line": ("one_line.csv", csv_single_line),
    "csv_huge_cell": ("huge_cell.csv", csv_huge_cell),
    "csv_wide": ("wide.csv", csv_wide),
}
