"""The ICP summary as UTF-8 JSON: the analysis plus every answer, step and the checklist."""

from __future__ import annotations

import json

from icp.report.summary import Summary


def json_bytes(s: Summary) -> bytes:
    """``Analysis.to_json`` plus every builder answer (keyed S1..P7, USE), the statement,
    the story, the step blocks with suggestions and the checklist, as UTF-8 JSON."""
    payload = dict(s.analysis_json)
    payload["report"] = {
        "title": s.title,
        "date": s.iso_date,
        "lang": s.lang,
        "source": s.source,
        "settings": dict(s.settings),
    }
    payload["statement"] = {"text": s.statement.text, "drafted": s.statement.drafted}
    payload["story"] = {"text": s.story.text, "drafted": s.story.drafted}
    payload["answers"] = {sid: dict(given) for sid, given in s.answers.items()}
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
    payload["methods"] = list(s.methods)
    payload["appendix"] = [{"title": h, "lines": list(lines)} for h, lines in s.appendix]
    return json.dumps(payload, ensure_ascii=False, indent=2).encode("utf-8")
