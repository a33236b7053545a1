"""Strings of the Workshop page shared with projector mode (the rest: i18n/workshop.py)."""

STRINGS: dict[str, tuple[str, str]] = {
    "present.title": ("Workshop", "研讨会"),
    "present.turn_on": ("Start presenting", "开始演示"),
    "present.turn_off": ("Leave presentation mode", "退出演示模式"),
    # navigation
    "present.prev": ("Previous", "上一页"),
    "present.next": ("Next", "下一页"),
    "present.counter.step": ("{id} / {n}", "{id} / {n}"),
    "present.facilitator": ("Facilitator", "主持人"),
    "present.jump": ("Go to screen", "跳转到"),
    "present.timer.reset": ("Reset", "重置"),
}
