"""Strings for charts and word clouds, plus the shared display names of the
S1 criteria (``criterion.<name>``) and the KPIs (``kpi.<key>``)."""

STRINGS: dict[str, tuple[str, str]] = {
    # S1 criteria (icp.model.CRITERIA) — reused by the ranking page, report and CLI.
    "criterion.sales_cycle": ("Sales cycle", "销售周期"),
    "criterion.profit": ("Profit", "利润"),
    "criterion.deal_value": ("Deal value", "成交金额"),
    "criterion.referrals": ("Referrals", "转介绍"),
    "criterion.support": ("Support need", "服务需求"),
    "criterion.ltv_cac": ("LTV/CAC", "LTV/CAC（终身价值/获客成本）"),
    # KPIs (icp.model.Kpi.key)
    "kpi.ltv_cac": ("LTV/CAC", "LTV/CAC"),
    "kpi.sales_cycle_days": ("Sales cycle (days)", "销售周期（天）"),
    "kpi.employees": ("Company size (employees)", "公司规模（员工数）"),
    "kpi.deal_value": ("Deal value", "成交金额"),
    # Generic chart words
    "charts.no_data": ("No data to show yet", "暂无可显示的数据"),
    "charts.group": ("Group", "分组"),
    "charts.share": ("Share", "占比"),
    "charts.count": ("Customers", "客户数"),
    "charts.count_of": ("{count} of {n}", "{n} 个中的 {count} 个"),
    # Diverging trait bars
    "charts.traits.title": ("What your best customers have in common", "最佳客户的共同特征"),
    "charts.traits.title_outcome": ("What won customers have in common", "已签约客户的共同特征"),
    "charts.traits.subtitle": (
        "Share of your best customers (right) vs the rest (left)",
        "右侧：在最佳客户中的占比；左侧：在其余客户中的占比",
    ),
    "charts.traits.subtitle_outcome": (
        "Share of won customers (right) vs not won (left)",
        "右侧：在已签约客户中的占比；左侧：在未签约客户中的占比",
    ),
    "charts.traits.x": ("Share of customers", "客户占比"),
    "charts.traits.y": ("Trait", "特征"),
    # KPI bars
    "charts.kpi.title": ("Key numbers: best vs rest", "关键指标：最佳客户与其余客户对比"),
    "charts.kpi.title_outcome": ("Key numbers: won vs not won", "关键指标：已签约与未签约对比"),
    "charts.kpi.metric": ("Metric", "指标"),
    "charts.kpi.value": ("Value", "数值"),
    "charts.unit.days": ("{value} days", "{value} 天"),
    # One column's values
    "charts.value.title": ("{column}: best vs rest", "{column}：最佳客户与其余客户对比"),
    "charts.value.subtitle": (
        "Share of each group that has the value",
        "各组中具有该取值的客户占比",
    ),
    "charts.value.axis": ("Value", "取值"),
    # Score bars
    "charts.score.title": ("Top {n} customers by score", "得分前 {n} 名的客户"),
    "charts.score.subtitle": (
        "Each bar is split by how much each criterion contributed",
        "每根条形按各评分维度的贡献拆分",
    ),
    "charts.score.x": ("Score", "得分"),
    "charts.score.y": ("Customer", "客户"),
    "charts.score.criterion": ("Criterion", "评分维度"),
    "charts.score.total": ("Total score", "总分"),
    # Numeric sweet spots
    "charts.numeric.title": (
        "Sweet spots: where most best customers sit",
        "最佳区间：多数最佳客户所在的范围",
    ),
    "charts.numeric.subtitle": (
        "Band: the range holding most of the best; markers: the medians",
        "色带：多数最佳客户所在的范围；标记：中位数",
    ),
    "charts.numeric.range": ("Sweet spot of the best", "最佳客户的区间"),
    "charts.numeric.best_median": ("Median of the best", "最佳客户中位数"),
    "charts.numeric.rest_median": ("Median of the rest", "其余客户中位数"),
    "charts.numeric.won_median": ("Median of won", "已签约客户中位数"),
    "charts.numeric.lost_median": ("Median of not won", "未签约客户中位数"),
    "charts.numeric.marker": ("Marker", "标记"),
    "charts.numeric.low": ("From", "从"),
    "charts.numeric.high": ("To", "到"),
    # Word clouds
    "clouds.empty": (
        "No word sets this group apart beyond chance — a word needs at least two customers and "
        "a clear lean (or map a text, tag or category column).",
        "没有明显偏向这一组的词——一个词至少要有两个客户提到且差异明显"
        "（或请映射文本、标签或类别列）。",
    ),
    "clouds.best": ("Words of your best customers", "最佳客户的高频词"),
    "clouds.rest": ("Words of the rest", "其余客户的高频词"),
    "clouds.best_distinct": ("Words that set the best apart", "最佳客户的特色词"),
    "clouds.rest_distinct": ("Words that set the rest apart", "其余客户的特色词"),
}
