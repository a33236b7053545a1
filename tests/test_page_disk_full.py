"""A builder answer typed while the disk is full: the user reads "the disk is full",
the text stays in the box, nothing half-written, and it saves once there is room."""

from __future__ import annotations

import errno

from icp.i18n import t
from icp.store import Store
from ui.builder import answer_key


def test_a_save_on_a_full_disk_says_so_and_keeps_the_typed_text(app_test, monkeypatch):
    at = app_test("icp_builder")
    key = answer_key("S1", "why")
    real_touch = Store._touch

    def full(self, con, ws):  # the write inside the transaction hits ENOSPC
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(Store, "_touch", full)
    at.text_area(key=key).input("他们会推荐我们，并提前续约").run()
    assert not at.exception
    errors = [e.value for e in at.error]
    assert any(t("store.disk_full", "en", path="X")[:5] in e for e in errors), errors
    assert any(t("autosave.kept", "en") == c.value for c in at.caption)
    assert at.text_area(key=key).value == "他们会推荐我们，并提前续约"
    assert Store().answer(at.ws, "S1", "why") == ("", 0)  # nothing half-written

    monkeypatch.setattr(Store, "_touch", real_touch)  # space freed; the user types on
    at.text_area(key=key).input("他们会推荐我们，并提前续约。").run()
    assert not at.exception
    assert not any(t("store.disk_full", "en", path="X")[:5] in e.value for e in at.error)
    assert Store().answer(at.ws, "S1", "why")[0] == "他们会推荐我们，并提前续约。"
