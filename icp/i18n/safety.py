"""Strings for saving, concurrent edits, access, the file worker and store errors."""

from __future__ import annotations

STRINGS: dict[str, tuple[str, str]] = {
    "autosave.merged": (
        "Edited elsewhere — merged: someone else changed this answer at the same time; "
        "both texts are kept above.",
        "其他地方也编辑了此项——已合并：有人同时修改了这个回答，两份文字都保留在上面。",
    ),
    "autosave.kept": (
        "Your text is still in the box above and is saved as soon as you type again "
        "once the problem is fixed.",
        "你的文字仍保留在上方输入框中；问题解决后再次输入即会保存。",
    ),
    "load.note.mixed_encoding": (
        "Read the text file as UTF-8; {n} line(s) in another encoding (Windows-1252 or GBK) "
        "were decoded on their own and kept: line {lines}.",
        "已按 UTF-8 读取文本文件；其中 {n} 行是其他编码（Windows-1252 或 GBK），已逐行修复并保留：第 {lines} 行。",
    ),
    "worker.memory": (
        "This file needs more than {limit} of memory to read, more than this server allows "
        "for one file. Remove unused sheets, columns or rows (or split the file) and try again.",
        "读取这个文件需要超过 {limit} 内存，超出了本服务器对单个文件的限制。"
        "请删除不用的工作表、列或行（或拆分文件）后重试。",
    ),
    "worker.cpu": (
        "Reading this file took more than {seconds} s of processing, more than this server "
        "allows for one file. Save it again as a plain .xlsx or .csv with only the table you need.",
        "读取这个文件的计算时间超过 {seconds} 秒，超出了本服务器对单个文件的限制。"
        "请只保留需要的表格，另存为普通的 .xlsx 或 .csv 后重试。",
    ),
    "worker.timeout": (
        "Reading this file did not finish within {seconds} s, so it was stopped. "
        "Save it again as a plain .xlsx or .csv with only the table you need.",
        "读取这个文件在 {seconds} 秒内没有完成，已停止。请只保留需要的表格，另存为普通的 .xlsx 或 .csv 后重试。",
    ),
    "worker.crashed": (
        "The file reader stopped on this file ({detail}); the file may be damaged. "
        "Open it in Excel or LibreOffice, save it again and retry.",
        "读取这个文件时读取程序中止（{detail}），文件可能已损坏。请用 Excel 或 LibreOffice 打开并重新保存后再试。",
    ),
    # access key (ui/access.py) and the workspace chooser (views/choose.py)
    "access.title": ("Access key", "访问密钥"),
    "access.intro": (
        "This server is shared: type the access key you were given. "
        "This browser remembers it, so you are asked only once.",
        "此服务器为共享服务器：请输入你获得的访问密钥。本浏览器会记住它，只需输入一次。",
    ),
    "access.label": ("Access key", "访问密钥"),
    "access.submit": ("Enter", "进入"),
    "access.wrong": (
        "That is not the access key of this server. Check it with whoever runs the server "
        "and type it again.",
        "这不是本服务器的访问密钥。请向服务器管理员核对后重新输入。",
    ),
    "choose.title": ("Choose a workspace", "选择工作区"),
    "choose.intro": (
        "Open a workspace you work in, start a new one, or try the sample data.",
        "打开你正在使用的工作区、新建一个，或先用示例数据试一试。",
    ),
    "choose.existing": ("Open a workspace", "打开工作区"),
    "choose.none": ("There are no workspaces yet.", "还没有任何工作区。"),
    "choose.try_sample": ("Try the sample data", "用示例数据试一试"),
    "choose.retry": ("Try again", "重试"),
    "choose.other": ("Choose another workspace", "选择其他工作区"),
    "choose.broken_help": (
        "Nothing can be opened until the database is readable again. Nothing was changed "
        "in it. Restore a copy of workbench.db from a backup, or start the app with "
        "ICP_DATA_DIR pointing at another folder.",
        "在数据库恢复可读之前无法打开任何内容；数据库未被改动。请从备份恢复 workbench.db，"
        "或将 ICP_DATA_DIR 指向其他文件夹后重新启动应用。",
    ),
    # workspace import: what is wrong, naming the field (icp/backup.py)
    "store.bad_json": (
        "Import failed: the file is not valid JSON ({detail} at line {line}, column {column}). "
        "Nothing was imported. Use the file exactly as “Export workspace” wrote it.",
        "导入失败：文件不是有效的 JSON（第 {line} 行第 {column} 列：{detail}）。未导入任何内容。"
        "请使用“导出工作区”生成的原始文件。",
    ),
    "store.bad_field.int": (
        "Import failed: {field} must be a whole number, but the file has {found}. "
        "Nothing was imported.",
        "导入失败：{field} 应为整数，但文件中是 {found}。未导入任何内容。",
    ),
    "store.bad_field.number": (
        "Import failed: {field} must be a number, but the file has {found}. Nothing was imported.",
        "导入失败：{field} 应为数字，但文件中是 {found}。未导入任何内容。",
    ),
    "store.bad_field.text": (
        "Import failed: {field} must be text, but the file has {found}. Nothing was imported.",
        "导入失败：{field} 应为文本，但文件中是 {found}。未导入任何内容。",
    ),
    "store.bad_field.bool": (
        "Import failed: {field} must be true or false, but the file has {found}. "
        "Nothing was imported.",
        "导入失败：{field} 应为 true 或 false，但文件中是 {found}。未导入任何内容。",
    ),
    "store.bad_field.list": (
        "Import failed: {field} must be a list, but the file has {found}. Nothing was imported.",
        "导入失败：{field} 应为列表，但文件中是 {found}。未导入任何内容。",
    ),
    "store.bad_field.object": (
        "Import failed: {field} must be an object ({{…}}), but the file has {found}. "
        "Nothing was imported.",
        "导入失败：{field} 应为对象（{{…}}），但文件中是 {found}。未导入任何内容。",
    ),
    "store.bad_field.present": (
        "Import failed: {field} is missing. Nothing was imported.",
        "导入失败：缺少 {field}。未导入任何内容。",
    ),
    "store.bad_field.shorter": (
        "Import failed: {field} is too long ({found}). Nothing was imported.",
        "导入失败：{field} 过长（{found}）。未导入任何内容。",
    ),
    "store.bad_field.range": (
        "Import failed: {field} is out of range: {found}. Nothing was imported.",
        "导入失败：{field} 超出允许范围：{found}。未导入任何内容。",
    ),
    "store.bad_field.choice": (
        "Import failed: {field} must be one of {allowed}, but the file has {found}. "
        "Nothing was imported.",
        "导入失败：{field} 应为 {allowed} 之一，但文件中是 {found}。未导入任何内容。",
    ),
    "store.bad_field.valid": (
        "Import failed: {field} has a value the app cannot use: {found}. Nothing was imported.",
        "导入失败：{field} 的值无法使用：{found}。未导入任何内容。",
    ),
    "store.bad_field.surrogate": (
        "Import failed: {field} holds a broken character (a lone \\ud800–\\udfff escape in the "
        "JSON, half of a character pair), which is not text. Nothing was imported.",
        "导入失败：{field} 含有损坏的字符（JSON 中单独出现的 \\ud800–\\udfff 转义，只是半个字符），"
        "不是有效文本。未导入任何内容。",
    ),
    "worker.long_line": (
        "Line {line} of this file runs for {size} MB without a line break (a table row is at "
        "most {limit} MB), so it is not a table with one customer per line. Open it in Excel or "
        "LibreOffice and save it again as .xlsx or .csv.",
        "此文件第 {line} 行长达 {size} MB 且没有换行（表格的一行最多 {limit} MB），不是每行一个客户的表格。"
        "请用 Excel 或 LibreOffice 打开后另存为 .xlsx 或 .csv。",
    ),
    "worker.too_many_columns": (
        "The first line of this file has {n} columns; this app reads at most {limit}. "
        "Keep only the columns you need and try again.",
        "此文件第一行有 {n} 列，本应用最多读取 {limit} 列。请只保留需要的列后重试。",
    ),
    "cli.deleted": ("Deleted workspace {id}.", "已删除工作区 {id}。"),
    "store.cannot_open": (
        "The workspace database at {path} cannot be opened: {detail} — restore a backup, "
        "or set ICP_DATA_DIR to another folder. The file was left as it is.",
        "无法打开位于 {path} 的工作区数据库：{detail}——请恢复备份，或把 ICP_DATA_DIR 设为其他文件夹。该文件未被改动。",
    ),
    "store.disk_full": (
        "The disk is full: nothing was changed (the workspace database at {path} is as it was). "
        "Free some space and do it again.",
        "磁盘已满：没有做任何修改（位于 {path} 的工作区数据库保持原样）。请释放空间后重试。",
    ),
}
