"""Strings for the file intake layer (``icp.load``): refusals and reading notes."""

STRINGS: dict[str, tuple[str, str]] = {
    # --- refusals (InputError) ------------------------------------------------
    "load.empty": (
        "The file is empty (0 bytes). Export the list again from its source and upload the "
        "new file.",
        "文件是空的（0 字节）。请从原系统重新导出名单，再上传新文件。",
    ),
    "load.not_found": (
        "The file {name} does not exist. Check the path and try again.",
        "文件 {name} 不存在。请检查路径后重试。",
    ),
    "load.too_big": (
        "The file is {size_mb} MB, above the {limit_mb} MB limit. Delete unused sheets, columns "
        "or rows, or split the list into smaller files, and upload again.",
        "文件大小为 {size_mb} MB，超过了 {limit_mb} MB 的上限。请删除不用的工作表、列或行，"
        "或把名单拆分成几个较小的文件后再上传。",
    ),
    "load.encrypted": (
        "The workbook is password-protected, so it cannot be read. Open it in Excel or WPS, "
        "remove the password (File → Info → Protect Workbook), save a copy and upload that.",
        "该工作簿设置了打开密码，无法读取。请在 Excel 或 WPS 中打开，取消密码"
        "（文件 → 信息 → 保护工作簿），另存一份后上传。",
    ),
    "load.corrupt": (
        "The file reads as a workbook ({kind}) but is damaged or incomplete (perhaps the "
        "download was cut off). Open it in Excel or WPS and save a fresh copy, or export it again.",
        "该文件看起来是 {kind} 工作簿，但已损坏或不完整（可能下载中断了）。"
        "请在 Excel 或 WPS 中打开后另存一份，或重新导出。",
    ),
    "load.image": (
        "This is an image ({fmt}), not a spreadsheet, even though its name says otherwise. "
        "Upload the original .xlsx, .xls, .ods or .csv file.",
        "这是一张图片（{fmt}），并不是表格，虽然文件名看起来像表格。"
        "请上传原始的 .xlsx、.xls、.ods 或 .csv 文件。",
    ),
    "load.pdf": (
        "This is a PDF document, not a spreadsheet. Export the list from its source as "
        ".xlsx or .csv and upload that.",
        "这是 PDF 文档，不是表格。请从原系统把名单导出为 .xlsx 或 .csv 后上传。",
    ),
    "load.binary": (
        "This file is not a spreadsheet or a text table (its contents are unreadable binary "
        "data). Upload an .xlsx, .xls, .ods or .csv file.",
        "该文件既不是电子表格也不是文本表格（内容是无法识别的二进制数据）。"
        "请上传 .xlsx、.xls、.ods 或 .csv 文件。",
    ),
    "load.word": (
        "This is a word-processing document, not a spreadsheet. Put the customer list in a "
        "spreadsheet, save it as .xlsx or .csv and upload that.",
        "这是文字处理文档，不是电子表格。请把客户名单放进表格，另存为 .xlsx 或 .csv 后上传。",
    ),
    "load.powerpoint": (
        "This is a presentation, not a spreadsheet. Upload the customer list as .xlsx or .csv.",
        "这是演示文稿，不是电子表格。请以 .xlsx 或 .csv 格式上传客户名单。",
    ),
    "load.office_other": (
        "This is an office document but not a spreadsheet. Save the customer list as .xlsx "
        "or .csv and upload that.",
        "这是办公文档，但不是电子表格。请把客户名单另存为 .xlsx 或 .csv 后上传。",
    ),
    "load.archive": (
        "This is a compressed archive (zip, gz, 7z, rar …), not a spreadsheet. Unpack it and "
        "upload the .xlsx or .csv file inside.",
        "这是压缩包（zip、gz、7z、rar 等），不是电子表格。"
        "请先解压，再上传其中的 .xlsx 或 .csv 文件。",
    ),
    "load.program": (
        "This is a program file, not a spreadsheet. Upload the customer list as .xlsx or .csv.",
        "这是程序文件，不是电子表格。请以 .xlsx 或 .csv 格式上传客户名单。",
    ),
    "load.xlsb": (
        "Excel binary workbooks (.xlsb) are not supported. Open the file in Excel and save it "
        "as .xlsx, then upload again.",
        "暂不支持 Excel 二进制工作簿（.xlsb）。请在 Excel 中打开并另存为 .xlsx 后再上传。",
    ),
    "load.html": (
        "This file is a web page (HTML/XML) saved with a spreadsheet name, as some systems "
        "export it. Open it in Excel or WPS, save it as .xlsx, and upload that.",
        "该文件其实是网页（HTML/XML），只是用了表格的文件名（有些系统会这样导出）。"
        "请在 Excel 或 WPS 中打开，另存为 .xlsx 后上传。",
    ),
    "load.zip_bomb": (
        "The workbook would unpack to about {size_mb} MB, far more than a real spreadsheet of "
        "this size, so it was refused for safety. Re-save it in Excel, or export it as CSV.",
        "该工作簿解压后约 {size_mb} MB，远超同等大小的正常表格，出于安全考虑已拒绝读取。"
        "请在 Excel 中重新保存，或导出为 CSV。",
    ),
    "load.xml_entities": (
        "The workbook contains XML entity declarations (DOCTYPE/ENTITY), which spreadsheets "
        "never need and which can be used to attack a server, so it was refused. "
        "Open it in Excel or WPS, save a fresh copy and upload that.",
        "该工作簿包含 XML 实体声明（DOCTYPE/ENTITY）。正常表格不需要这些内容，"
        "而它们可被用于攻击服务器，因此已拒绝读取。请在 Excel 或 WPS 中打开后另存一份再上传。",
    ),
    "load.sheet_too_large": (
        'Sheet "{sheet}" spans {rows} rows × {cols} columns, too large to read safely '
        "(limit {limit} cells). Delete stray cells far below or to the right of the table, "
        "or copy the table into a new file.",
        "工作表“{sheet}”的使用区域为 {rows} 行 × {cols} 列，过大而无法安全读取"
        "（上限 {limit} 个单元格）。请删除表格下方或右侧远处的零散单元格，或把表格复制到新文件。",
    ),
    "load.sheet_sparse": (
        'Sheet "{sheet}" reaches row {rows} but the file writes only {written} rows, so '
        "reading it would take far more memory than its data needs. Delete stray cells or "
        "repeated empty rows far below the table, or copy the table into a new file.",
        "工作表“{sheet}”延伸到第 {rows} 行，但文件中实际只有 {written} 行，"
        "读取它所需的内存远超其数据本身。请删除表格下方远处的零散单元格或重复空行，或把表格复制到新文件。",
    ),
    "load.book_too_large": (
        "The workbook unfolds to about {rows} rows × {cols} columns of repeated cells, too "
        "large to read safely (limit {limit} cells). Delete stray cells far below or to the "
        "right of the table, or copy the table into a new file.",
        "该工作簿展开后约有 {rows} 行 × {cols} 列重复单元格，过大而无法安全读取"
        "（上限 {limit} 个单元格）。请删除表格下方或右侧远处的零散单元格，或把表格复制到新文件。",
    ),
    "load.no_sheets": (
        "The workbook has no worksheets with cells. Check that you exported the right file.",
        "该工作簿中没有包含单元格的工作表。请确认导出的文件是否正确。",
    ),
    "load.sheet_missing": (
        'There is no sheet named "{sheet}". Sheets in this file: {sheets}. Pick one of them.',
        "没有名为“{sheet}”的工作表。本文件中的工作表有：{sheets}。请从中选择一个。",
    ),
    "load.sheet_empty": (
        'Sheet "{sheet}" is empty. Choose the sheet that holds the customer list.',
        "工作表“{sheet}”是空的。请选择存放客户名单的工作表。",
    ),
    "load.no_columns": (
        "No usable columns: every cell in the table is blank. Check that you exported the "
        "right sheet or file, with its values.",
        "没有可用的列：表格中所有单元格都是空的。请确认导出的工作表或文件正确，且包含数据。",
    ),
    "load.header_only": (
        "Found the header row ({columns}) but no data rows below it. Add the customers under "
        "the header, or pick the right sheet or header row.",
        "找到了表头（{columns}），但其下方没有数据行。请在表头下填入客户数据，"
        "或选择正确的工作表或表头行。",
    ),
    "load.header_row_out_of_range": (
        "Header row {row} is outside the table, which has {rows} rows. Choose a row between "
        "1 and {rows}.",
        "表头行 {row} 超出了表格范围（共 {rows} 行）。请选择 1 到 {rows} 之间的行。",
    ),
    "load.text_undecodable": (
        "The text file uses an encoding that could not be recognised. Save it as "
        '"CSV UTF-8" (Excel: File → Save As) and upload again.',
        "无法识别该文本文件的编码。请另存为“CSV UTF-8”（Excel：文件 → 另存为）后再上传。",
    ),
    "load.unreadable": (
        "The {kind} file could not be read ({detail}). Open it in Excel or WPS, save a fresh "
        "copy and upload that.",
        "无法读取该 {kind} 文件（{detail}）。请在 Excel 或 WPS 中打开后另存一份再上传。",
    ),
    # --- names generated for the table ------------------------------------------
    "load.unnamed_column": ("Column {n}", "第{n}列"),
    # --- notes about how the file was read (RawTable.notes) ---------------------
    "load.note.sheet_chosen": (
        'Using sheet "{sheet}" ({n} sheets in the file); pick another if this is not the '
        "customer list.",
        "正在使用工作表“{sheet}”（文件中共 {n} 个工作表）；如果这不是客户名单，请另选。",
    ),
    "load.note.title_rows": (
        "Skipped {n} row(s) above the header (titles or notes); the header is on row {row}.",
        "跳过了表头上方的 {n} 行（标题或说明）；表头在第 {row} 行。",
    ),
    "load.note.two_row_header": (
        'Joined the two header rows {row} and {row2} into one name per column, e.g. "{example}".',
        "已把第 {row} 行和第 {row2} 行的两行表头合并为每列一个名称，例如“{example}”。",
    ),
    "load.note.totals": (
        'Dropped {n:count:totals row|totals rows} ("{label}" on row {row}) so they are not counted as customers.',
        "已删除 {n} 个合计行（第 {row} 行的“{label}”），以免被当作客户统计。",
    ),
    "load.note.footer": (
        'Dropped {n:count:note row|note rows} below the table ("{label}" on row {row}) so '
        "{n:plural:it is|they are} not counted as customers.",
        "已删除表格下方的 {n} 行说明（第 {row} 行的“{label}”），以免被当作客户统计。",
    ),
    "load.note.duplicates": (
        "Some column names were repeated and have been renamed: {names}.",
        "部分列名重复，已重命名：{names}。",
    ),
    "load.note.unnamed": (
        "{n} column(s) had no header and were named {names}.",
        "有 {n} 列没有表头，已命名为 {names}。",
    ),
    "load.note.formulas": (
        'Column "{column}" holds formulas whose results were never saved, so its cells are '
        "empty. Open the file in Excel, let it calculate, save, and upload again.",
        "“{column}”列中是公式，但文件里没有保存计算结果，所以这些单元格为空。"
        "请在 Excel 中打开、计算并保存后重新上传。",
    ),
    "load.note.encoding": (
        "Read the text file as {encoding}.",
        "已按 {encoding} 编码读取文本文件。",
    ),
    "load.note.delim_semicolon": (
        "Columns are separated by semicolons (;).",
        "列之间以分号（;）分隔。",
    ),
    "load.note.delim_tab": ("Columns are separated by tabs.", "列之间以制表符分隔。"),
    "load.note.delim_pipe": (
        "Columns are separated by vertical bars (|).",
        "列之间以竖线（|）分隔。",
    ),
    "load.note.ragged": (
        "Some lines have a different number of fields than the header; missing fields were "
        "left empty and extra ones kept as extra columns.",
        "部分行的字段数与表头不一致：缺少的字段留空，多出的字段保留为额外的列。",
    ),
}
