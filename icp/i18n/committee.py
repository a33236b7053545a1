"""Strings of the buying committee (icp.committee), the three-levels page and the contacts sheet."""

STRINGS: dict[str, tuple[str, str]] = {
    "join.found.contacts": (
        "Sheet “{sheet}”: contacts (people per account, linked by “{column}”) — used for the "
        "buying committee.",
        "工作表“{sheet}”：联系人表（每个客户的相关人员，通过“{column}”关联）——用于分析采购决策链。",
    ),
    "committee.title": ("Buying committee", "采购决策链"),
    "committee.role.decider": ("Decider", "决策者"),
    "committee.role.influencer": ("Influencer", "影响者"),
    "committee.role.user": ("User", "使用者"),
    "committee.role.gatekeeper": ("Gatekeeper", "把关者"),
    "committee.role.finance": ("Finance", "财务"),
    "committee.role.other": ("Role unclear", "角色不明"),
    "committee.col.account": ("Account", "客户"),
    "committee.list_sep": (", ", "、"),
    "committee.role_share.best": (
        "{role}: in {count} of your {n} best accounts with contacts, vs {rest_pct}% of the rest",
        "{role}：有联系人的 {n} 个最佳客户中有 {count} 个，其余客户中占 {rest_pct}%",
    ),
    "committee.role_share.won": (
        "{role}: in {count} of your {n} won accounts with contacts, vs {rest_pct}% of those "
        "not won",
        "{role}：有联系人的 {n} 个已签约客户中有 {count} 个，未签约客户中占 {rest_pct}%",
    ),
    "committee.lacks": ("{name}: no contact as {roles}", "{name}：缺少{roles}联系人"),
    "committee.lacking_title": (
        "Best accounts without a contact in a key role:",
        "缺少关键角色联系人的最佳客户：",
    ),
    "committee.all_covered": (
        "Every best account has a contact in each key role ({roles}).",
        "每个最佳客户在各关键角色（{roles}）上都有联系人。",
    ),
    "committee.key_roles": (
        "Key roles: the decider, and any role at least half of your best accounts have ({roles}).",
        "关键角色：决策者，以及至少一半最佳客户都有的角色（{roles}）。",
    ),
    "committee.coverage": (
        "{matched} contacts matched your customers; {with_contacts} of your {best_n} best "
        "accounts have at least one.",
        "共 {matched} 位联系人与客户匹配；{best_n} 个最佳客户中有 {with_contacts} 个至少有一位联系人。",
    ),
    "committee.unmatched": (
        "{n} contacts name an account that is not in the customer list.",
        "{n} 位联系人所属的客户不在客户列表中。",
    ),
    "committee.no_role": (
        "{n} contacts have a title that says nothing about their buying role.",
        "{n} 位联系人的职位看不出其采购角色。",
    ),
    "committee.no_contacts": (
        "No contacts sheet: these are the titles seen across your best accounts — one contact "
        "per account says nothing about who else decides, so there is no committee per account. "
        "Add a contacts sheet (account, name, title, optional role) to see one.",
        "没有联系人表：以下只是在最佳客户中出现过的职位——每个客户只有一位联系人，无法说明还有谁参与决策，"
        "因此不按客户列出决策链。添加联系人表（客户、姓名、职位，可选角色）即可查看。",
    ),
    "committee.title_seen.best": (
        "{title} — {count} of your best {n} accounts, vs {rest_pct}% of the rest",
        "{title}——最佳 {n} 个客户中有 {count} 个，其余客户中占 {rest_pct}%",
    ),
    "committee.title_seen.won": (
        "{title} — {count} of your {n} won accounts, vs {rest_pct}% of those not won",
        "{title}——{n} 个已签约客户中有 {count} 个，未签约客户中占 {rest_pct}%",
    ),
    "committee.upload": ("Contacts file (optional)", "联系人文件（可选）"),
    "committee.upload_help": (
        "One row per person: account, name, title and, if you have it, their buying role "
        "(decider, influencer, user, gatekeeper, finance).",
        "每行一位联系人：所属客户、姓名、职位，如有可加上采购角色（决策者、影响者、使用者、把关者、财务）。",
    ),
    "committee.upload_bad": (
        "This file does not look like contacts: it needs an account column, a name column and a "
        "title or role column.",
        "该文件不像联系人表：需要客户列、姓名列以及职位或角色列。",
    ),
    "committee.remove": ("Remove the contacts file", "移除联系人文件"),
    "committee.source_sheet": (
        "Contacts from the workbook's sheet.",
        "联系人来自工作簿中的工作表。",
    ),
    "committee.source_file": ("Contacts from {name}.", "联系人来自 {name}。"),
    "committee.examples": ("Titles read as this role: {titles}", "读作此角色的职位：{titles}"),
    # the sidebar tag filter (every page that lists customers)
    "tags.filter.none": ("All customers", "全部客户"),
    "tags.filter.help": (
        "Show only the customers carrying this tag in every list (best customers, cards, "
        "prospects, segments). Saved with the workspace.",
        "在所有客户列表（最佳客户、客户画像卡、潜在客户、细分）中只显示带此标签的客户。随工作区保存。",
    ),
    "tags.filter.note": (
        "Only customers tagged “{name}”: {n} of {total} shown.",
        "仅显示带“{name}”标签的客户：{total} 个中的 {n} 个。",
    ),
    "tags.page.who_pick": (
        "Pick a tag in the sidebar's “Filter by tag” to list who carries it.",
        "在侧边栏“按标签筛选”中选择一个标签，即可列出带该标签的客户。",
    ),
    # three levels and where to advertise (icp.levels, views/levels.py)
    "levels.page.title": ("Three levels", "三个层次"),
    "levels.page.intro": (
        "Industry, company and person on one page (seed 001): which industries bring the best, "
        "what the best companies share, and who you meet inside them.",
        "行业、企业、个人三个层次放在一页（种子文档 001）：哪些行业出最佳客户，最佳企业有什么共同点，在企业里要见谁。",
    ),
    "levels.industry": ("Industry level", "行业层"),
    "levels.company": ("Company level — the ICP", "企业层——理想客户画像"),
    "levels.person": ("Person level — the persona and the committee", "个人层——决策人画像与决策链"),
    "levels.no_industry": (
        "No industry column: map one on the Data page to compare industries.",
        "没有行业列：在「数据」页指定行业列后即可按行业对比。",
    ),
    "levels.col.industry": ("Industry", "行业"),
    "levels.col.customers": ("Customers", "客户数"),
    "levels.col.best": ("Best", "最佳客户"),
    "levels.col.won_best": ("Won", "已签约"),
    "levels.col.won_rate": ("Win rate", "赢单率"),
    "levels.col.value": ("Median value", "金额中位数"),
    "levels.col.cycle": ("Median cycle (days)", "周期中位数（天）"),
    "levels.thin": (
        "Blank: fewer than {n} customers in that industry — not enough data to tell.",
        "空白：该行业客户少于 {n} 个，数据不足，无法判断。",
    ),
    "levels.no_findings": (
        "No finding sets the best apart yet — see Commonalities for the details.",
        "目前还没有能区分最佳客户的特征——详见「共同特征」页。",
    ),
    "levels.contacts_from_sheet": (
        "Contacts from the sheet “{sheet}” of your workbook.",
        "联系人来自工作簿中的“{sheet}”工作表。",
    ),
    "levels.trait": ("{column} = {value}", "{column}为「{value}」"),
    "levels.list_sep": ("; ", "；"),
    "levels.segment.icp": (
        "ICP segment: customers with at least {need} of {n}: {traits}",
        "ICP 细分：满足以下 {n} 项中至少 {need} 项的客户：{traits}",
    ),
    "levels.segment.icp_all": (
        "ICP segment: customers with {traits}",
        "ICP 细分：{traits}的客户",
    ),
    "levels.segment.warning": (
        "Warning sign: {traits} (rare among the best)",
        "警示信号：{traits}（在最佳客户中少见）",
    ),
    "levels.segment.warning_outcome": (
        "Warning sign: {traits} (rare among the won)",
        "警示信号：{traits}（在已签约客户中少见）",
    ),
    "levels.channels.title": (
        "Where to advertise: segments × channel",
        "广告投放：细分 × 渠道",
    ),
    "levels.channels.intro": (
        "For the ICP segment and each warning sign: which channels bring them, their win rate "
        "and acquisition cost. Blank where a channel has fewer than 5 of the segment.",
        "针对 ICP 细分和每个警示信号：由哪些渠道带来、赢单率和获客成本。某渠道中该细分客户少于 5 个时留空。",
    ),
    "levels.channels.top": (
        "The channel that brings the most of this segment is {channel}: {count} of {n}.",
        "该细分客户最多来自{channel}：{n} 个中的 {count} 个。",
    ),
    "levels.channels.thin": (
        "Not enough data to tell which channel brings this segment: no channel has {min} of its "
        "{n} customers.",
        "数据不足，无法判断哪个渠道带来该细分客户：{n} 个客户中没有任何渠道达到 {min} 个。",
    ),
    "levels.channels.none": (
        "No channel column: map a lead source / channel column to see where segments come from.",
        "没有渠道列：指定获客来源/渠道列后即可查看各细分客户来自哪里。",
    ),
    "levels.col.channel": ("Channel", "渠道"),
    "levels.col.avg_value": ("Average value", "平均金额"),
    "levels.col.cpa": ("Cost per acquisition", "获客成本（CPA）"),
    "levels.segment.customers": ("Customers in this segment ({n})", "该细分中的客户（{n} 个）"),
    "nav.levels": ("Three levels", "三个层次"),
}
