"""Strings shared across the product: app name, languages, generic words."""

STRINGS: dict[str, tuple[str, str]] = {
    "app.title": ("ICP Workbench", "ICP 工作台"),
    "app.tagline": (
        "Turn your customer list into an Ideal Customer Profile and a decision-maker persona.",
        "把你的客户名单变成理想客户画像（ICP）和决策人画像。",
    ),
    "lang.label": ("Language", "语言"),
    "lang.en": ("English", "English"),
    "lang.zh": ("简体中文", "简体中文"),
    "common.error": ("Error", "错误"),
    "common.yes": ("Yes", "是"),
    "common.no": ("No", "否"),
    "common.best": ("Best", "最佳"),
    "common.rest": ("Rest", "其余"),
    "common.won": ("Won", "已签约"),
    "common.not_won": ("Not won", "未签约"),
    "common.customers": ("customers", "个客户"),
    "common.missing": ("missing", "缺失"),
}
