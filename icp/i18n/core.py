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
    "dataset.joined_sheets": (
        "Joined the accounts sheet “{accounts}” with the deals sheet “{deals}”: one row per account.",
        "已将客户表“{accounts}”与商机表“{deals}”合并：每个客户一行。",
    ),
    "dataset.orders": (
        "This table lists purchases ({lines:count:row|rows}), so it was grouped into one row per "
        "customer of “{column}” ({customers}): orders, value and dates are added up per customer.",
        "此表是购买记录（{lines} 行），已按“{column}”合并为每个客户一行（{customers} 个客户）："
        "订单数、金额和日期按客户汇总。",
    ),
    "dataset.orders_amount": (
        "This table lists purchases ({lines:count:row|rows}), so it was grouped into one row per "
        "customer of “{column}” ({customers}); each line's amount is quantity × unit price "
        "(“{amount}”).",
        "此表是购买记录（{lines} 行），已按“{column}”合并为每个客户一行（{customers} 个客户）；"
        "每行金额 = 数量 × 单价（“{amount}”）。",
    ),
    "dataset.orders_merged": (
        "This table lists order lines ({lines:count:row|rows}): the lines of one “{order}” are one "
        "order, grouped into one row per customer of “{column}” ({customers}).",
        "此表是订单明细（{lines} 行）：同一“{order}”的各行算作一个订单，并按“{column}”合并为每个"
        "客户一行（{customers} 个客户）。",
    ),
    "dataset.orders_merged_amount": (
        "This table lists order lines ({lines:count:row|rows}): each line's amount is quantity × "
        "unit price (“{amount}”), the lines of one “{order}” are one order, grouped into one row "
        "per customer of “{column}” ({customers}).",
        "此表是订单明细（{lines} 行）：每行金额 = 数量 × 单价（“{amount}”），同一“{order}”的各行"
        "算作一个订单，并按“{column}”合并为每个客户一行（{customers} 个客户）。",
    ),
    "dataset.orders_left_out": (
        "{n:count:order|orders} marked cancelled, refunded or returned in “{column}” "
        "are left out of the orders and the value.",
        "“{column}”标为取消、退款或退货的 {n} 个订单未计入订单数和金额。",
    ),
    "dataset.no_join_key": (
        "The deals table has no column whose values match the accounts' names or ids, so the "
        "accounts table is analysed on its own. Check that both tables name the customer the same way.",
        "商机表中没有一列能与客户表的名称或编号对上，因此只分析客户表。请确认两张表中客户的写法一致。",
    ),
}
