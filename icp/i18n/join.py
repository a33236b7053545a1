"""Strings of the accounts + deals join and of category spelling variants."""

STRINGS: dict[str, tuple[str, str]] = {
    # sheet guesses
    "join.skip.empty": (
        "Sheet “{sheet}” is empty — skipped.",
        "工作表“{sheet}”是空的，已跳过。",
    ),
    "join.skip.few_rows": (
        "Sheet “{sheet}” has only {rows} row(s) of data — too few for a table, skipped.",
        "工作表“{sheet}”只有 {rows} 行数据，不像一张明细表，已跳过。",
    ),
    "join.skip.summary": (
        "Sheet “{sheet}” looks like a pivot table, summary or dashboard "
        "(totals, numbers by category) — skipped.",
        "工作表“{sheet}”看起来是数据透视表、汇总或看板（含合计、按类别统计的数字），已跳过。",
    ),
    "join.skip.unknown": (
        "Sheet “{sheet}” holds neither accounts nor deals — skipped. "
        "Pick it by hand if that is wrong.",
        "工作表“{sheet}”既不像客户表也不像商机表，已跳过。如判断有误，请手动选择。",
    ),
    "join.found.accounts": (
        "Sheet “{sheet}”: accounts, one row per “{column}”.",
        "工作表“{sheet}”：客户表，每行一个“{column}”。",
    ),
    "join.found.deals": (
        "Sheet “{sheet}”: deals, linked to accounts by “{column}”.",
        "工作表“{sheet}”：商机表，通过“{column}”关联客户。",
    ),
    "join.found.deals_no_key": (
        "Sheet “{sheet}”: deals; which column names the account is decided by matching "
        "values against the accounts.",
        "工作表“{sheet}”：商机表；关联客户的列将通过与客户表比对取值来确定。",
    ),
    # errors
    "join.no_match": (
        "No value of “{deals_key}” in the deals matches an account’s “{accounts_key}”. "
        "Choose other key columns, or analyse the accounts table on its own.",
        "商机表“{deals_key}”列中的值与客户表“{accounts_key}”列没有一个能对上。"
        "请换一对关联列，或者只分析客户表。",
    ),
    "join.no_plan": (
        "No column of the deals names an account of the accounts table. "
        "Pick the key columns by hand, or analyse the accounts table on its own.",
        "商机表中找不到能对应客户表的列。请手动选择关联列，或者只分析客户表。",
    ),
    "join.bad_column.accounts": (
        "Column “{column}” is not in the accounts table. Pick one of its columns.",
        "客户表中没有“{column}”列，请从该表现有的列中选择。",
    ),
    "join.bad_column.deals": (
        "Column “{column}” is not in the deals table. Pick one of its columns.",
        "商机表中没有“{column}”列，请从该表现有的列中选择。",
    ),
    # notes after the join
    "join.note.summary": (
        "{matched} of {accounts} accounts matched, with {deals} deals.",
        "{accounts} 个客户中有 {matched} 个匹配到商机，共 {deals} 条商机。",
    ),
    "join.note.unmatched": (
        "Deals that name no known account: {n} ({no_key} with the account left empty), "
        "e.g. {examples}. They are listed below and left out.",
        "有 {n} 条商机找不到对应客户（其中 {no_key} 条未填客户），例如 {examples}。"
        "它们列在下方，未计入汇总。",
    ),
    "join.note.without_deals": (
        "Accounts with no deals: {n}. They get deals 0, won value 0 and an empty outcome.",
        "{n} 个客户没有任何商机：商机数为 0，赢单金额为 0，结果留空。",
    ),
    "join.note.duplicate_accounts": (
        "Account rows that repeat a name already listed: {n}. Each copy gets the same deal totals.",
        "有 {n} 行客户与前面的客户重名，每一行都会得到相同的商机汇总。",
    ),
    "join.note.no_stage": (
        "No stage or outcome column in the deals: every deal is counted as won.",
        "商机表中没有阶段或结果列：所有商机都按赢单计算。",
    ),
    "join.note.no_value": (
        "No amount column in the deals: no won value.",
        "商机表中没有金额列：无法计算赢单金额。",
    ),
    "join.note.no_cycle": (
        "The deals lack a created or a close date: no sales cycle.",
        "商机表缺少创建日期或成交日期：无法计算销售周期。",
    ),
    "join.note.negative_cycle": (
        "Won deals that close before they were created: {n}. They are left out of the sales cycle.",
        "有 {n} 条赢单的成交日期早于创建日期，已排除在销售周期之外。",
    ),
    # names of the new columns (they become column headers of the data)
    "join.col.deals": ("Deals", "商机数"),
    "join.col.won_deals": ("Won deals", "赢单数"),
    "join.col.win_rate": ("Win rate", "赢单率"),
    "join.col.won_value": ("Won value", "赢单金额"),
    "join.col.avg_won_value": ("Average won value", "平均赢单金额"),
    "join.col.cycle": ("Sales cycle (days)", "销售周期（天）"),
    "join.col.first_won": ("First won", "首次赢单日期"),
    "join.col.last_won": ("Last won", "最近赢单日期"),
    "join.col.products": ("Products", "购买产品"),
    "join.col.agents": ("Sales agents", "销售负责人"),
    "join.col.outcome": ("Outcome", "签约结果"),
    "join.col.from_deals": ("{name} (deals)", "{name}（商机）"),
    # outcome labels (data values; icp.clean reads them back as won / lost / open)
    "join.outcome.won": ("Won", "已签约"),
    "join.outcome.lost": ("Lost", "输单"),
    "join.outcome.open": ("Open", "跟进中"),
    # how each new column was computed
    "join.why.deals": (
        "number of deals of the account (won, lost and open)",
        "该客户的商机总数（赢单、输单和进行中）",
    ),
    "join.why.won_deals": (
        "number of won deals — the deal volume",
        "赢单数量，即成交量",
    ),
    "join.why.win_rate": (
        "won ÷ (won + lost) deals; open deals are left out",
        "赢单数 ÷（赢单数 + 输单数）；进行中的商机不计入",
    ),
    "join.why.won_value": (
        "sum of “{column}” over won deals; 0 when the account won nothing",
        "赢单的“{column}”之和；没有赢单的客户记为 0",
    ),
    "join.why.avg_won_value": (
        "average “{column}” of a won deal; empty when the account won nothing",
        "每笔赢单的平均“{column}”；没有赢单的客户留空",
    ),
    "join.why.cycle": (
        "median days from “{created}” to “{closed}” over won deals",
        "赢单从“{created}”到“{closed}”的天数中位数",
    ),
    "join.why.first_won": (
        "earliest “{closed}” of a won deal",
        "赢单中最早的“{closed}”",
    ),
    "join.why.last_won": (
        "latest “{closed}” of a won deal",
        "赢单中最近的“{closed}”",
    ),
    "join.why.products": (
        "every “{column}” in the account’s deals (multi-select)",
        "该客户所有商机中的“{column}”（多选）",
    ),
    "join.why.agents": (
        "every “{column}” who worked the account’s deals (multi-select)",
        "跟进过该客户商机的所有“{column}”（多选）",
    ),
    "join.why.outcome": (
        "Won if any deal was won, else Lost if any was lost, else Open",
        "有任一赢单即为已签约；否则有输单为输单；否则为跟进中",
    ),
    # category spelling variants
    "variants.spelling": (
        "“{variant}” ({variant_count}×) counted as “{canonical}” ({canonical_count}×): "
        "the same label with different case, spacing or full-width characters",
        "“{variant}”（{variant_count} 次）并入“{canonical}”（{canonical_count} 次）："
        "同一标签，仅大小写、空格或全角/半角不同",
    ),
    "variants.typo": (
        "“{variant}” ({variant_count}×) counted as “{canonical}” ({canonical_count}×): "
        "a rare, nearly identical spelling — probably a typo",
        "“{variant}”（{variant_count} 次）并入“{canonical}”（{canonical_count} 次）："
        "少见且几乎相同的写法，可能是笔误",
    ),
}
