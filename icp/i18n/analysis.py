"""Strings of the analysis engine (icp.analysis, icp.rank): formulas, warnings, KPIs."""

STRINGS: dict[str, tuple[str, str]] = {
    # which LTV formula was used
    "analysis.ltv.mapped": (
        "LTV is taken from your column “{column}”.",
        "LTV 取自你的「{column}」列。",
    ),
    "analysis.ltv.computed": (
        "LTV = {value} × {margin} × {years} years of expected lifetime.",
        "LTV =「{value}」×「{margin}」× 预计合作 {years} 年。",
    ),
    # KPI tiles (names are the shared "kpi.<key>" strings)
    "analysis.kpi.note": (
        "Medians, so one unusually large customer cannot decide the tile.",
        "均为中位数，避免个别超大客户左右结果。",
    ),
    # warnings (rendered under the results)
    "analysis.too_few_rows": (
        "Only {n:count:customer row is|customer rows are} usable; add at least 3 customers to compare best and rest.",
        "只有 {n} 行客户数据可用；请至少提供 3 个客户，才能比较最佳客户与其余客户。",
    ),
    "analysis.no_criteria": (
        "Nothing to rank customers by: map at least one column such as deal value, profit, "
        "sales cycle, referrals, support tickets or an outcome (won/lost) on the Data page.",
        "没有可用于排名的数据：请在「数据」页把至少一列设为成交金额、利润、销售周期、"
        "转介绍数、工单数或签约结果。",
    ),
    "analysis.no_criteria_using_outcome": (
        "No ranking columns (value, profit, cycle …) were found, so won vs not won is compared "
        "instead.",
        "没有找到可排名的列（金额、利润、周期等），因此改为比较已签约与未签约客户。",
    ),
    "analysis.no_outcome_column": (
        "No outcome column (won/lost) is mapped, so the top customers by score are shown. "
        "Map one on the Data page to compare won vs not won.",
        "尚未设置签约结果列（已签约/未签约），因此显示按得分排名的最佳客户。"
        "可在「数据」页设置该列后比较已签约与未签约客户。",
    ),
    "analysis.after_outcome": (
        "Set aside as probably written after the outcome: {values}. Each is on many customers "
        "of one “{column}” outcome and on none of the other (counts: good outcome / other), "
        "like a sales note or a closing reason, so it is not shown as a finding.",
        "以下取值很可能是在结果产生之后才记录的，已搁置：{values}。每一项都只出现在“{column}”"
        "某一种结果的大量客户上，另一种结果中一个也没有（括号内为 好结果/其他 的客户数），"
        "类似销售备注或成交/丢单原因，因此不作为发现展示。",
    ),
    "analysis.after_outcome.more": (
        "Set aside as probably written after the outcome: {values}, and {more} more. Each is on "
        "many customers of one “{column}” outcome and on none of the other (counts: good "
        "outcome / other), like a sales note or a closing reason, so it is not shown as a "
        "finding.",
        "以下取值很可能是在结果产生之后才记录的，已搁置：{values}，另有 {more} 项。每一项都只出现在"
        "“{column}”某一种结果的大量客户上，另一种结果中一个也没有（括号内为 好结果/其他 的客户数），"
        "类似销售备注或成交/丢单原因，因此不作为发现展示。",
    ),
    "analysis.outcome_one_sided": (
        "The outcome column has only won or only not-won customers, so the top customers by "
        "score are shown instead.",
        "签约结果列中只有已签约或只有未签约的客户，因此改为显示按得分排名的最佳客户。",
    ),
    "analysis.few_good": (
        "Only {n:count:customer has|customers have} a good outcome, so all of them are your best.",
        "只有 {n} 个客户的结果为好，因此全部算作最佳客户。",
    ),
    "analysis.open_excluded": (
        "{n:count:customer has|customers have} no outcome yet (open or unknown) and "
        "{n:plural:is|are} left out of both groups.",
        "{n} 个客户尚无结果（跟进中或未知），未计入任何一组。",
    ),
    "analysis.pins_ignored_outcome": (
        "Pinned and excluded customers apply to the ranking only, not to won vs not won.",
        "置顶和排除只对得分排名有效，不影响已签约与未签约的比较。",
    ),
    "analysis.top_n_clamped": (
        "There are not enough customers for that many best ones; using the best {n} so that "
        "some remain to compare with.",
        "客户数量不足以选出这么多最佳客户；改为取前 {n} 个，以便留下其余客户作比较。",
    ),
    "analysis.no_rest": (
        "Every customer is in the best group, so there is nothing to compare them with.",
        "所有客户都在最佳组中，没有可比较的其余客户。",
    ),
    "analysis.small_best": (
        "Only {n:count:customer is|customers are} in the best group; patterns this small are weak, "
        "so few or no traits may qualify as findings.",
        "最佳组只有 {n} 个客户，样本太小，可能没有或只有很少的共同特征能被确认。",
    ),
    "analysis.unknown_name": (
        "“{name}” is pinned or excluded but is not in the data; check the spelling.",
        "「{name}」被置顶或排除，但数据中没有这个客户；请检查名称。",
    ),
    "analysis.pin_and_exclude": (
        "“{name}” is both pinned and excluded; it is left out.",
        "「{name}」同时被置顶和排除，已按排除处理。",
    ),
    "analysis.pins_exceed": (
        "{pins} customers are pinned, more than the {n} best asked for; all pinned ones are kept.",
        "置顶了 {pins} 个客户，多于设定的 {n} 个最佳客户；所有置顶客户均保留。",
    ),
    # Best customers page
    "analysis.page.title": ("Best customers", "最佳客户"),
    "analysis.page.row_names": (
        "Your file has no name or id for some customers, so they are called by what they "
        "are and the row of your sheet they are on (“Retail · East #23” is row 23).",
        "文件中部分客户没有名称或编号，因此用其行业、地区等信息加上所在的表格行号来称呼"
        "（“零售 · 华东 #23”即第 23 行）。",
    ),
    "analysis.page.intro": (
        "Rank every customer by the criteria your data has, pick how many count as best, "
        "and pin or leave out customers you know better than the numbers do.",
        "按数据中已有的标准给每个客户打分，选定最佳客户的数量；"
        "你比数字更了解的客户，可以手动置顶或排除。",
    ),
    "analysis.page.mode": ("Who counts as best", "如何确定最佳客户"),
    "analysis.page.mode.top": ("Top by score", "按得分排名"),
    "analysis.page.mode.outcome": ("Compare won vs not won", "比较已签约与未签约"),
    "analysis.page.mode_disabled": (
        "Comparing won vs not won needs an outcome column (won/lost, 已签约/未签约); "
        "map one on the Data page.",
        "比较已签约与未签约需要一列签约结果（如 已签约/未签约、won/lost）；请在「数据」页设置。",
    ),
    "analysis.page.top_n": ("How many best customers", "最佳客户数量"),
    "analysis.page.weights": ("Weight of each criterion", "各项标准的权重"),
    "analysis.page.weights_help": (
        "0 ignores a criterion; 2 counts it twice as much as one at 1.",
        "0 表示不考虑该标准；2 表示其分量是 1 的两倍。",
    ),
    "analysis.page.lifetime": ("Expected customer lifetime (years)", "预计合作年限（年）"),
    "analysis.page.lifetime_help": (
        "Used for LTV = value per year × gross margin × lifetime, when no LTV column is mapped.",
        "未设置 LTV 列时，用于计算 LTV = 年度金额 × 毛利率 × 合作年限。",
    ),
    "analysis.page.pins": ("Always count as best (pin)", "始终算作最佳（置顶）"),
    "analysis.page.excludes": ("Never count as best (exclude)", "不算作最佳（排除）"),
    "analysis.page.missing_title": ("Not in your data", "数据中缺少的标准"),
    "analysis.page.missing_item": (
        "{criterion} — map a column as {roles} to use it",
        "{criterion}——将某列设为「{roles}」即可使用",
    ),
    "analysis.page.roles_sep": (" or ", "」或「"),
    "analysis.page.top_table": ("Your best {n} customers", "你的前 {n} 名最佳客户"),
    "analysis.page.won_table": ("Your {n:count:won customer|won customers}", "{n} 个已签约客户"),
    "analysis.page.col.rank": ("Rank", "排名"),
    "analysis.page.col.name": ("Customer", "客户"),
    "analysis.page.col.score": ("Score", "得分"),
    "analysis.page.col.stability": ("Stability", "稳定度"),
    "analysis.page.col.pinned": ("Pinned", "置顶"),
    "analysis.page.stability_help": (
        "Share of 300 re-rankings with randomly changed weights (±50%) in which the customer "
        "stayed in the top N. Near 100% means the choice does not hinge on the exact weights.",
        "在 300 次随机调整权重（±50%）的重新排名中，该客户仍留在前 N 名的比例。"
        "接近 100% 说明结论不依赖于具体权重。",
    ),
    "analysis.page.contrib_help": (
        "Each criterion's share of the score (percentile × weight); together they add up to "
        "the score.",
        "每项标准在得分中的份额（百分位 × 权重），各项相加即为总分。",
    ),
    "analysis.page.kpis": ("Key numbers", "关键指标"),
    "analysis.page.rest_value": ("rest: {value}", "其余：{value}"),
    "analysis.page.not_won_value": ("not won: {value}", "未签约：{value}"),
    "analysis.page.next": (
        "Next: see what these customers have in common on the Commonalities page.",
        "下一步：在「共同特征」页查看这些客户有哪些共同点。",
    ),
}
