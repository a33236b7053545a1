"""Sentences that describe best-vs-rest traits (icp.traits, Commonalities page)."""

STRINGS: dict[str, tuple[str, str]] = {
    # over-represented among the best (best vs rest)
    "traits.sentence": (
        "{best_count} of your best {best_n} are {column} = {value}, vs {rest_pct}% of the rest",
        "最佳 {best_n} 个客户中有 {best_count} 个的{column}为「{value}」，其余客户中仅 {rest_pct}%",
    ),
    "traits.sentence.multi": (
        "{best_count} of your best {best_n} have “{value}” in {column}, vs {rest_pct}% of the rest",
        "最佳 {best_n} 个客户中有 {best_count} 个的{column}包含「{value}」，"
        "其余客户中仅 {rest_pct}%",
    ),
    "traits.sentence.text": (
        "{best_count} of your best {best_n} mention “{value}” in {column}, "
        "vs {rest_pct}% of the rest",
        "最佳 {best_n} 个客户中有 {best_count} 个在{column}中提到「{value}」，"
        "其余客户中仅 {rest_pct}%",
    ),
    # over-represented among the won (won vs not won)
    "traits.sentence.outcome": (
        "{best_count} of {best_n} won customers are {column} = {value}, "
        "vs {rest_pct}% of those not won",
        "{best_n} 个已签约客户中有 {best_count} 个的{column}为「{value}」，"
        "未签约客户中仅 {rest_pct}%",
    ),
    "traits.sentence.multi.outcome": (
        "{best_count} of {best_n} won customers have “{value}” in {column}, "
        "vs {rest_pct}% of those not won",
        "{best_n} 个已签约客户中有 {best_count} 个的{column}包含「{value}」，"
        "未签约客户中仅 {rest_pct}%",
    ),
    "traits.sentence.text.outcome": (
        "{best_count} of {best_n} won customers mention “{value}” in {column}, "
        "vs {rest_pct}% of those not won",
        "{best_n} 个已签约客户中有 {best_count} 个在{column}中提到「{value}」，"
        "未签约客户中仅 {rest_pct}%",
    ),
    # warning signs: over-represented among the rest / the lost
    "traits.warning": (
        "Only {best_count} of your best {best_n} are {column} = {value}, "
        "vs {rest_pct}% of the rest",
        "最佳 {best_n} 个客户中只有 {best_count} 个的{column}为「{value}」，"
        "而其余客户中占 {rest_pct}%",
    ),
    "traits.warning.multi": (
        "Only {best_count} of your best {best_n} have “{value}” in {column}, "
        "vs {rest_pct}% of the rest",
        "最佳 {best_n} 个客户中只有 {best_count} 个的{column}包含「{value}」，"
        "而其余客户中占 {rest_pct}%",
    ),
    "traits.warning.text": (
        "Only {best_count} of your best {best_n} mention “{value}” in {column}, "
        "vs {rest_pct}% of the rest",
        "最佳 {best_n} 个客户中只有 {best_count} 个在{column}中提到「{value}」，"
        "而其余客户中占 {rest_pct}%",
    ),
    "traits.warning.outcome": (
        "Only {best_count} of {best_n} won customers are {column} = {value}, "
        "vs {rest_pct}% of those not won",
        "{best_n} 个已签约客户中只有 {best_count} 个的{column}为「{value}」，"
        "而未签约客户中占 {rest_pct}%",
    ),
    "traits.warning.multi.outcome": (
        "Only {best_count} of {best_n} won customers have “{value}” in {column}, "
        "vs {rest_pct}% of those not won",
        "{best_n} 个已签约客户中只有 {best_count} 个的{column}包含「{value}」，"
        "而未签约客户中占 {rest_pct}%",
    ),
    "traits.warning.text.outcome": (
        "Only {best_count} of {best_n} won customers mention “{value}” in {column}, "
        "vs {rest_pct}% of those not won",
        "{best_n} 个已签约客户中只有 {best_count} 个在{column}中提到「{value}」，"
        "而未签约客户中占 {rest_pct}%",
    ),
    # numeric sweet spots
    "traits.numeric": (
        "Best customers have {low}–{high} {column} (median {best_median} vs {rest_median})",
        "最佳客户的{column}多在 {low}–{high} 之间"
        "（中位数 {best_median}，其余客户为 {rest_median}）",
    ),
    "traits.numeric.outcome": (
        "Won customers have {low}–{high} {column} "
        "(median {best_median} vs {rest_median} for those not won)",
        "已签约客户的{column}多在 {low}–{high} 之间"
        "（中位数 {best_median}，未签约客户为 {rest_median}）",
    ),
}
