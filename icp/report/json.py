"""The ICP summary as UTF-8 JSON: the analysis plus every answer, step and the checklist."""

from __future__ import annotations

import datetime as _dt
import json

from icp import builders
from icp.dataset import Dataset
from icp.i18n import Lang
from icp.model import Analysis, Settings
from icp.report.summary import Answers, Appendix, summarise


def json_bytes(
    dataset: Dataset,
    analysis: Analysis,
    *,
    answers: Answers,
    lang: Lang,
    settings: Settings | None = None,
    appendix: Appendix = (),
) -> bytes:
    """``analysis.to_json`` plus every builder answer (keyed S1..P7, USE), the statement,
    the story, the step blocks with suggestions and the checklist, as UTF-8 JSON."""
    answers = answers or {}
    s = summarise(dataset, analysis, answers=answers, lang=lang, settings=settings)
    payload = analysis.to_json(dataset, lang)
    payload["report"] = {
        "title": s.title,
        "date": _dt.date.today().isoformat(),
        "lang": lang,
        "source": s.source,
        "settings": (settings or Settings()).to_dict(),
    }
    payload["statement"] = {"text": s.statement.text, "drafted": s.statement.drafted}
    payload["story"] = {"text": s.story.text, "drafted": s.story.drafted}
    steps = [*builders.STEPS, builders.USE_STEP]
    payload["answers"] = {
        sid: {str(k): str(v) for k, v in (answers.get(sid) or {}).items() if v is not None}
        for sid in steps
    }
    payload["steps"] = [
        {
            "id": b.id,
            "title": b.title,
            "answers": [{"label": label, "text": text} for label, text in b.answers],
            "suggestions": [
                {"label": label, "text": text, "evidence": ev} for label, text, ev in b.suggestions
            ],
        }
        for b in s.steps
    ]
    payload["checklist"] = [
        {"area": a, "item": item, "done": done} for a, item, done in s.checklist
    ]
    payload["methods"] = s.methods
    payload["appendix"] = [{"title": h, "lines": list(lines)} for h, lines in appendix]
    return json.dumps(payload, ensure_ascii=False, indent=2).encode("utf-8")
