"""Strings of the exports (PDF, Markdown, JSON, Excel) and of the Report page."""

STRINGS: dict[str, tuple[str, str]] = {
    # ------------------------------------------------------------ document
    "report.kicker": ("Ideal Customer Profile (ICP) summary", "理想客户画像（ICP）总结"),
    "report.untitled": ("Our customers", "我们的客户"),
    "report.meta.date": ("Prepared on {date}", "生成日期：{date}"),
    "report.meta.source": ("Source: {source}", "数据来源：{source}"),
    "report.meta.groups": (
        "{rows} customers analysed · {best_n} best compared with {rest_n} others",
        "共分析 {rows} 个客户 · {best_n} 个最佳客户对比其余 {rest_n} 个",
    ),
    "report.meta.groups_outcome": (
        "{rows} customers analysed · {best_n} won compared with {rest_n} not won",
        "共分析 {rows} 个客户 · {best_n} 个已签约对比 {rest_n} 个未签约",
    ),
    "report.page": ("Page {page} of {total}", "第 {page} 页，共 {total} 页"),
    "report.statement": ("Our Ideal Customer Profile", "我们的理想客户画像"),
    "report.brief.findings": ("What sets our best customers apart", "最佳客户的突出特点"),
    "report.brief.findings_outcome": (
        "What sets our won customers apart",
        "已签约客户的突出特点",
    ),
    "report.brief.numbers": ("Key numbers", "关键数字"),
    "report.appendix": (
        "Appendix: the 14-step worksheet",
        "附录：14 步工作表",
    ),
    "report.traits.count_ci": ("{count}/{n} ({low}–{high}%)", "{count}/{n}（{low}–{high}%）"),
    "report.story": ("The ideal decision maker", "理想决策人"),
    "report.drafted": (
        "Drafted from the data because this step has no answer yet — "
        "edit it in the builder to make it yours.",
        "这一步还没有填写，以下内容根据数据自动起草——可在构建页面中修改成你们自己的话。",
    ),
    "report.kpis": ("Key numbers: best customers vs the rest", "关键指标：最佳客户与其余客户对比"),
    "report.kpis_outcome": ("Key numbers: won vs not won", "关键指标：已签约与未签约对比"),
    "report.kpis.none": (
        "The data has no column for these numbers (deal value, cost of acquisition, "
        "sales cycle, company size).",
        "数据中没有可计算这些指标的列（成交金额、获客成本、销售周期、公司规模）。",
    ),
    "report.kpis.metric": ("Measure (median)", "指标（中位数）"),
    "report.kpis.ratio": ("Best ÷ rest", "最佳 ÷ 其余"),
    "report.kpis.ratio_outcome": ("Won ÷ not won", "已签约 ÷ 未签约"),
    "report.best": ("Our best customers", "我们的最佳客户"),
    "report.best_outcome": ("Won customers", "已签约客户"),
    "report.best.rank": ("#", "排名"),
    "report.best.name": ("Customer", "客户"),
    "report.best.score": ("Score (0–100)", "得分"),
    "report.best.stability": ("Stays in top {n}", "留在前 {n} 名的比例"),
    "report.best.value": ("Deal value", "成交金额"),
    "report.best.more": (
        "Showing {shown} of {total}; the full list is in the Excel export.",
        "此处显示 {total} 个中的 {shown} 个；完整名单见 Excel 导出。",
    ),
    "report.best.more_outcome": (
        "Showing the {shown} largest deals of {total} won customers; "
        "the full list is in the Excel export.",
        "此处显示 {total} 个已签约客户中成交金额最大的 {shown} 个；完整名单见 Excel 导出。",
    ),
    "report.traits": ("What they have in common", "他们的共同特征"),
    "report.traits.none": (
        "No trait stands out clearly between the two groups — see the methods note at the end.",
        "两组之间没有明显不同的特征——详见文末的方法说明。",
    ),
    "report.traits.trait": ("Trait", "特征"),
    "report.traits.best": ("Best", "最佳客户"),
    "report.traits.won": ("Won", "已签约"),
    "report.traits.rest": ("Rest", "其余客户"),
    "report.traits.not_won": ("Not won", "未签约"),
    "report.traits.lift": ("Lift", "提升倍数"),
    "report.traits.p": ("p (Fisher)", "Fisher p 值"),
    "report.numeric": ("Sweet spots in the numbers", "数值上的最佳区间"),
    "report.warnings": ("Warning signs", "预警信号"),
    "report.warnings.intro": (
        "More common among the rest than among the best — think twice before chasing these:",
        "在其余客户中比在最佳客户中更常见——追这类客户前请三思：",
    ),
    "report.warnings.intro_outcome": (
        "More common among the lost than among the won — think twice before chasing these:",
        "在未签约客户中比在已签约客户中更常见——追这类客户前请三思：",
    ),
    "report.clouds": ("Words that set each group apart", "区分两组客户的关键词"),
    "report.clouds.intro": (
        "Bigger words lean more strongly to one side (not simply more frequent).",
        "字越大，表示这个词越偏向这一组（而不只是出现次数多）。",
    ),
    "report.clouds.best": ("Best customers", "最佳客户"),
    "report.clouds.rest": ("The rest", "其余客户"),
    "report.clouds.won": ("Won", "已签约"),
    "report.clouds.not_won": ("Not won", "未签约"),
    "report.clouds.empty": (
        "No word leans this way beyond chance.",
        "没有明显偏向这一组的词。",
    ),
    "report.steps.icp": ("The 7 steps to the ICP", "构建理想客户画像的 7 个步骤"),
    "report.steps.persona": (
        "The 7 steps to the ideal decision maker",
        "构建理想决策人的 7 个步骤",
    ),
    "report.steps.suggested": ("Suggested from the data", "数据建议"),
    "report.steps.suggested_note": (
        "Items marked “Suggested from the data” are what the analysis proposes for a question "
        "nobody has answered yet; confirm or replace them in the builder.",
        "标注“数据建议”的内容是分析结果对尚未回答问题的建议，请在构建页面中确认或替换。",
    ),
    "report.steps.empty": ("Not answered yet.", "尚未填写。"),
    "report.steps.see_statement": (
        "The ICP statement is at the start of this document.",
        "ICP 描述见本文开头。",
    ),
    "report.steps.see_story": (
        "The story is at the start of this document.",
        "决策人故事见本文开头。",
    ),
    "report.checklist": ("Put it to work", "付诸行动"),
    "report.methods": ("How this was worked out", "方法说明"),
    "report.methods.top": (
        "Best customers: the top {n} of {rows} by the best-customer score. Every customer gets a "
        "percentile (0–100) on each criterion the data supports — {criteria} — and the score is "
        "their weighted average.",
        "最佳客户：按最佳客户得分排名，取 {rows} 个客户中的前 {n} 个。每个客户在数据支持的每项标准"
        "（{criteria}）上得到一个百分位（0–100），得分是这些百分位的加权平均。",
    ),
    "report.methods.pins": (
        "Chosen by hand: {pins} always counted as best; {excludes} never.",
        "人工调整：{pins} 始终计为最佳客户；{excludes} 始终排除。",
    ),
    "report.methods.stability": (
        "Stability: the share of {draws} re-rankings with randomly shaken weights in which a "
        "customer stayed in the top {n}.",
        "稳定性：在 {draws} 次随机扰动权重后的重新排名中，该客户仍留在前 {n} 名的比例。",
    ),
    "report.methods.outcome": (
        "Best customers: the {n} won customers, compared with the {rest} not won; "
        "deals still open are in neither group.",
        "最佳客户：{n} 个已签约客户，与 {rest} 个未签约客户对比；仍在跟进中的商机不计入任何一组。",
    ),
    "report.methods.traits": (
        "Traits: for every value, tag and keyword, its share among the best ({best_n}) is "
        "compared with its share among the rest ({rest_n}). Lift is smoothed (pseudo-counts "
        "keep a value held by one or two customers from looking huge); the range for the best "
        "share is a 95% Wilson score interval; significance is a one-sided Fisher's exact test "
        "with Holm's correction for testing many values at once. A value is shown only when enough "
        "of the best have it and the difference holds even at the pessimistic end of the "
        "interval.",
        "特征：对每个取值、标签和关键词，比较其在最佳客户（{best_n} 个）与其余客户（{rest_n} 个）"
        "中的占比。提升倍数经过平滑处理（加入伪计数，避免只有一两个客户的取值显得很突出）；最佳客户"
        "占比的区间为 95% Wilson 置信区间；显著性采用单侧 Fisher 精确检验，并用 Holm "
        "方法校正多重检验。只有足够多的最佳客户具备、且在区间的保守一端仍成立的差异才会列出。",
    ),
    "report.methods.numeric": (
        "Numbers: medians of the best vs the rest (one giant account cannot move a median). A "
        "sweet spot is found by searching every range between round numbers; it is shown only "
        "when it holds at least 30 points more of the best than of the rest and 1,000 random "
        "reshuffles of who is best rarely find one as strong. Otherwise a shift is tested with "
        "the Mann–Whitney U test. All number columns are corrected together (Holm, 5%).",
        "数值：比较最佳客户与其余客户的中位数（个别超大客户不会影响中位数）。最佳区间通过搜索所有"
        "整数边界之间的范围得到；只有当该区间内最佳客户的占比比其余客户高出至少 30 个百分点，且把"
        "“谁是最佳客户”随机打乱 1,000 次也很少得到同样强的区间时才会列出；否则用 Mann–Whitney U "
        "检验判断整体偏高或偏低。所有数值列一起做多重检验校正（Holm，5%）。",
    ),
    "report.methods.clouds": (
        "Word clouds: a word's size is how much more it belongs to one group than the other "
        "(log ratio of smoothed shares), not its raw count. A word is shown only when enough of "
        "its group use it (at least 2 customers, and 20% of the best or 5% of the rest) and it "
        "passes a one-sided Fisher's exact test under Benjamini–Hochberg false-discovery "
        "control at 10%.",
        "词云：字的大小表示该词偏向某一组的程度（平滑占比的对数比），而不是出现次数。只有本组足够多"
        "的客户用到的词（至少 2 个客户，且占最佳客户的 20% 或其余客户的 5%），并通过单侧 Fisher "
        "精确检验及 Benjamini–Hochberg 错误发现率控制（10%）时才会显示。",
    ),
    "report.methods.kpis": (
        "Key numbers are medians per group.",
        "关键指标均为各组的中位数。",
    ),
    "report.methods.notes": ("Notes from the analysis:", "分析提示："),
    "report.methods.tool": (
        "Made with ICP Workbench from the customer list named above; every number can be "
        "traced back to that list.",
        "由 ICP 工作台根据上述客户名单生成；每个数字都可以追溯到这份名单。",
    ),
    "report.methods.weight": ("{criterion} × {weight}", "{criterion} × {weight}"),
    # ------------------------------------------------------------ Excel export
    "report.xlsx.sheet": ("Customers", "客户"),
    "report.xlsx.rank": ("Rank", "排名"),
    "report.xlsx.name": ("Customer", "客户"),
    "report.xlsx.best": ("Best customer", "最佳客户"),
    "report.xlsx.won": ("Won", "已签约"),
    "report.xlsx.score": ("Best-customer score (0–100)", "最佳客户得分（0–100）"),
    "report.xlsx.stability": ("Stability in top N", "前 N 名稳定性"),
    "report.xlsx.fit": ("Fit score (0–100)", "匹配度（0–100）"),
    # ------------------------------------------------------------ Report page
    "report.page.title": ("Report", "报告"),
    "report.page.intro": (
        "A summary to hand to sales and marketing. Check the preview, then download it.",
        "一份可以直接交给销售和市场团队的总结。先查看预览，再下载。",
    ),
    "report.page.no_data": (
        "There is nothing to report yet: load a customer list on the Data page first.",
        "还没有可生成报告的内容：请先在“数据”页面加载客户名单。",
    ),
    "report.page.preview": ("Preview", "预览"),
    "report.page.download": ("Download", "下载"),
    "report.page.pdf": ("PDF report", "PDF 报告"),
    "report.page.pdf_help": (
        "The whole summary with charts and word clouds, ready to print or share.",
        "包含图表和词云的完整总结，可直接打印或分享。",
    ),
    "report.page.make_pdf": ("Prepare the PDF", "生成 PDF"),
    "report.page.making_pdf": ("Writing the PDF…", "正在生成 PDF……"),
    "report.page.markdown": ("Markdown", "Markdown"),
    "report.page.markdown_help": (
        "Plain text with headings, for a wiki, a doc or an e-mail.",
        "带标题的纯文本，适合放进知识库、文档或邮件。",
    ),
    "report.page.json": ("JSON", "JSON"),
    "report.page.json_help": (
        "Everything in machine-readable form, including every builder answer.",
        "机器可读的完整数据，包括构建页面中的所有回答。",
    ),
    "report.page.xlsx": ("Excel customer list", "Excel 客户名单"),
    "report.page.xlsx_help": (
        "Every customer with rank, score and best-customer flag; safe to open in Excel.",
        "所有客户及其排名、得分和最佳客户标记；可放心用 Excel 打开。",
    ),
    "report.page.title_label": ("Title on the cover", "封面标题"),
    "report.page.worksheet": (
        "Add the 14-step worksheet as an appendix to the PDF",
        "在 PDF 末尾附上 14 步工作表",
    ),
    "report.page.worksheet_help": (
        "Page 1 is always the one-page ICP and persona brief. The appendix adds every builder "
        "step with your answers, data suggestions for the empty ones, and the checklist.",
        "第 1 页始终是一页纸的理想客户与决策人简报。附录包含每个构建步骤的回答、"
        "未回答步骤的数据建议以及行动清单。",
    ),
    "report.page.progress": (
        "{done}/{total} builder steps answered",
        "已完成 {done}/{total} 个构建步骤",
    ),
    "report.page.unanswered": (
        "Steps without answers show the data's suggestions in the exports, marked as such.",
        "未填写的步骤在导出文件中显示数据建议，并会明确标注。",
    ),
    "report.page.pdf_failed": (
        "The PDF could not be written ({detail}). The Markdown and JSON exports still work; "
        "please try again.",
        "PDF 生成失败（{detail}）。Markdown 和 JSON 导出仍可使用；请重试。",
    ),
}
