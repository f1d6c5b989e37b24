"""The coverage dashboard's figures, from released sessions cut into episodes by the pipeline:
hours, episodes and actions per app/site and per ISO week, the share of clicks whose target is
known, redactions per kind and the reasons steps and episodes were dropped."""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import select

from ..store import ServiceData
from ..store.models import Session
from .episodes import CLICKS, session_episodes


@dataclass(slots=True)
class Coverage:
    by_place: dict[str, dict[str, float]] = field(default_factory=dict)
    by_week: dict[str, dict[str, float]] = field(default_factory=dict)
    clicks: int = 0
    clicks_with_target: int = 0
    redactions: Counter[str] = field(default_factory=Counter)
    drops: Counter[str] = field(default_factory=Counter)
    sessions: int = 0

    @property
    def target_share(self) -> float:
        return self.clicks_with_target / self.clicks if self.clicks else 0.0

    def bars(self, table: str, metric: str) -> list[dict[str, Any]]:
        """Rows for a bar chart: label, value and width in percent of the largest."""
        rows = getattr(self, table)
        top = max((r[metric] for r in rows.values()), default=0.0) or 1.0
        return [
            {"label": k, "value": _number(v[metric]), "pct": round(100.0 * v[metric] / top, 1)}
            for k, v in sorted(rows.items(), key=lambda kv: -kv[1][metric])
        ]

    @staticmethod
    def counter_bars(c: Counter[str]) -> list[dict[str, Any]]:
        top = max(c.values(), default=0) or 1
        return [{"label": k, "value": v, "pct": round(100.0 * v / top, 1)} for k, v in c.most_common()]


def _number(v: float) -> float | int:
    return int(v) if float(v).is_integer() else v


def _blank() -> dict[str, float]:
    return {"hours": 0.0, "episodes": 0.0, "actions": 0.0}


def coverage(data: ServiceData) -> Coverage:
    cov = Coverage()
    by_place: dict[str, dict[str, float]] = defaultdict(_blank)
    by_week: dict[str, dict[str, float]] = defaultdict(_blank)
    with data.db.read() as s:
        rows = list(
            s.execute(select(Session).where(Session.state == "released").order_by(Session.id)).scalars()
        )
    for row in rows:
        se = session_episodes(data, row)
        cov.sessions += 1
        for reason, n in (se.drops.get("steps") or {}).items():
            cov.drops[f"step: {reason}"] += int(n)
        for reason, n in (se.drops.get("episodes") or {}).items():
            cov.drops[f"episode: {reason}"] += int(n)
        for ep in se.episodes:
            iso = datetime.fromtimestamp(row.start + ep.start, UTC).isocalendar()
            week = f"{iso.year}-W{iso.week:02d}"
            for table, key in ((by_place, ep.app or "unknown"), (by_week, week)):
                table[key]["hours"] += ep.duration / 3600.0
                table[key]["episodes"] += 1
                table[key]["actions"] += len(ep.steps)
            for st in ep.steps:
                if st.action.get("type") in CLICKS:
                    cov.clicks += 1
                    cov.clicks_with_target += bool(st.target)
                for r in st.redactions:
                    cov.redactions[str(r.get("kind", "?"))] += 1
    cov.by_place = {k: {m: round(v, 3) for m, v in d.items()} for k, d in by_place.items()}
    cov.by_week = {k: {m: round(v, 3) for m, v in d.items()} for k, d in sorted(by_week.items())}
    return cov
