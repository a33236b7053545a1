"""Strings of the Present page (workshop / projector mode) and its step timer."""

STRINGS: dict[str, tuple[str, str]] = {
    "present.title": ("Workshop", "研讨会"),
    "present.off": (
        "Presentation mode is off. Turn it on for big, high-contrast type that the back "
        "of the room can read; answers typed here are the same as in the builders.",
        "演示模式未开启。开启后字体更大、对比度更高，坐在后排也能看清；在这里填写的回答与构建页面中的是同一份。",
    ),
    "present.turn_on": ("Start presenting", "开始演示"),
    "present.turn_off": ("Leave presentation mode", "退出演示模式"),
    "present.no_data": (
        "No data yet: the opening screens need a customer list (Data page). "
        "The 7+7 steps work without one.",
        "还没有数据：开场页面需要客户名单（“数据”页面）。7+7 个步骤没有数据也可以进行。",
    ),
    # navigation
    "present.prev": ("Previous", "上一页"),
    "present.next": ("Next", "下一页"),
    "present.counter.opening": ("Data {i} / {n}", "数据 {i} / {n}"),
    "present.counter.step": ("{id} / {n}", "{id} / {n}"),
    "present.facilitator": ("Facilitator", "主持人"),
    "present.jump": ("Go to screen", "跳转到"),
    "present.openings": ("Start with the data (3 opening screens)", "以数据开场（3 个开场页面）"),
    "present.screen.best": ("Our best customers", "我们的最佳客户"),
    "present.screen.traits": ("What they have in common", "他们的共同特征"),
    "present.screen.clouds": ("Words that set them apart", "区分他们的关键词"),
    "present.screen.step": ("{id} · {title}", "{id} · {title}"),
    # opening screens
    "present.best.caption": (
        "Ranked by the best-customer score you chose on the Best customers page.",
        "按“最佳客户”页面中设定的最佳客户得分排名。",
    ),
    "present.best.caption_outcome": (
        "Won customers with the largest deals.",
        "成交金额最大的已签约客户。",
    ),
    "present.traits.none": (
        "No trait stands out clearly yet.",
        "目前还没有明显突出的特征。",
    ),
    "present.clouds.best": ("Best customers", "最佳客户"),
    "present.clouds.rest": ("The rest", "其余客户"),
    "present.clouds.won": ("Won", "已签约"),
    "present.clouds.not_won": ("Not won", "未签约"),
    "present.clouds.empty": ("No words lean this way.", "没有偏向这一组的词。"),
    # timer
    "present.timer.minutes": ("Timer (minutes)", "计时（分钟）"),
    "present.timer.start": ("Start", "开始"),
    "present.timer.pause": ("Pause", "暂停"),
    "present.timer.resume": ("Resume", "继续"),
    "present.timer.reset": ("Reset", "重置"),
    "present.timer.up": ("Time's up", "时间到"),
    "present.timer.label": ("Time left", "剩余时间"),
}
