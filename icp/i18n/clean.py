"""Strings of the cleaning report: dropped rows, notes, column table headers."""

STRINGS: dict[str, tuple[str, str]] = {
    "clean.dropped.empty": ("Rows with no data at all", "完全空白的行"),
    "clean.dropped.totals": (
        'Totals rows ("Total", "合计") — they are sums, not customers',
        "合计行（“合计”“Total”）——它们是汇总，不是客户",
    ),
    "clean.note.ranges": (
        "“{column}”: {count:count:cell is a range|cells are ranges} (e.g. 100-300); each is counted at its midpoint, "
        "and open ranges such as “300 or more” at their bound.",
        "“{column}”：有 {count} 个单元格是区间（如 100-300），按区间中点计算；"
        "“300以上”这类开口区间按边界值计算。",
    ),
    "clean.note.margin_percent": (
        "“{column}”: margins written as percent points (35) were read as fractions (0.35).",
        "“{column}”：以百分点填写的毛利率（如 35）已按比例（0.35）读取。",
    ),
    "clean.note.excel_dates": (
        "“{column}”: some dates were Excel serial numbers and were converted to dates.",
        "“{column}”：部分日期是 Excel 序列号，已转换为日期。",
    ),
    "clean.note.date_mdy": (
        "“{column}”: dates like 03/05/2024 were read as month/day/year. "
        "If your file uses day/month/year, write dates as 2024-05-03.",
        "“{column}”：03/05/2024 这类日期按“月/日/年”读取。"
        "如果你的文件用的是“日/月/年”，请改写成 2024-05-03 这种格式。",
    ),
    "clean.note.date_dmy": (
        "“{column}”: dates like 13/05/2024 were read as day/month/year.",
        "“{column}”：13/05/2024 这类日期按“日/月/年”读取。",
    ),
    # validation table on the Data page
    "clean.report.rows": (
        "{kept} of {total} rows kept",
        "共 {total} 行，保留 {kept} 行",
    ),
    "clean.report.column": ("Column", "列"),
    "clean.report.type": ("Type", "类型"),
    "clean.report.parsed": ("Read", "已识别"),
    "clean.report.failed": ("Not understood", "无法识别"),
    "clean.report.missing": ("Empty", "空值"),
    "clean.report.examples": ("Examples of cells not understood", "无法识别的单元格示例"),
    "clean.report.dropped": ("Rows dropped", "已剔除的行"),
    "clean.report.reason": ("Reason", "原因"),
    "clean.report.count": ("Rows", "行数"),
}
