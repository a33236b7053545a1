"""Strings of prospect scoring, segments (2×2, 80/20), channels and the Prospects page."""

STRINGS: dict[str, tuple[str, str]] = {
    # reasons (value / points filled per row)
    "score.reason.single": ("{column} = {value} (+{points})", "{column} = {value}（+{points}）"),
    "score.reason.multi": (
        "{column} includes {value} (+{points})",
        "{column}包含{value}（+{points}）",
    ),
    "score.reason.spot": (
        "{column} {value} is inside the {low}–{high} sweet spot (+{points})",
        "{column} {value}，处于 {low}–{high} 的最佳区间（+{points}）",
    ),
    "score.reason.against": (
        "{column} = {value}: {count} of your best {n} are {value} ({points})",
        "{column} = {value}：最佳 {n} 个客户中有 {count} 个是{value}（{points}）",
    ),
    "score.reason.against.multi": (
        "{column} lacks {value}: {count} of your best {n} have it ({points})",
        "{column}不含{value}：最佳 {n} 个客户中有 {count} 个包含（{points}）",
    ),
    "score.reason.none_for": (
        "Shares none of what sets your best apart",
        "不具备最佳客户的任何突出特征",
    ),
    "score.reason.none_against": (
        "Nothing in your data speaks against it",
        "数据中没有不利因素",
    ),
    "score.reason.against.has": (
        "{column} includes {value}: only {count} of your best {n} do ({points})",
        "{column}包含{value}：最佳 {n} 个客户中只有 {count} 个如此（{points}）",
    ),
    "score.reason.against.missing": (
        "{column} unknown ({points})",
        "{column}未知（{points}）",
    ),
    "score.reason.against.number": (
        "{column} {value} is outside {low}–{high}, where {count} of your best {n} are ({points})",
        "{column} {value}，不在最佳客户集中的 {low}–{high}（最佳 {n} 个中有 {count} 个在此区间）（{points}）",
    ),
    "score.reason.high": (
        "{column} is high: {value} (+{points})",
        "{column}较高：{value}（+{points}）",
    ),
    "score.reason.low": (
        "{column} is low: {value} (+{points})",
        "{column}较低：{value}（+{points}）",
    ),
    # tiers and actions
    "score.action.A": ("Route to an account executive this week", "本周转给客户经理跟进"),
    "score.action.B": (
        "Nurture with a case study from a similar customer",
        "用相似客户的案例持续培育",
    ),
    "score.action.C": ("Keep in marketing automation", "留在营销自动化流程中"),
    "score.action.D": ("Deprioritise", "降低优先级"),
    "score.tier.A": ("A — best fit", "A — 高度匹配"),
    "score.tier.B": ("B — good fit", "B — 较为匹配"),
    "score.tier.C": ("C — weak fit", "C — 匹配度低"),
    "score.tier.D": ("D — poor fit", "D — 不匹配"),
    # exported / shown column headers
    "score.col.score": ("Fit score", "匹配分"),
    "score.col.tier": ("Tier", "等级"),
    "score.col.action": ("Suggested action", "建议行动"),
    "score.col.reason_1": ("Reason 1", "理由 1"),
    "score.col.reason_2": ("Reason 2", "理由 2"),
    "score.col.reason_3": ("Reason 3", "理由 3"),
    "score.col.reason_against": ("Reason against", "不利因素"),
    "score.input_suffix": ("input", "原始"),
    "score.sheet": ("Scored prospects", "潜在客户评分"),
    # model notes and backtest
    "score.no_columns": (
        "No profile columns to learn from (industry, size, region, channel …): every row gets the "
        "same score. Map such columns on the Data page.",
        "没有可用于学习的画像字段（行业、规模、地区、渠道等），所有行的得分都一样。"
        "请在“数据”页把这些列映射好。",
    ),
    "score.no_contrast": (
        "The fit model needs both best and other customers; choose a smaller N or another "
        "outcome column.",
        "匹配模型需要同时有最佳客户和其他客户；请减小 N，或换一个签约结果列。",
    ),
    "score.backtest.too_small": (
        "Only {best:count:best customer|best customers} in {rows:count:row|rows}: the backtest is indicative at best. "
        "Aim for at least 10 best customers and 60 rows.",
        "{rows} 行数据中只有 {best} 个最佳客户，回测结果仅供参考。"
        "建议至少有 10 个最佳客户、60 行数据。",
    ),
    "score.backtest.none": (
        "Not enough best and other customers to run a backtest.",
        "最佳客户或其他客户太少，无法回测。",
    ),
    "score.chart.contacted": ("Share of the list contacted", "已联系名单占比"),
    "score.chart.found": ("Share of best customers found", "找到的最佳客户占比"),
    # segments: 2×2
    "segments.q.protect": ("Protect & grow", "守住并扩大"),
    "segments.q.economics": ("Fix the economics", "改善经济性"),
    "segments.q.fit": ("Fix the fit", "提升匹配度"),
    "segments.q.let_go": ("Let go", "逐步放手"),
    "segments.q.protect.help": (
        "Profitable and a good fit: your core — keep them happy and expand.",
        "利润高且匹配度高：核心客户，维护好并扩大合作。",
    ),
    "segments.q.economics.help": (
        "A good fit but little profit: review pricing, packaging and cost to serve.",
        "匹配度高但利润低：检查定价、套餐和服务成本。",
    ),
    "segments.q.fit.help": (
        "Profitable but unlike your best: learn why they buy before you chase more of them.",
        "利润高但不像最佳客户：先弄清他们为什么买，再决定是否多找这类客户。",
    ),
    "segments.q.let_go.help": (
        "Low profit and a poor fit: serve efficiently, do not chase.",
        "利润低且匹配度低：高效服务即可，不必主动追逐。",
    ),
    "segments.basis.profit": ("profit", "利润"),
    "segments.basis.value_margin": ("deal value × margin", "成交金额 × 毛利率"),
    "segments.basis.value": ("deal value", "成交金额"),
    "segments.col.quadrant": ("Segment", "分组"),
    "segments.col.customers": ("Customers", "客户数"),
    "segments.col.customer_share": ("Share of customers", "客户占比"),
    "segments.col.revenue_share": ("Share of revenue", "收入占比"),
    "segments.col.profit_share": ("Share of profit", "利润占比"),
    "segments.col.profit": ("Profitability", "盈利能力"),
    "segments.col.fit": ("Fit score", "匹配分"),
    "segments.col.name": ("Customer", "客户"),
    "segments.pareto": (
        "{pct}% of your customers ({k} of {n}) bring 80% of your {basis}.",
        "{pct}% 的客户（{n} 个中的 {k} 个）贡献了 80% 的{basis}。",
    ),
    "segments.pareto.flat": (
        "Your {basis} is spread evenly: it takes {pct}% of customers ({k} of {n}) to reach 80%.",
        "你的{basis}分布较均匀：需要 {pct}% 的客户（{n} 个中的 {k} 个）才能达到 80%。",
    ),
    "segments.pareto.few": (
        "Not enough data to tell how concentrated your {basis} is: {n} customers have a value "
        "(at least {min} are needed).",
        "数据不足，无法判断{basis}的集中程度：只有 {n} 个客户有数值（至少需要 {min} 个）。",
    ),
    "segments.pareto.customers": ("Share of customers (largest first)", "客户占比（从大到小）"),
    "segments.pareto.cumulative": ("Cumulative share", "累计占比"),
    # channels
    "channels.col.channel": ("Channel", "渠道"),
    "channels.col.customers": ("Customers", "客户数"),
    "channels.col.won_rate": ("Won rate", "签约率"),
    "channels.col.best": ("Best customers", "最佳客户数"),
    "channels.col.best_share": ("Share of best customers", "最佳客户占比"),
    "channels.col.avg_value": ("Average deal value", "平均成交金额"),
    "channels.col.cac": ("Average CAC", "平均获客成本"),
    "channels.col.ltv_cac": ("LTV/CAC", "LTV/CAC"),
    "channels.col.cost_per_best": ("Cost per best customer", "每个最佳客户的获客成本"),
    "channels.sentence.cost": (
        "{channel} brings the most best customers per unit of cost: {best:count:best customer|best customers} at "
        "about {cost} acquisition cost each (average across channels: {avg}).",
        "{channel}每单位成本带来的最佳客户最多：{best} 个最佳客户，每个约 {cost} 获客成本"
        "（各渠道平均：{avg}）。",
    ),
    "channels.sentence.share": (
        "{channel} brings the most best customers: {best} of {total}. Add a CAC/CPA column to "
        "compare channels by cost.",
        "{channel}带来的最佳客户最多：{total} 个中有 {best} 个。"
        "加入获客成本（CAC/CPA）列即可按成本比较渠道。",
    ),
    "channels.sentence.unclear": (
        "Not enough data to tell which channel brings your best customers: the most, {channel}, "
        "brought {best} of {total} best customers from {share}% of all customers.",
        "数据不足，无法判断哪个渠道带来最佳客户：最多的是{channel}，{total} 个最佳客户中有 {best} 个，"
        "而它占全部客户的 {share}%。",
    ),
    "channels.sentence.none": (
        "No channel has brought a best customer yet.",
        "目前还没有哪个渠道带来过最佳客户。",
    ),
    # Prospects page
    "prospects.title": ("Prospects", "潜在客户"),
    "prospects.intro": (
        "Score a prospect list — or your own customers who have not signed yet — for how much "
        "they look like your best customers, with the reasons and a next step.",
        "为潜在客户名单（或尚未签约的现有客户）打分：他们有多像你的最佳客户，附上理由和下一步行动。",
    ),
    "prospects.no_data": (
        "Load your customer list on the Data page first: the score learns from it.",
        "请先在“数据”页载入客户名单：评分模型要从中学习。",
    ),
    "prospects.source": ("What to score", "评分对象"),
    "prospects.source.upload": ("An uploaded prospect list", "上传的潜在客户名单"),
    "prospects.source.own": ("My own not-yet-won customers", "我尚未签约的现有客户"),
    "prospects.upload": (
        "Prospect list (.xlsx, .xls, .ods, .csv)",
        "潜在客户名单（.xlsx、.xls、.ods、.csv）",
    ),
    "prospects.upload_hint": (
        "Upload a list with some of the same columns as your customers (industry, size, region …).",
        "请上传与客户名单有相同列（行业、规模、地区等）的名单。",
    ),
    "prospects.matched": ("Columns used", "已使用的列"),
    "prospects.col.prospect": ("Column in this list", "名单中的列"),
    "prospects.col.customer": ("Matches customer column", "对应的客户列"),
    "prospects.unmatched": (
        "Not in this list (scored as unknown): {columns}",
        "名单中没有这些列（按未知处理）：{columns}",
    ),
    "prospects.none_matched": (
        "None of the profile columns were found in this list, so every row scores alike. "
        "Rename the headers to match your customer list.",
        "名单中找不到任何画像列，所有行得分相同。请把表头改成与客户名单一致。",
    ),
    "prospects.model.logistic": (
        "Model: logistic regression on {n_pos} best and {n_neg:count:other customer|other customers}.",
        "模型：基于 {n_pos} 个最佳客户和 {n_neg} 个其他客户的逻辑回归。",
    ),
    "prospects.model.lift": (
        "Model: trait points (lift) from {n_pos} best and {n_neg:count:other customer|other customers} — fewer than "
        "30 best, so a simpler, more robust scoring is used.",
        "模型：基于 {n_pos} 个最佳客户和 {n_neg} 个其他客户的特征加分（提升度）。"
        "最佳客户少于 30 个，因此采用更简单稳健的打分方式。",
    ),
    "prospects.score_help": (
        "Fit score 80 = fits the profile better than 80% of your current customers.",
        "匹配分 80 = 比 80% 的现有客户更符合画像。",
    ),
    "prospects.tiers": ("Tiers", "等级分布"),
    "prospects.table": ("Scored list, best fit first", "评分结果（按匹配度排序）"),
    "prospects.download": ("Download Excel", "下载 Excel"),
    "prospects.empty_own": (
        "There are no not-yet-won customers to score.",
        "没有尚未签约的客户可以评分。",
    ),
    "prospects.backtest": ("Backtest on your own customers", "用现有客户回测"),
    "prospects.backtest.auc": ("Cross-validated AUC", "交叉验证 AUC"),
    "prospects.backtest.tier_a": ("Held-out best in tier A", "留出的最佳客户落入 A 级"),
    "prospects.backtest.folds": ("Folds", "折数"),
    "prospects.backtest.explain": (
        "Each customer was scored by a model that never saw it. AUC 0.5 = guessing, "
        "1.0 = perfect. The curve shows how many of your best you would find by calling "
        "the list from the top.",
        "每个客户都由没见过它的模型打分。AUC 0.5 相当于随机猜，1.0 为完美。"
        "曲线表示从名单顶部往下联系时，能找到多少最佳客户。",
    ),
    "prospects.segments": ("Segments", "客户分组"),
    "prospects.segments.intro": (
        "Your customers by profitability to you and fit, split at the medians. Classify by "
        "strategy, not by clustering.",
        "按“对我们的盈利能力”和“匹配度”把客户分为四组（以中位数为界）——按战略分类，而不是聚类。",
    ),
    "prospects.segments.none": (
        "Map a profit, deal value or margin column to see the 2×2 and the 80/20 view.",
        "映射利润、成交金额或毛利率列后，即可查看四象限和二八分析。",
    ),
    "prospects.segments.basis": ("Profitability = {basis}.", "盈利能力 = {basis}。"),
    "prospects.channels": ("Channels", "渠道"),
    "prospects.channels.none": (
        "No channel (lead source) column is mapped. Map one on the Data page to compare channels "
        "by best customers and cost.",
        "尚未映射渠道（线索来源）列。在“数据”页映射后，即可按最佳客户数和成本比较渠道。",
    ),
}
