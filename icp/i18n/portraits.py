"""Strings for the portraits beyond best-vs-rest: groups, tags, the customer card, competitors."""

STRINGS: dict[str, tuple[str, str]] = {
    # ------------------------------------------------------------ groups (icp.groups)
    "groups.cond.in": ("{column} is {values}", "{column} 为 {values}"),
    "groups.cond.not_in": ("{column} is not {values}", "{column} 不是 {values}"),
    "groups.cond.contains": ("{column} mentions {values}", "{column} 提到 {values}"),
    "groups.cond.filled": ("{column} is filled in", "{column} 已填写"),
    "groups.cond.empty": ("{column} is empty", "{column} 为空"),
    "groups.cond.between": ("{column} from {low} to {high}", "{column} 在 {low} 到 {high} 之间"),
    "groups.cond.at_least": ("{column} at least {low}", "{column} 不低于 {low}"),
    "groups.cond.at_most": ("{column} at most {high}", "{column} 不高于 {high}"),
    "groups.rule.all": (" and ", " 且 "),
    "groups.rule.any": (" or ", " 或 "),
    "groups.rule.empty": ("(no condition: nobody)", "（没有条件：不含任何客户）"),
    "groups.sentence": (
        "{count} of {n} in “{group}” have {column} = {value}, vs {other_pct}% in “{other}” "
        "({other_count} of {other_n}).",
        "“{group}”中 {n} 个里有 {count} 个的{column}为“{value}”，而“{other}”中只有 {other_pct}%"
        "（{other_n} 个里 {other_count} 个）。",
    ),
    "groups.sentence.text": (
        "{count} of {n} in “{group}” mention “{value}” in {column}, vs {other_pct}% in “{other}” "
        "({other_count} of {other_n}).",
        "“{group}”中 {n} 个里有 {count} 个在{column}中提到“{value}”，而“{other}”中只有 "
        "{other_pct}%（{other_n} 个里 {other_count} 个）。",
    ),
    "groups.numeric": (
        "{column}: median {a_median} in “{a}” vs {b_median} in “{b}”.",
        "{column}：“{a}”的中位数 {a_median}，“{b}”为 {b_median}。",
    ),
    "groups.col.trait": ("Trait", "特征"),
    "groups.col.leans": ("More common in", "更常见于"),
    "groups.col.value": ("Value", "取值"),
    "groups.col.count": ("Count", "数量"),
    "groups.col.share": ("Share", "占比"),
}
STRINGS.update(
    {
        # -------------------------------------------------------- the customer card
        "card.title": ("Customer card: {name}", "客户画像卡：{name}"),
        "card.group.company": ("Company", "企业信息"),
        "card.group.basic": ("Basic information", "基本信息"),
        "card.group.contact": ("Contact", "联系人"),
        "card.group.family": ("Family", "家庭信息"),
        "card.group.need": ("Need", "需求"),
        "card.group.process": ("Progress", "提交流程"),
        "card.group.deal": ("Deal and value", "成交与价值"),
        "card.group.notes": ("Notes", "备注"),
        "card.col.field": ("Field", "字段"),
        "card.col.value": ("Value", "内容"),
        "card.tags": ("Tags: {tags}", "标签：{tags}"),
        "card.status.best_rank": (
            "One of your best customers (rank {rank}).",
            "你的最佳客户之一（排名第 {rank}）。",
        ),
        "card.status.best": ("One of your best customers.", "你的最佳客户之一。"),
        "card.status.won": ("A won (signed) customer.", "已签约客户。"),
        "card.status.lost": ("Not signed (lost).", "未签约。"),
        "card.status.open": ("Still open: not yet won or lost.", "跟进中：尚未签约也未丢单。"),
        "card.status.rest": ("Not among the best.", "不在最佳客户之列。"),
        "card.fit": ("Fit with your ICP", "与理想客户画像的匹配度"),
        "card.score": (
            "Fit score {score}/100 (tier {tier}): it fits the profile better than {score}% of your "
            "customers. Top reasons:",
            "匹配分 {score}/100（{tier} 级）：比 {score}% 的现有客户更符合画像。主要原因：",
        ),
        "card.no_score": (
            "No fit score: the data has no profile columns.",
            "无法计算匹配分：数据中没有画像字段。",
        ),
        "card.matches": ("ICP traits it has ({k} of {n})", "符合的画像特征（{n} 个中的 {k} 个）"),
        "card.lacks": ("ICP traits it lacks", "不符合的画像特征"),
        "card.warnings": ("Warning signs it shows", "命中的预警特征"),
        "card.none": ("None.", "无。"),
        "card.next": ("Suggested next step", "建议的下一步"),
        "card.ask": (
            "Worth asking (empty in your data): {fields}.",
            "值得补问（数据中为空）：{fields}。",
        ),
        "card.step.best": (
            "Keep them close: ask for a referral or a case study, and look for the next need.",
            "维护好关系：请对方转介绍或做案例，并挖掘下一个需求。",
        ),
        "card.step.won": (
            "Signed: look after them and ask for a referral; they show what a good customer looks like.",
            "已签约：做好服务并请求转介绍；他们正是好客户的样子。",
        ),
        "card.step.lost_fit": (
            "Not signed, but fits well ({score}/100): worth reactivating — find out what stopped them.",
            "未签约但匹配度高（{score}/100）：值得重新激活——先弄清当初没签的原因。",
        ),
        "card.step.lost": (
            "Not signed and a weak fit ({score}/100): leave in light-touch nurture.",
            "未签约且匹配度低（{score}/100）：放入低频培育即可。",
        ),
        "card.step.first": (
            "Follow up first: a strong fit ({score}/100) — lead with the traits it shares with your best.",
            "优先跟进：匹配度高（{score}/100）——从它与最佳客户的共同点切入。",
        ),
        "card.step.follow": (
            "Worth a follow-up ({score}/100): qualify need, budget and who decides.",
            "值得跟进（{score}/100）：确认需求、预算和决策人。",
        ),
        "card.step.low": (
            "Low fit ({score}/100): nurture, do not prioritise.",
            "匹配度低（{score}/100）：培育即可，不必优先。",
        ),
        "card.step.warning": (
            "It shows a warning sign your lost or weaker customers share: check it early.",
            "它带有流失或较弱客户常见的预警特征：尽早核实。",
        ),
        "card.step.ask": ("Ask about {fields} at the next contact.", "下次联系时问清：{fields}。"),
    }
)
STRINGS.update(
    {
        # -------------------------------------------------------- competitors
        "comp.title": (
            "Competitors: who is still on each one",
            "竞品：仍在用各家竞品的客户是什么样",
        ),
        "comp.intro": (
            "From the column “{column}”: the customers still on each competitor (not won) against "
            "your won customers. Shares with counts; a description of two groups, not a tested finding.",
            "来自“{column}”列：仍在用各家竞品（未签约）的客户与你已签约客户的对比。占比附数量；"
            "这是对两组客户的描述，不是经过检验的结论。",
        ),
        "comp.heading": (
            "{competitor} ({n} customers still on it)",
            "{competitor}（仍有 {n} 个客户在用）",
        ),
        "comp.sentence.mostly": (
            "Your won customers are mostly {column} = {won_value} ({won_count} of {won_n}); "
            "customers still on {competitor} are mostly {comp_value} ({comp_count} of {comp_n}).",
            "你的已签约客户多为{column}“{won_value}”（{won_n} 个中 {won_count} 个）；"
            "仍在用{competitor}的客户多为“{comp_value}”（{comp_n} 个中 {comp_count} 个）。",
        ),
        "comp.sentence.most_common": (
            "The most common {column} among your won customers is {won_value} ({won_count} of "
            "{won_n}); among customers still on {competitor} it is {comp_value} ({comp_count} of "
            "{comp_n}).",
            "你的已签约客户中最常见的{column}是“{won_value}”（{won_n} 个中 {won_count} 个）；"
            "仍在用{competitor}的客户中最常见的是“{comp_value}”（{comp_n} 个中 {comp_count} 个）。",
        ),
        "comp.sentence.more_often": (
            "Customers still on {competitor} are more often {column} = {value} ({comp_pct}%, "
            "{comp_count} of {comp_n}) than your won customers ({won_pct}%, {won_count} of {won_n}).",
            "仍在用{competitor}的客户中{column}为“{value}”的更多（{comp_pct}%，{comp_n} 个中 "
            "{comp_count} 个），你的已签约客户中为 {won_pct}%（{won_n} 个中 {won_count} 个）。",
        ),
        "comp.sentence.none": (
            "Customers still on {competitor} look like your won customers on every column.",
            "仍在用{competitor}的客户在各列上都与你的已签约客户相似。",
        ),
        "comp.col.column": ("Column", "字段"),
        "comp.col.value": ("Value", "取值"),
        "comp.col.comp": ("Still on {competitor}", "仍在用{competitor}"),
        "comp.col.won": ("Your won customers", "你的已签约客户"),
    }
)
STRINGS.update(
    {
        # -------------------------------------------------------- rule editor (ui.portraits)
        "groups.ui.column": ("Column", "字段"),
        "groups.ui.op": ("Test", "条件"),
        "groups.ui.values": ("Values", "取值"),
        "groups.ui.low": ("From", "最小"),
        "groups.ui.high": ("To", "最大"),
        "groups.ui.words": ("Words (comma-separated)", "关键词（用逗号分隔）"),
        "groups.ui.add": ("Add a condition", "添加条件"),
        "groups.ui.remove": ("Remove the last", "删除最后一条"),
        "groups.ui.match": ("Customers must meet", "客户需满足"),
        "groups.ui.match.all": ("all conditions", "全部条件"),
        "groups.ui.match.any": ("any condition", "任一条件"),
        "groups.op.in": ("is one of", "属于"),
        "groups.op.not_in": ("is none of", "不属于"),
        "groups.op.between": ("between", "介于"),
        "groups.op.contains": ("mentions", "提到"),
        "groups.op.filled": ("is filled in", "已填写"),
        "groups.op.empty": ("is empty", "为空"),
        "tags.filter": ("Filter by tag", "按标签筛选"),
        # -------------------------------------------------------- navigation
        "nav.customer": ("Customer card", "客户画像卡"),
        "nav.tags": ("Tags", "客户标签"),
        "nav.compare": ("Compare groups", "分组对比"),
    }
)
STRINGS.update(
    {
        # -------------------------------------------------------- customer card page
        "card.page.title": ("Customer card", "客户画像卡"),
        "card.page.intro": (
            "One customer at a time: every field grouped as your data groups them, how well it "
            "fits your ICP and why, what is missing, and what to do next. Printable.",
            "一次看一个客户：按数据自身的分组展示全部字段，与理想客户画像的匹配度及原因，"
            "缺了哪些信息，下一步怎么做。可打印。",
        ),
        "card.page.search": ("Search by name", "按名称搜索"),
        "card.page.pick": ("Customer ({n} found)", "客户（找到 {n} 个）"),
        "card.page.no_match": ("No customer matches.", "没有匹配的客户。"),
        "card.page.score": ("Fit score", "匹配分"),
        "card.page.tier": ("tier {tier}", "{tier} 级"),
        "card.page.md": ("Download the card (Markdown)", "下载画像卡（Markdown）"),
        "card.page.pdf": ("Download the card (PDF)", "下载画像卡（PDF）"),
        "card.page.open": ("Open the card of", "查看客户画像卡"),
        "card.page.open_hint": (
            "Select a row to open that customer's card.",
            "选中一行即可打开该客户的画像卡。",
        ),
    }
)
STRINGS.update(
    {
        # -------------------------------------------------------- tags page
        "tags.page.title": ("Tags", "客户标签"),
        "tags.page.intro": (
            "A tag names a group of customers by conditions on your columns — e.g. “key accounts = "
            "registered capital at least 5 million and contact is the legal representative or a "
            "shareholder”. Tags are saved in the workspace, counted on customers and prospects, "
            "used as filters and exported with the customer and prospect lists.",
            "标签用字段条件来命名一组客户，例如“重点跟踪 = 注册资金不低于 500 万，且联系人身份为企业"
            "法人或股东”。标签保存在工作区中，统计客户与潜在客户的数量，可用于筛选，并随客户名单和"
            "潜在客户名单一起导出。",
        ),
        "tags.page.list": ("Your tags", "已有标签"),
        "tags.page.none": ("No tags yet: define one below.", "还没有标签：在下方定义一个。"),
        "tags.page.no_prospects": (
            "Upload a prospect list on the Prospects page to count it too.",
            "在“潜在客户”页上传名单后，这里也会统计潜在客户数。",
        ),
        "tags.page.define": ("Define a tag", "定义标签"),
        "tags.page.edit": ("Tag", "标签"),
        "tags.new": ("New tag", "新标签"),
        "tags.page.name": ("Name", "名称"),
        "tags.page.name_hint": ("e.g. Key accounts", "例如：重点跟踪"),
        "tags.page.preview": (
            "{rule} — {n} of {total} customers.",
            "{rule}——{total} 个客户中有 {n} 个。",
        ),
        "tags.page.save": ("Save the tag", "保存标签"),
        "tags.page.delete": ("Delete the tag", "删除标签"),
        "tags.page.saved": ("Saved the tag “{name}”.", "已保存标签“{name}”。"),
        "tags.page.need_name": ("Give the tag a name.", "请给标签起个名字。"),
        "tags.page.need_rule": ("Add at least one condition.", "请至少添加一个条件。"),
        "tags.page.who": ("Customers with a tag", "带某个标签的客户"),
        "tags.page.who_n": ("“{name}”: {n} customers.", "“{name}”：{n} 个客户。"),
        "tags.col.tag": ("Tag", "标签"),
        "tags.col.rule": ("Rule", "规则"),
        "tags.col.customers": ("Customers", "客户数"),
        "tags.col.best": ("Of them best / won", "其中最佳/已签约"),
        "tags.col.prospects": ("Prospects", "潜在客户数"),
        "tags.column": ("Tags", "标签"),
    }
)
STRINGS.update(
    {
        "groups.sizes": (
            "“{a}”: {a_n} customers; “{b}”: {b_n} customers.",
            "“{a}”：{a_n} 个客户；“{b}”：{b_n} 个客户。",
        ),
        "groups.excluded": (
            "Not compared (they define the groups): {columns}.",
            "未参与比较（它们定义了分组）：{columns}。",
        ),
        "groups.no_difference": (
            "No difference passes the same tests as the commonalities: the groups look alike, or "
            "they are too small to tell.",
            "没有差异通过与“共同特征”相同的检验：两组相似，或样本太少无法判断。",
        ),
        "groups.leads": ("Worth checking (not conclusive)", "值得留意（尚无定论）"),
        "groups.overlap": (
            "{n} customers meet both definitions and are left out of both.",
            "有 {n} 个客户同时满足两组条件，未计入任何一组。",
        ),
    }
)
STRINGS.update(
    {
        # -------------------------------------------------------- compare page
        "compare.page.title": ("Compare groups", "分组对比"),
        "compare.page.intro": (
            "Any two groups of customers — a tag, conditions on any columns, signed vs not signed — "
            "compared with the same statistics as the commonalities, with clouds and charts.",
            "任意两组客户——某个标签、任意字段的条件、已签约与未签约——用与“共同特征”相同的统计方法"
            "对比，并附云图和图表。",
        ),
        "compare.a": ("Group A", "A 组"),
        "compare.b": ("Group B", "B 组"),
        "compare.a.kind": ("Group A is", "A 组是"),
        "compare.b.kind": ("Group B is", "B 组是"),
        "compare.kind.rule": ("Customers meeting conditions", "满足条件的客户"),
        "compare.kind.tag": ("A saved tag", "已保存的标签"),
        "compare.kind.won": ("Won (signed)", "已签约"),
        "compare.kind.lost": ("Lost (not signed)", "未签约"),
        "compare.kind.best": ("Your best customers", "最佳客户"),
        "compare.kind.rest": ("Everyone else", "其余所有客户"),
        "compare.tag": ("Tag", "标签"),
        "compare.name": ("Name shown", "显示名称"),
        "compare.page.empty": (
            "One of the groups is empty: change its definition.",
            "有一组为空：请修改它的定义。",
        ),
        "compare.page.differences": ("What sets each group apart", "各组的不同之处"),
        "compare.page.clouds": ("Word clouds", "画像云图"),
        "compare.page.clouds_help": (
            "Words that lean towards each group (size = how much more it belongs to that side).",
            "偏向各组的词（字号 = 更偏向该组的程度）。",
        ),
        "compare.page.no_words": ("No word leans this way.", "没有偏向这一组的词。"),
        "compare.page.save": ("Save this comparison", "保存此对比"),
        "compare.page.save_name": ("Title in the report", "报告中的标题"),
        "compare.page.default_title": ("{a} vs {b}", "{a}与{b}对比"),
        "compare.page.save_button": ("Save", "保存"),
        "compare.page.saved": (
            "Saved “{name}”: it is now in the report.",
            "已保存“{name}”，报告中会包含它。",
        ),
        "compare.page.in_report": (
            "Saved comparisons (included in the report):",
            "已保存的对比（会写入报告）：",
        ),
        "compare.page.delete": ("Delete", "删除"),
        "compare.page.breakdown": ("Full breakdown of one column", "单个字段的完整占比"),
        "compare.breakdown.column": ("Column", "字段"),
        "compare.breakdown.group": ("Inside", "范围"),
        "compare.breakdown.best": ("Your best customers", "最佳客户"),
        "compare.breakdown.best_outcome": ("Your won customers", "已签约客户"),
        "compare.breakdown.none": ("No values in this group.", "这一组中没有取值。"),
        "groups.breakdown.label": (
            "Description, not a finding: every value with its count and share, largest first — "
            "including values that did not pass the significance tests.",
            "这是描述，不是结论：列出每个取值的数量和占比，从大到小——包括未通过显著性检验的取值。",
        ),
        "groups.breakdown.chart": ("{column} inside “{group}”", "“{group}”中的{column}"),
        "groups.order": ("{column} inside “{group}”: {order}", "“{group}”中的{column}：{order}"),
        "groups.chart.title": ("Shares of the differing traits", "差异特征的占比"),
    }
)
STRINGS["compare.report_title"] = ("Comparison: {name}", "分组对比：{name}")
STRINGS.update(
    {
        "nav.competitors": ("Competitors", "竞品分析"),
        "comp.page.title": ("Competitors", "竞品分析"),
        "comp.page.intro": (
            "For each competitor in your previous-solution / current-vendor column: what the "
            "customers still on it look like against your won customers, and one line of positioning.",
            "针对“原有方案/目前厂商”列中的每家竞品：仍在用它的客户与你已签约客户相比是什么样，"
            "并给出一句定位建议。",
        ),
        "comp.page.none": (
            "No previous-solution or current-vendor column is mapped (Data page), or nobody is won yet.",
            "没有映射“原有方案/目前厂商”列（见“数据”页），或还没有已签约客户。",
        ),
        "comp.page.thin": (
            "No competitor has at least {n} customers still on it: not enough data.",
            "没有哪家竞品仍有至少 {n} 个客户在用：数据不足。",
        ),
    }
)
STRINGS.update(
    {
        # -------------------------------------------------------- lifecycle stages
        "life.title": ("Lifecycle stages", "客户生命周期阶段"),
        "life.intro": (
            "Derived from the outcome column and the dates: won customers to maintain, lost ones, "
            "and open ones as new leads, in follow-up or silent.",
            "根据签约状态和日期推算：需要维护的已签约客户、未签约客户，以及处于新线索、跟进中或"
            "已沉默的未结客户。",
        ),
        "life.as_of": (
            "As of {date} (the latest date in the data); activity read from “{column}”.",
            "以数据中最晚的日期 {date} 为准；活动时间取自“{column}”。",
        ),
        "life.no_dates": (
            "No created or last-contact date: open customers are all counted as in follow-up.",
            "没有创建日期或最近联系日期：未结客户都算作“跟进中”。",
        ),
        "life.new_days": ("A lead is new for (days)", "新线索的天数"),
        "life.silent_days": ("Silent after (days without activity)", "多少天无活动算沉默"),
        "life.stage.new": ("New lead", "新线索"),
        "life.stage.follow": ("In follow-up", "跟进中"),
        "life.stage.won": ("Won — maintain", "已成交——维护"),
        "life.stage.silent": ("Silent — reactivate", "沉默——需激活"),
        "life.stage.lost": ("Lost", "未成交"),
        "life.action.new": (
            "Qualify within days: check fit on the customer card and call the decider.",
            "几天内完成初筛：在客户画像卡上看匹配度，联系决策人。",
        ),
        "life.action.follow": (
            "Keep the cadence: the best-fit first (Prospects page, your own list).",
            "保持跟进节奏：按匹配度从高到低（“潜在客户”页中的自有名单）。",
        ),
        "life.action.won": (
            "Maintain: service, referrals and the next need.",
            "维护：做好服务，请求转介绍，挖掘下一个需求。",
        ),
        "life.action.silent": (
            "Reactivate: a new reason to talk (offer, case study, event); drop the poor fits.",
            "激活：找一个新的沟通理由（优惠、案例、活动）；匹配度低的可以放弃。",
        ),
        "life.action.lost": (
            "Learn why; reactivate the ones that fit the profile well.",
            "弄清原因；对画像匹配度高的重新激活。",
        ),
        "life.col.stage": ("Stage", "阶段"),
        "life.col.customers": ("Customers", "客户数"),
        "life.col.share": ("Share of customers", "客户占比"),
        "life.col.value_share": ("Share of value", "金额占比"),
        "life.col.action": ("Suggested action", "建议动作"),
    }
)
STRINGS["groups.numeric.mean"] = (
    "{column}: same median, but on average {a_median} in “{a}” vs {b_median} in “{b}”.",
    "{column}：中位数相同，但平均值“{a}”为 {a_median}，“{b}”为 {b_median}。",
)
STRINGS.update(
    {
        "analysis.hand_picked": (
            "Your best {n} were picked by hand: this list has no measure to rank by.",
            "最佳的 {n} 个客户是手动挑选的：这份名单没有可用于排名的指标。",
        ),
        "best.hand.title": ("Pick your best customers by hand", "手动挑选最佳客户"),
        "best.hand.intro": (
            "Your list has names but no measure (value, cycle, referrals…) and no won/lost column. "
            "Pick the customers you know are your best — about 10 — and everything else works "
            "from that pick.",
            "你的名单只有名称，没有指标（金额、周期、转介绍…）也没有签约结果。请挑出你心目中最好的"
            "客户（10 个左右），后续所有分析都以此为准。",
        ),
        "best.hand.pick": ("Your best customers", "最佳客户"),
    }
)
STRINGS.update(
    {
        # -------------------------------------------------------- sales data discipline
        "disc.title": ("Sales data discipline per rep", "各销售的数据录入情况"),
        "disc.intro": (
            "From the column “{owner}”: the share of each rep's customers with the key fields "
            "filled in. A portrait is only as good as what the team records.",
            "来自“{owner}”列：每位销售名下客户中关键字段已填写的比例。画像的质量取决于团队录入的数据。",
        ),
        "disc.none": (
            "No owner / sales-rep column (e.g. 销售负责人, Owner): add one to see who leaves which "
            "fields empty.",
            "没有销售负责人列（如“销售负责人”“Owner”）：加上这一列即可看到谁漏填了哪些字段。",
        ),
        "disc.gap": (
            "{rep} leaves {field} empty on {empty} of {n} customers.",
            "{rep}名下 {n} 个客户中有 {empty} 个未填“{field}”。",
        ),
        "disc.all_good": (
            "Every rep fills the key fields for at least 80% of their customers.",
            "每位销售的关键字段填写率都在 80% 以上。",
        ),
        "disc.col.rep": ("Rep", "销售"),
        "disc.col.customers": ("Customers", "客户数"),
        "disc.col.filled": ("Key fields filled", "关键字段填写率"),
        "disc.col.won_rate": ("Won rate", "成交率"),
        "disc.col.follow_ups": ("Median follow-ups", "跟进次数中位数"),
    }
)
STRINGS.update(
    {
        "compare.page.channels": ("Which channels bring each group", "各组客户来自哪些渠道"),
        "compare.page.channels_help": (
            "Customers per channel, with the won rate and the mean acquisition cost (CPA) inside "
            "the group; fewer than {n} customers in a channel is not enough data for a rate.",
            "每个渠道的客户数，以及组内的成交率和平均获客成本（CPA）；某渠道少于 {n} 个客户时数据不足，"
            "不给出比率。",
        ),
        "compare.page.thin": ("not enough data", "数据不足"),
    }
)
