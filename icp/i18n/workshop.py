"""Strings of the live workshop: the room (projector), the facilitator and the phones."""

STRINGS: dict[str, tuple[str, str]] = {
    # screens of the agenda (the 7 + 7 steps use their builder titles)
    "workshop.screen.data": ("The data", "数据概览"),
    "workshop.screen.best": ("Our best 10 customers", "我们最好的 10 个客户"),
    "workshop.screen.commonalities": ("What they have in common", "他们的共同特征"),
    "workshop.question.data": (
        "What surprises you in this data?",
        "这些数据中，有什么让你感到意外？",
    ),
    "workshop.question.best": (
        "Which of these best customers do you know well — and why are they good for us?",
        "这些最佳客户中，你最了解哪一家？他们为什么适合我们？",
    ),
    "workshop.question.commonalities": (
        "Which of these traits matter most when we choose whom to sell to?",
        "在选择销售对象时，这些特征中哪些最重要？",
    ),
    "workshop.question.S1": (
        "Which customers do we most want more of — and why?",
        "我们最希望多一些哪样的客户？为什么？",
    ),
    "workshop.question.S2": (
        "What do our best customers have in common: size, industry, place?",
        "我们的最佳客户有什么共同点：规模、行业、地区？",
    ),
    "workshop.question.S3": (
        "How do these companies work — culture, technology, channels?",
        "这些公司怎样运作——文化、技术、渠道？",
    ),
    "workshop.question.S4": (
        "What are they trying to achieve, and what makes them start looking?",
        "他们想达成什么目标？什么促使他们开始寻找方案？",
    ),
    "workshop.question.S5": (
        "Who decides, who influences, and who champions us?",
        "谁拍板、谁影响决策、谁为我们说话？",
    ),
    "workshop.question.S6": (
        "What did they use before us, and why did they switch?",
        "他们之前用的是什么？为什么换成我们？",
    ),
    "workshop.question.S7": (
        "Our ideal customer in one sentence: who are they?",
        "用一句话描述我们的理想客户：他们是谁？",
    ),
    "workshop.question.P1": (
        "Who is the person we sell to — title and seniority?",
        "我们面对的决策人是谁——职位和级别？",
    ),
    "workshop.question.P2": (
        "What is their background: where they live, what they read, where they spend time?",
        "他们的背景：在哪里生活、读什么、时间花在哪里？",
    ),
    "workshop.question.P3": (
        "What kind of person are they — ambitions, style, skills?",
        "他们是怎样的人——抱负、风格、能力？",
    ),
    "workshop.question.P4": (
        "What are they measured on, and what does success look like for them?",
        "他们的考核指标是什么？对他们来说怎样才算成功？",
    ),
    "workshop.question.P5": ("What will make them hesitate or say no?", "什么会让他们犹豫或拒绝？"),
    "workshop.question.P6": (
        "How do they research and decide — sources, time, people?",
        "他们如何调研和决策——信息来源、时间、相关人员？",
    ),
    "workshop.question.P7": (
        "Tell their story: a day when they need us.",
        "讲讲他们的故事：需要我们的那一天。",
    ),
    "workshop.counter.opening": ("Data {i} / {n}", "数据 {i} / {n}"),
    "workshop.counter.agenda": ("{i} of {n}", "第 {i} / {n} 项"),
    # the room view (projector)
    "workshop.room.notes": ("The room's notes", "现场便签"),
    "workshop.room.no_notes": (
        "No notes yet — scan the code and add yours.",
        "还没有便签——扫码添加你的想法。",
    ),
    "workshop.room.join": ("Join on your phone", "用手机加入"),
    "workshop.room.code": ("Code {code}", "代码 {code}"),
    "workshop.room.closed": ("Joining is closed", "已停止加入"),
    "workshop.room.no_session": (
        "No workshop is running in this workspace. Start one on the Workshop page.",
        "此工作区中没有正在进行的研讨会。请在“研讨会”页面开始。",
    ),
    "workshop.room.evidence": ("What the data says", "数据显示"),
    "workshop.room.keys": (
        "→ next · ← previous · T timer",
        "→ 下一页 · ← 上一页 · T 计时",
    ),
    "workshop.room.locked": ("Closed for notes", "已停止收集便签"),
    "workshop.room.merged": ("+{n} similar", "另有 {n} 条相似"),
    "workshop.room.votes": ("{n} dots", "{n} 票"),
    "workshop.room.accepted": ("accepted", "已采纳"),
    "workshop.room.more_notes": ("+{n} more notes", "另有 {n} 条便签"),
    "workshop.room.best_more": ("… and {n} more best customers", "……另有 {n} 个最佳客户"),
    "workshop.room.data_line": (
        "{rows} customers · {best} best · {traits} findings",
        "{rows} 个客户 · {best} 个最佳客户 · {traits} 项发现",
    ),
    # timer
    "workshop.timer.label": ("Time left in this step", "本步骤剩余时间"),
    "workshop.timer.over": ("over time", "已超时"),
    "workshop.timer.start": ("Start timer", "开始计时"),
    "workshop.timer.pause": ("Pause timer", "暂停计时"),
    "workshop.timer.resume": ("Resume timer", "继续计时"),
    "workshop.timer.reset": ("Reset timer", "重置计时"),
    # the facilitator
    "workshop.fac.title": ("Workshop", "研讨会"),
    "workshop.fac.intro": (
        "Run a live session: open the room view on the projector, the room joins from their "
        "phones, and you steer from here. Notes you accept go into the step's answer.",
        "进行现场研讨：在投影仪上打开会场视图，参与者用手机加入，你在这里主持。"
        "你采纳的便签会写入该步骤的回答。",
    ),
    "workshop.fac.start": ("Start a workshop", "开始研讨会"),
    "workshop.fac.restart": ("Start a new session", "开始新一场"),
    "workshop.fac.restart_help": (
        "A new join code and an empty board; accepted notes stay in the answers.",
        "生成新的加入代码并清空便签板；已采纳的便签仍保留在回答中。",
    ),
    "workshop.fac.template": ("Agenda template", "议程模板"),
    "workshop.fac.template_n": ("{n} minutes", "{n} 分钟"),
    "workshop.fac.agenda": ("Agenda", "议程"),
    "workshop.fac.agenda_total": ("{n} minutes in total", "共 {n} 分钟"),
    "workshop.fac.agenda_screen": ("Screen", "页面"),
    "workshop.fac.agenda_minutes": ("Minutes", "分钟"),
    "workshop.fac.agenda_on": ("In the agenda", "列入议程"),
    "workshop.fac.agenda_save": ("Save agenda", "保存议程"),
    "workshop.fac.agenda_saved": ("Agenda saved.", "议程已保存。"),
    "workshop.fac.open_room": ("Open the room view", "打开会场视图"),
    "workshop.fac.open_room_help": (
        "Open it on the projector (a new tab or window); it follows this page.",
        "在投影仪上打开（新标签页或新窗口）；它会跟随本页面切换。",
    ),
    "workshop.fac.go": ("Go to screen", "跳转到"),
    "workshop.fac.now": ("Now on the screen: {screen}", "当前页面：{screen}"),
    "workshop.fac.join_open": ("Phones can join", "允许手机加入"),
    "workshop.fac.join_status": (
        "Join code {code} · {people} people · {notes} notes · {votes} dots",
        "加入代码 {code} · {people} 人 · {notes} 条便签 · {votes} 票",
    ),
    "workshop.fac.lock": (
        "Lock this step (no more notes or dots)",
        "锁定本步骤（不再接收便签和投票）",
    ),
    "workshop.fac.notes": ("Notes from the room", "现场便签"),
    "workshop.fac.no_notes": ("No notes on this step yet.", "本步骤还没有便签。"),
    "workshop.fac.accept": ("Accept", "采纳"),
    "workshop.fac.accept_top": ("Accept the top {n}", "采纳票数最高的 {n} 条"),
    "workshop.fac.accept_into": ("Accept into", "采纳到"),
    "workshop.fac.accepted": ("Added to {step}: {text}", "已加入 {step}：{text}"),
    "workshop.fac.hide": ("Hide", "隐藏"),
    "workshop.fac.show": ("Show", "显示"),
    "workshop.fac.edit": ("Edit", "编辑"),
    "workshop.fac.save": ("Save", "保存"),
    "workshop.fac.merge": ("Merge into…", "合并到……"),
    "workshop.fac.merge_none": ("—", "—"),
    "workshop.fac.hidden_tag": ("hidden", "已隐藏"),
    "workshop.fac.add_note": ("Add a note yourself", "自己添加便签"),
    "workshop.fac.add": ("Add", "添加"),
    "workshop.fac.author": ("Facilitator", "主持人"),
    "workshop.fac.answers": ("The step's answer", "本步骤的回答"),
    "workshop.fac.no_answer_step": (
        "Data screens have no answer field: accepted notes go to the report's appendix.",
        "数据页面没有回答栏：采纳的便签会列入报告附录。",
    ),
    "workshop.fac.end": ("End the session (close the join code)", "结束本场（关闭加入代码）"),
    # phones
    "workshop.join.title": ("Join the workshop", "加入研讨会"),
    "workshop.join.code": ("Code from the screen", "屏幕上的代码"),
    "workshop.join.name": ("Your name", "你的名字"),
    "workshop.join.name_help": (
        "Shown next to your notes. No account needed.",
        "会显示在你的便签旁边。无需注册账号。",
    ),
    "workshop.join.go": ("Join", "加入"),
    "workshop.join.hello": ("Hi {name}", "你好，{name}"),
    "workshop.join.question": ("Now: {title}", "当前：{title}"),
    "workshop.join.note": ("Your note", "你的便签"),
    "workshop.join.note_help": (
        "Short and specific — one idea per note.",
        "简短具体——每条便签一个想法。",
    ),
    "workshop.join.post": ("Post note", "发布便签"),
    "workshop.join.posted": ("Posted.", "已发布。"),
    "workshop.join.dots": ("Dots left: {n} of {total}", "剩余票数：{n} / {total}"),
    "workshop.join.vote_help": (
        "Tap a note or a finding to give it a dot; tap again to take it back.",
        "点按便签或发现即可投一票；再点一次可收回。",
    ),
    "workshop.join.findings": ("Findings on the screen", "屏幕上的发现"),
    "workshop.join.notes": ("Notes", "便签"),
    "workshop.join.no_notes": ("No notes yet — be the first.", "还没有便签——来写第一条吧。"),
    "workshop.join.locked": (
        "The facilitator has closed this step for notes and dots.",
        "主持人已锁定本步骤，暂不接收便签和投票。",
    ),
    "workshop.join.leave": ("Leave", "退出"),
    "workshop.join.language": ("Language / 语言", "Language / 语言"),
    # refusals
    "workshop.no_session": ("No workshop is running here.", "这里没有正在进行的研讨会。"),
    "workshop.closed": (
        "This join code is closed or has expired. Ask the facilitator for the current code.",
        "此加入代码已关闭或已过期。请向主持人索取当前代码。",
    ),
    "workshop.locked": (
        "This step is locked: no more notes or dots.",
        "本步骤已锁定：不再接收便签和投票。",
    ),
    "workshop.no_dots": (
        "You have used your {n} dots on this step. Tap one of yours to take it back.",
        "你在本步骤的 {n} 票已用完。点按已投的便签可收回一票。",
    ),
    "workshop.no_note": ("That note is no longer on the board.", "这条便签已不在便签板上。"),
    "workshop.note_empty": ("Write something first.", "请先写点内容。"),
    "workshop.note_long": ("Keep it under {n} characters.", "请控制在 {n} 个字符以内。"),
    "workshop.name_empty": (
        "Enter a name so others know whose note it is.",
        "请输入名字，让大家知道便签是谁写的。",
    ),
    "workshop.merge_other_step": (
        "Only notes of the same step can be merged.",
        "只能合并同一步骤的便签。",
    ),
    "workshop.agenda_empty": (
        "Choose at least one screen for the agenda.",
        "请至少为议程选择一个页面。",
    ),
    # report appendix
    "workshop.report.title": ("Workshop notes accepted", "研讨会采纳的便签"),
    "workshop.report.row": ("{step} · {text} · dots: {votes}", "{step} · {text} · 票数：{votes}"),
}
