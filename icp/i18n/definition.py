"""Strings of what "best" means (icp.definition) and the Data page's confirm step."""

STRINGS: dict[str, tuple[str, str]] = {
    # the definition sentence
    "definition.top": (
        "Best = the top {n} of {total} by {criteria}{weights}",
        "最佳 = 按{criteria}排名，{total} 个中的前 {n} 个{weights}",
    ),
    "definition.top_good": (
        "Best = the top {n} of those whose {column} is {good}, by {criteria}{weights}",
        "最佳 = 在{column}为{good}的客户中，按{criteria}排名前 {n} 个{weights}",
    ),
    "definition.equal_weights": (" (equal weights)", "（权重相同）"),
    "definition.weights": (" (weights: {weights})", "（权重：{weights}）"),
    "definition.outcome": (
        "{lead} = {column} is {good} vs {bad}",
        "{lead} = {column}为{good}，对比{bad}",
    ),
    "definition.lead.won": ("Won", "赢单"),
    "definition.lead.best": ("Best", "最佳"),
    "definition.values": ("{values} ({n:,})", "{values}（{n:,}）"),
    "definition.nothing_else": ("nothing else", "无其他值"),
    "definition.open": ("; {n} open left out", "；另有 {n} 个未结束的未计入"),
    "definition.and": (" and ", "和"),
    "definition.or": (" or ", "或"),
    "definition.list_sep": (", ", "、"),
    "definition.crit.sales_cycle": ("sales cycle", "销售周期"),
    "definition.crit.profit": ("profit", "利润"),
    "definition.crit.deal_value": ("deal value", "成交金额"),
    "definition.crit.referrals": ("referrals", "转介绍"),
    "definition.crit.support": ("support need", "服务需求"),
    "definition.crit.ltv_cac": ("LTV/CAC", "LTV/CAC"),
    "definition.change": ("Change what best means", "修改“最佳”的定义"),
    # one-line reasons shown in the confirm step
    "definition.reason.outcome": (
        "header says “{word}”; its values read as won/lost",
        "表头写着「{word}」，取值可读作成交/未成交",
    ),
    "definition.reason.outcome_lost": (
        "header says “{word}”, a lost word: the good value is the other one",
        "表头写着「{word}」，表示流失/丢单：好的取值是另一个",
    ),
    "definition.reason.outcome_chosen": ("chosen by you", "由你选择"),
    "definition.reason.criterion": (
        "feeds the ranking criterion “{criterion}”",
        "用于排名标准「{criterion}」",
    ),
    "definition.reason.echo": (
        "follows “{column}” row by row (defines best, so it is never a finding)",
        "逐行跟随「{column}」而定（用于定义最佳，因此不作为共同特征）",
    ),
    "definition.reason.bought": (
        "says only whether the customer has bought (defines best, so it is never a finding)",
        "只表示客户是否已购买（用于定义最佳，因此不作为共同特征）",
    ),
    "definition.reason.part": (
        "“{a}” × “{b}” gives “{column}”, which ranks the best (so it is never a finding)",
        "「{a}」×「{b}」即为「{column}」，而它用于排名最佳客户（因此不作为共同特征）",
    ),
    "definition.reason.copy": (
        "the same as “{column}” up to a unit, which ranks the best (so it is never a finding)",
        "与「{column}」只差一个单位换算，而它用于排名最佳客户（因此不作为共同特征）",
    ),
    "definition.reason.derived": (
        "computed from the deals (defines best, so it is never a finding)",
        "由商机汇总计算（用于定义最佳，因此不作为共同特征）",
    ),
    "definition.reason.id.role": ("mapped as the id", "已设为编号"),
    "definition.reason.id.hash": ("every value is a distinct hash", "每个值都是不同的哈希码"),
    "definition.reason.id.code": ("every value is a distinct code", "每个值都是不同的编码"),
    "definition.reason.id.row": ("row numbers 1, 2, 3 …", "行号 1、2、3 …"),
    "definition.reason.id.number": (
        "every value is a distinct long number",
        "每个值都是不同的长数字",
    ),
    "definition.reason.name": ("the customer's name", "客户名称"),
    "definition.reason.none": ("no column qualifies", "没有合适的列"),
    # the Data page confirm step
    "confirm.title": ("What the data means", "数据的含义"),
    "confirm.help": (
        "Check what the workbench read from your headers. Everything below is saved with the "
        "workspace and decides every finding, chart and export.",
        "请核对系统从表头读出的含义。以下选择随工作区保存，决定所有发现、图表和导出内容。",
    ),
    "confirm.name": ("Customer name", "客户名称列"),
    "confirm.id": ("Customer id", "客户编号列"),
    "confirm.outcome": ("Outcome (won / lost, kept / churned)", "结果列（成交/未成交、续约/流失）"),
    "confirm.good": ("Values that count as good", "算作“好”的取值"),
    "confirm.good_help": (
        "Customers with these values are the ones you want more of. For a churn or lost column "
        "that is the other value (churned = No).",
        "取这些值的客户是你想要更多的客户。对于流失、丢单类的列，好的取值是另一个（是否流失 = 否）。",
    ),
    "confirm.mode": ("Best customers are", "最佳客户是"),
    "confirm.mode.top": ("the top N by the ranking criteria", "按排名标准得分最高的前 N 个"),
    "confirm.mode.outcome": ("those with a good outcome", "结果为“好”的客户"),
    "confirm.criteria": ("Columns that define best", "定义“最佳”的列"),
    "confirm.criterion_column": ("{criterion}: column", "{criterion}：所用列"),
    "confirm.none": ("— none —", "— 无 —"),
    "confirm.reason": ("Why: {reason}", "原因：{reason}"),
    "confirm.ids": ("Identifiers (never findings): {columns}", "编号列（不作为发现）：{columns}"),
    "confirm.defining": (
        "Defining columns (shown apart, never findings): {columns}",
        "定义列（单独展示，不作为发现）：{columns}",
    ),
    "confirm.no_outcome": (
        "No column's header names an outcome, so best is ranked by the criteria. Pick one here "
        "if your file has it.",
        "没有列的表头表示结果，因此按排名标准确定最佳客户。如果文件里有结果列，请在此选择。",
    ),
    # a new file over a workspace that already holds answers
    "confirm.new_upload.title": (
        "This workspace already holds builder answers",
        "此工作区已有构建器答案",
    ),
    "confirm.new_upload.body": (
        "“{filename}” is a new file. Start a new workspace for it (recommended), or keep the "
        "answers you already gave in this one?",
        "「{filename}」是一个新文件。为它新建一个工作区（推荐），还是保留本工作区已有的答案？",
    ),
    "confirm.new_upload.new": ("Start a new workspace", "新建工作区"),
    "confirm.new_upload.keep": ("Keep the answers here", "保留本工作区的答案"),
    "confirm.new_upload.cancel": ("Cancel", "取消"),
    # the "what defines best" comparison on the analysis pages
    "definition.differ.title": (
        "How the best differ on what defines them",
        "最佳客户在定义指标上的差异",
    ),
    "definition.differ.help": (
        "These columns define best, so they are shown here and never listed as findings.",
        "这些列用于定义“最佳”，因此只在这里展示，不作为共同特征列出。",
    ),
    "definition.differ.row": (
        "{column}: median {best} for the best vs {rest} for the rest",
        "{column}：最佳客户中位数 {best}，其余客户 {rest}",
    ),
    "definition.differ.row.outcome": (
        "{column}: median {best} for the won vs {rest} for the not won",
        "{column}：赢单客户中位数 {best}，未赢单客户 {rest}",
    ),
    # ties at the cut-off of the top N
    "analysis.ties": (
        "{tied} customers share the score at the cut-off, so the top {n} cannot be told apart: "
        "{above} score clearly higher, the other {picked} places go to tied customers in file "
        "order. Add a criterion, change the weights or compare by outcome.",
        "有 {tied} 个客户在分界线上得分相同，前 {n} 名无法区分：只有 {above} 个得分明显更高，"
        "其余 {picked} 个名额按文件顺序从并列客户中选取。请增加排名标准、调整权重或改为按结果比较。",
    ),
    "analysis.ties.title": (
        "{tied} customers tie at the cut-off",
        "{tied} 个客户在分界线上并列",
    ),
    # lead funnels (icp.join)
    "join.outcome.not_won": ("Not won", "未成交"),
    "join.note.leads_without_deals": (
        "Leads with no deal: {n}. They count as not won (a lead with an open deal stays open).",
        "没有商机的线索：{n} 条。它们计为未成交（有进行中商机的线索仍算未结束）。",
    ),
    "report.xlsx.definition_sheet": ("What best means", "最佳的定义"),
}
