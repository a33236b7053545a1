"""Churn files: the good side is the kept customers, the other side churned (not "won").

The same sentences as the won-vs-not-won ones (``*.outcome``), for an outcome column whose
header names the bad side (churned, 流失): ``Definition.lost_style``."""

STRINGS: dict[str, tuple[str, str]] = {
    "traits.sentence.kept": (
        "{best_count} of {best_n} kept customers ({ci}) are {column} = {value}, vs {rest_pct}% of those who churned",
        "{best_n} 个留存客户中有 {best_count} 个（{ci}）的{column}为「{value}」，流失客户中仅 {rest_pct}%",
    ),
    "traits.sentence.multi.kept": (
        "{best_count} of {best_n} kept customers ({ci}) have “{value}” in {column}, vs {rest_pct}% of those who churned",
        "{best_n} 个留存客户中有 {best_count} 个（{ci}）的{column}包含「{value}」，流失客户中仅 {rest_pct}%",
    ),
    "traits.sentence.text.kept": (
        "{best_count} of {best_n} kept customers ({ci}) mention “{value}” in {column}, vs {rest_pct}% of those who churned",
        "{best_n} 个留存客户中有 {best_count} 个（{ci}）在{column}中提到「{value}」，流失客户中仅 {rest_pct}%",
    ),
    "traits.warning.kept": (
        "Only {best_count} of {best_n} kept customers ({ci}) are {column} = {value}, vs {rest_pct}% of those who churned",
        "{best_n} 个留存客户中只有 {best_count} 个（{ci}）的{column}为「{value}」，而流失客户中占 {rest_pct}%",
    ),
    "traits.warning.multi.kept": (
        "Only {best_count} of {best_n} kept customers ({ci}) have “{value}” in {column}, vs {rest_pct}% of those who churned",
        "{best_n} 个留存客户中只有 {best_count} 个（{ci}）的{column}包含「{value}」，而流失客户中占 {rest_pct}%",
    ),
    "traits.warning.text.kept": (
        "Only {best_count} of {best_n} kept customers ({ci}) mention “{value}” in {column}, vs {rest_pct}% of those who churned",
        "{best_n} 个留存客户中只有 {best_count} 个（{ci}）在{column}中提到「{value}」，而流失客户中占 {rest_pct}%",
    ),
    "traits.numeric.kept": (
        "{best_count} of {best_n} kept customers ({ci}) have {column} {range}, vs {rest_pct}% of those who churned (median {best_median} vs {rest_median})",
        "{best_n} 个留存客户中有 {best_count} 个（{ci}）的{column}在 {range}，流失客户中仅 {rest_pct}%（中位数 {best_median}，流失客户为 {rest_median}）",
    ),
    "traits.numeric.warning.kept": (
        "Only {best_count} of {best_n} kept customers ({ci}) have {column} {range}, vs {rest_pct}% of those who churned",
        "{best_n} 个留存客户中只有 {best_count} 个（{ci}）的{column}在 {range}，而流失客户中占 {rest_pct}%",
    ),
    "traits.numeric.higher_tied.kept": (
        "{column}: {best_past}% of kept customers are above {best_median}, vs {rest_past}% of those who churned (both medians {best_median}; {best_n} kept, {rest_n} churned)",
        "{column}：留存客户中有 {best_past}% 高于 {best_median}，流失客户中为 {rest_past}%（两组中位数均为 {best_median}；留存 {best_n} 个，流失 {rest_n} 个）",
    ),
    "traits.numeric.lower_tied.kept": (
        "{column}: {best_past}% of kept customers are below {best_median}, vs {rest_past}% of those who churned (both medians {best_median}; {best_n} kept, {rest_n} churned)",
        "{column}：留存客户中有 {best_past}% 低于 {best_median}，流失客户中为 {rest_past}%（两组中位数均为 {best_median}；留存 {best_n} 个，流失 {rest_n} 个）",
    ),
    "traits.numeric.higher.kept": (
        "{column}: kept customers are larger than those who churned — median {best_median} vs {rest_median} ({best_n} kept, {rest_n} churned)",
        "{column}：留存客户普遍更高——中位数 {best_median}，流失客户为 {rest_median}（留存 {best_n} 个，流失 {rest_n} 个）",
    ),
    "traits.numeric.lower.kept": (
        "{column}: kept customers are smaller than those who churned — median {best_median} vs {rest_median} ({best_n} kept, {rest_n} churned)",
        "{column}：留存客户普遍更低——中位数 {best_median}，流失客户为 {rest_median}（留存 {best_n} 个，流失 {rest_n} 个）",
    ),
    "traits.page.intro_kept": (
        "What your kept customers share that those who churned do not — only patterns backed by at least two customers and unlikely to be chance are listed.",
        "留存客户有而流失客户没有的共同点——只列出至少两个客户支持、且不太可能是偶然的规律。",
    ),
    "traits.page.groups_kept": (
        "Comparing {best_n} kept customers with {rest_n} who churned.",
        "对比 {best_n} 个留存客户与 {rest_n} 个流失客户。",
    ),
    "traits.page.col.kept": ("Kept", "留存"),
    "traits.page.col.churned": ("Churned", "流失"),
    "traits.page.cloud_kept": ("Kept", "留存"),
    "traits.page.cloud_churned": ("Churned", "流失"),
    "analysis.page.churned_value": ("churned: {value}", "流失：{value}"),
    "traits.page.in_range_kept": (
        "{best_pct}% of them fall in this range, vs {rest_pct}% of those who churned.",
        "其中 {best_pct}% 落在此区间，流失客户为 {rest_pct}%。",
    ),
    # the report (icp.report.summary.kept_key)
    "report.meta.groups_kept": (
        "{rows} customers analysed · {best_n} kept compared with {rest_n} who churned",
        "共分析 {rows} 个客户 · {best_n} 个留存客户对比 {rest_n} 个流失客户",
    ),
    "report.brief.findings_kept": ("What sets our kept customers apart", "留存客户的突出特点"),
    "report.kpis_kept": ("Key numbers: kept vs churned", "关键指标：留存与流失对比"),
    "report.kpis.ratio_kept": ("Kept ÷ churned", "留存 ÷ 流失"),
    "report.best_kept": ("Kept customers", "留存客户"),
    "report.warnings.intro_kept": (
        "More common among those who churned than among the kept — think twice before "
        "chasing these:",
        "在流失客户中比在留存客户中更常见——追这类客户前请三思：",
    ),
    "report.traits.kept": ("Kept", "留存"),
    "report.traits.churned": ("Churned", "流失"),
    "report.clouds.kept": ("Kept", "留存"),
    "report.clouds.churned": ("Churned", "流失"),
    "common.kept": ("Kept", "留存"),
    "common.churned": ("Churned", "流失"),
    "report.methods.kept": (
        "Best customers: the {n} kept customers, compared with the {rest} who churned; "
        "customers whose outcome is unknown are in neither group.",
        "最佳客户：{n} 个留存客户，与 {rest} 个流失客户对比；结果未知的客户不计入任何一组。",
    ),
    # charts (icp.charts) and the builders' hints (icp.builders) on a churn file
    "charts.traits.title_kept": ("What kept customers have in common", "留存客户的共同特征"),
    "charts.traits.subtitle_kept": (
        "Share of kept customers (right) vs those who churned (left)",
        "右侧：在留存客户中的占比；左侧：在流失客户中的占比",
    ),
    "charts.kpi.title_kept": ("Key numbers: kept vs churned", "关键指标：留存与流失对比"),
    "charts.numeric.kept_median": ("Median of kept", "留存客户中位数"),
    "charts.numeric.churned_median": ("Median of churned", "流失客户中位数"),
    "builders.sug.criteria_kept": (
        "best = the customers who stayed, compared with those who churned",
        "最佳客户 = 留存客户，与流失客户对比",
    ),
    "builders.ev.trait_kept": (
        "{count} of {n} kept ({column}) · {rest_pct}% of those who churned",
        "{n} 个留存客户中有 {count} 个（{column}）· 流失客户中占 {rest_pct}%",
    ),
    "builders.ev.numeric_kept": (
        "Range of most of {n} kept ({column}) · median {best} vs {rest} for those who churned",
        "{n} 个留存客户中多数所在区间（{column}）· 中位数 {best}，流失客户 {rest}",
    ),
    "builders.ev.best_kept": ("The {n:count:customer|customers} you kept", "{n} 个留存客户"),
    "builders.ev.warning_kept": (
        "{count} of {n} who churned · only {best_pct}% of the kept",
        "{n} 个流失客户中有 {count} 个 · 留存客户中仅占 {best_pct}%",
    ),
    "builders.ev.kpi_kept": ("Kept vs churned", "留存与流失对比"),
    "builders.ev.keyword_kept": (
        "“{word}” in the {column} of {count:count:kept customer|kept customers}",
        "{count} 个留存客户的{column}中提到“{word}”",
    ),
    "builders.ev.title_kept": (
        "{count} of {n} kept customers' contacts · {role}",
        "{n} 个留存客户中有 {count} 位联系人 · {role}",
    ),
}
