"""Sentences that describe best-vs-rest traits (icp.traits, Commonalities page)."""

STRINGS: dict[str, tuple[str, str]] = {
    # over-represented among the best (best vs rest)
    "traits.sentence": (
        "{best_count} of your best {best_n} ({ci}) are {column} = {value}, vs {rest_pct}% of the rest",
        "最佳 {best_n} 个客户中有 {best_count} 个（{ci}）的{column}为「{value}」，其余客户中仅 {rest_pct}%",
    ),
    "traits.sentence.multi": (
        "{best_count} of your best {best_n} ({ci}) have “{value}” in {column}, vs {rest_pct}% of the rest",
        "最佳 {best_n} 个客户中有 {best_count} 个（{ci}）的{column}包含「{value}」，"
        "其余客户中仅 {rest_pct}%",
    ),
    "traits.sentence.text": (
        "{best_count} of your best {best_n} ({ci}) mention “{value}” in {column}, "
        "vs {rest_pct}% of the rest",
        "最佳 {best_n} 个客户中有 {best_count} 个（{ci}）在{column}中提到「{value}」，"
        "其余客户中仅 {rest_pct}%",
    ),
    # over-represented among the won (won vs not won)
    "traits.sentence.outcome": (
        "{best_count} of {best_n} won customers ({ci}) are {column} = {value}, "
        "vs {rest_pct}% of those not won",
        "{best_n} 个已签约客户中有 {best_count} 个（{ci}）的{column}为「{value}」，"
        "未签约客户中仅 {rest_pct}%",
    ),
    "traits.sentence.multi.outcome": (
        "{best_count} of {best_n} won customers ({ci}) have “{value}” in {column}, "
        "vs {rest_pct}% of those not won",
        "{best_n} 个已签约客户中有 {best_count} 个（{ci}）的{column}包含「{value}」，"
        "未签约客户中仅 {rest_pct}%",
    ),
    "traits.sentence.text.outcome": (
        "{best_count} of {best_n} won customers ({ci}) mention “{value}” in {column}, "
        "vs {rest_pct}% of those not won",
        "{best_n} 个已签约客户中有 {best_count} 个（{ci}）在{column}中提到「{value}」，"
        "未签约客户中仅 {rest_pct}%",
    ),
    # warning signs: over-represented among the rest / the lost
    "traits.warning": (
        "Only {best_count} of your best {best_n} ({ci}) are {column} = {value}, "
        "vs {rest_pct}% of the rest",
        "最佳 {best_n} 个客户中只有 {best_count} 个（{ci}）的{column}为「{value}」，"
        "而其余客户中占 {rest_pct}%",
    ),
    "traits.warning.multi": (
        "Only {best_count} of your best {best_n} ({ci}) have “{value}” in {column}, "
        "vs {rest_pct}% of the rest",
        "最佳 {best_n} 个客户中只有 {best_count} 个（{ci}）的{column}包含「{value}」，"
        "而其余客户中占 {rest_pct}%",
    ),
    "traits.warning.text": (
        "Only {best_count} of your best {best_n} ({ci}) mention “{value}” in {column}, "
        "vs {rest_pct}% of the rest",
        "最佳 {best_n} 个客户中只有 {best_count} 个（{ci}）在{column}中提到「{value}」，"
        "而其余客户中占 {rest_pct}%",
    ),
    "traits.warning.outcome": (
        "Only {best_count} of {best_n} won customers ({ci}) are {column} = {value}, "
        "vs {rest_pct}% of those not won",
        "{best_n} 个已签约客户中只有 {best_count} 个（{ci}）的{column}为「{value}」，"
        "而未签约客户中占 {rest_pct}%",
    ),
    "traits.warning.multi.outcome": (
        "Only {best_count} of {best_n} won customers ({ci}) have “{value}” in {column}, "
        "vs {rest_pct}% of those not won",
        "{best_n} 个已签约客户中只有 {best_count} 个（{ci}）的{column}包含「{value}」，"
        "而未签约客户中占 {rest_pct}%",
    ),
    "traits.warning.text.outcome": (
        "Only {best_count} of {best_n} won customers ({ci}) mention “{value}” in {column}, "
        "vs {rest_pct}% of those not won",
        "{best_n} 个已签约客户中只有 {best_count} 个（{ci}）在{column}中提到「{value}」，"
        "而未签约客户中占 {rest_pct}%",
    ),
    # numeric findings: a band that separates, or a shift of the whole distribution
    "traits.numeric": (
        "{best_count} of your best {best_n} ({ci}) have {column} {range}, vs {rest_pct}% of "
        "the rest (median {best_median} vs {rest_median})",
        "最佳 {best_n} 个客户中有 {best_count} 个（{ci}）的{column}在 {range}，"
        "其余客户中仅 {rest_pct}%（中位数 {best_median}，其余客户为 {rest_median}）",
    ),
    "traits.numeric.outcome": (
        "{best_count} of {best_n} won customers ({ci}) have {column} {range}, vs {rest_pct}% "
        "of those not won (median {best_median} vs {rest_median})",
        "{best_n} 个已签约客户中有 {best_count} 个（{ci}）的{column}在 {range}，"
        "未签约客户中仅 {rest_pct}%（中位数 {best_median}，未签约客户为 {rest_median}）",
    ),
    "traits.numeric.warning": (
        "Only {best_count} of your best {best_n} ({ci}) have {column} {range}, vs {rest_pct}% "
        "of the rest",
        "最佳 {best_n} 个客户中只有 {best_count} 个（{ci}）的{column}在 {range}，"
        "而其余客户中占 {rest_pct}%",
    ),
    "traits.numeric.warning.outcome": (
        "Only {best_count} of {best_n} won customers ({ci}) have {column} {range}, vs "
        "{rest_pct}% of those not won",
        "{best_n} 个已签约客户中只有 {best_count} 个（{ci}）的{column}在 {range}，"
        "而未签约客户中占 {rest_pct}%",
    ),
    "traits.numeric.higher": (
        "{column}: your best are larger than the rest — median {best_median} vs {rest_median} "
        "({best_n} best, {rest_n} others)",
        "{column}：最佳客户普遍更高——中位数 {best_median}，其余客户为 {rest_median}"
        "（最佳 {best_n} 个，其余 {rest_n} 个）",
    ),
    "traits.numeric.lower": (
        "{column}: your best are smaller than the rest — median {best_median} vs {rest_median} "
        "({best_n} best, {rest_n} others)",
        "{column}：最佳客户普遍更低——中位数 {best_median}，其余客户为 {rest_median}"
        "（最佳 {best_n} 个，其余 {rest_n} 个）",
    ),
    "traits.numeric.higher.outcome": (
        "{column}: won customers are larger than those not won — median {best_median} vs "
        "{rest_median} ({best_n} won, {rest_n} not won)",
        "{column}：已签约客户普遍更高——中位数 {best_median}，未签约客户为 {rest_median}"
        "（已签约 {best_n} 个，未签约 {rest_n} 个）",
    ),
    "traits.numeric.lower.outcome": (
        "{column}: won customers are smaller than those not won — median {best_median} vs "
        "{rest_median} ({best_n} won, {rest_n} not won)",
        "{column}：已签约客户普遍更低——中位数 {best_median}，未签约客户为 {rest_median}"
        "（已签约 {best_n} 个，未签约 {rest_n} 个）",
    ),
    # a shift with equal medians: the share past that median is what differs
    "traits.numeric.higher_tied": (
        "{column}: {best_past}% of your best are above {best_median}, vs {rest_past}% of the "
        "rest (both medians {best_median}; {best_n} best, {rest_n} others)",
        "{column}：最佳客户中有 {best_past}% 高于 {best_median}，其余客户中为 {rest_past}%"
        "（两组中位数均为 {best_median}；最佳 {best_n} 个，其余 {rest_n} 个）",
    ),
    "traits.numeric.lower_tied": (
        "{column}: {best_past}% of your best are below {best_median}, vs {rest_past}% of the "
        "rest (both medians {best_median}; {best_n} best, {rest_n} others)",
        "{column}：最佳客户中有 {best_past}% 低于 {best_median}，其余客户中为 {rest_past}%"
        "（两组中位数均为 {best_median}；最佳 {best_n} 个，其余 {rest_n} 个）",
    ),
    "traits.numeric.higher_tied.outcome": (
        "{column}: {best_past}% of won customers are above {best_median}, vs {rest_past}% of "
        "those not won (both medians {best_median}; {best_n} won, {rest_n} not won)",
        "{column}：已签约客户中有 {best_past}% 高于 {best_median}，未签约客户中为 {rest_past}%"
        "（两组中位数均为 {best_median}；已签约 {best_n} 个，未签约 {rest_n} 个）",
    ),
    "traits.numeric.lower_tied.outcome": (
        "{column}: {best_past}% of won customers are below {best_median}, vs {rest_past}% of "
        "those not won (both medians {best_median}; {best_n} won, {rest_n} not won)",
        "{column}：已签约客户中有 {best_past}% 低于 {best_median}，未签约客户中为 {rest_past}%"
        "（两组中位数均为 {best_median}；已签约 {best_n} 个，未签约 {rest_n} 个）",
    ),
    "traits.interval": ("{low}–{high}%", "{low}–{high}%"),
    # Commonalities page
    "traits.page.title": ("Commonalities", "共同特征"),
    "traits.page.intro": (
        "What your best customers share that the rest do not — only patterns backed by at "
        "least two customers and unlikely to be chance are listed.",
        "最佳客户有而其余客户没有的共同点——只列出至少两个客户支持、且不太可能是偶然的规律。",
    ),
    "traits.page.intro_outcome": (
        "What your won customers share that the others do not — only patterns backed by at "
        "least two customers and unlikely to be chance are listed.",
        "已签约客户有而未签约客户没有的共同点——只列出至少两个客户支持、且不太可能是偶然的规律。",
    ),
    "traits.page.groups": (
        "Comparing {best_n} best customers with {rest_n} others.",
        "对比 {best_n} 个最佳客户与 {rest_n} 个其余客户。",
    ),
    "traits.page.groups_outcome": (
        "Comparing {best_n} won customers with {rest_n} not won.",
        "对比 {best_n} 个已签约客户与 {rest_n} 个未签约客户。",
    ),
    "traits.page.findings": ("What they have in common", "共同特征"),
    "traits.page.none": (
        "No trait stands out clearly enough yet. With few best customers only strong patterns "
        "can be told apart from chance: try a larger N on the Best customers page, or map more "
        "columns on the Data page.",
        "暂时没有足够明显的共同特征。最佳客户较少时，只有很强的规律才能与偶然区分开："
        "可以在「最佳客户」页调大数量，或在「数据」页映射更多列。",
    ),
    "traits.page.details": ("Details and statistics", "详细数据与统计"),
    "traits.page.col.column": ("Column", "字段"),
    "traits.page.col.value": ("Value", "取值"),
    "traits.page.col.best": ("Best", "最佳"),
    "traits.page.col.rest": ("Rest", "其余"),
    "traits.page.col.won": ("Won", "已签约"),
    "traits.page.col.not_won": ("Not won", "未签约"),
    "traits.page.col.lift": ("Lift", "提升倍数"),
    "traits.page.col.p": ("p-value", "p 值"),
    "traits.page.lift_help": (
        "How many times more common among the best than among the rest (smoothed so tiny "
        "counts cannot give huge numbers).",
        "在最佳客户中比在其余客户中常见多少倍（已做平滑，避免极少数客户造成夸大）。",
    ),
    "traits.page.p_help": (
        "Fisher's exact test: the chance of a difference at least this large if the column "
        "had nothing to do with being a best customer.",
        "Fisher 精确检验：如果该字段与是否为最佳客户毫无关系，出现至少这么大差异的概率。",
    ),
    "traits.page.numeric": ("Sweet spots", "最佳区间"),
    "traits.page.in_range": (
        "{best_pct}% of them fall in this range, vs {rest_pct}% of the rest.",
        "其中 {best_pct}% 落在此区间，其余客户为 {rest_pct}%。",
    ),
    "traits.page.in_range_outcome": (
        "{best_pct}% of them fall in this range, vs {rest_pct}% of those not won.",
        "其中 {best_pct}% 落在此区间，未签约客户为 {rest_pct}%。",
    ),
    "traits.page.warnings": ("Warning signs", "警示信号"),
    "traits.page.warnings_help": (
        "Traits far more common among the rest than among the best — candidates for "
        "disqualifiers in your ICP.",
        "在其余客户中明显更常见、在最佳客户中少见的特征——可作为 ICP 的排除条件。",
    ),
    "traits.page.no_warnings": ("No clear warning sign.", "没有明显的警示信号。"),
    "traits.page.leads": (
        "Worth checking — {n} pattern(s) that are not conclusive yet",
        "值得进一步核实——{n} 条尚不确定的规律",
    ),
    "traits.page.leads_help": (
        "These values lean towards your best customers, but with this few customers they could "
        "still be chance once every column is taken into account. Check them in your next "
        "customer interviews before you put them into the ICP.",
        "这些取值更常见于最佳客户，但客户数量较少，综合考虑所有字段后仍可能只是巧合。"
        "请在下一轮客户访谈中核实，再决定是否写入 ICP。",
    ),
    "traits.lead_note": (
        "(p = {p} before correcting for the number of comparisons)",
        "（未做多重比较校正的 p = {p}）",
    ),
    "traits.page.clouds": ("Word clouds", "词云"),
    "traits.page.clouds_help": (
        "Word size shows how much more a word belongs to that side than to the other.",
        "字的大小表示该词在这一侧比另一侧多出多少。",
    ),
    "traits.page.clouds_drawing": ("Drawing the word clouds…", "正在绘制词云……"),
    "traits.page.cloud_best": ("Best customers", "最佳客户"),
    "traits.page.cloud_rest": ("The rest", "其余客户"),
    "traits.page.cloud_won": ("Won", "已签约"),
    "traits.page.cloud_not_won": ("Not won", "未签约"),
}
