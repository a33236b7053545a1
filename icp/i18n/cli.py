"""Command-line messages."""

STRINGS: dict[str, tuple[str, str]] = {
    "cli.usage": (
        "{detail}; run `python -m icp --help` for usage",
        "{detail}；运行 `python -m icp --help` 查看用法",
    ),
    "cli.no_file": (
        "no file at {path}; check the path and try again",
        "找不到文件 {path}；请检查路径后重试",
    ),
    "cli.bad_top": (
        "--top must be between 1 and 1000 (got {top})",
        "--top 必须在 1 到 1000 之间（当前为 {top}）",
    ),
    "cli.unexpected": (
        "ICP Workbench stopped on an internal error ({detail}); your files were not changed. "
        "Run the same command with ICP_DEBUG=1 and report what it prints",
        "ICP 工作台遇到内部错误（{detail}）而停止；你的文件未被改动。"
        "请设置 ICP_DEBUG=1 后重新运行同一命令，并反馈输出内容",
    ),
    "cli.summary.rows": ("{rows} customers, {cols} columns", "{rows} 个客户，{cols} 列"),
    "cli.summary.best": ("Best customers: {names}", "最佳客户：{names}"),
    "cli.wrote": ("wrote {path}", "已写入 {path}"),
}
