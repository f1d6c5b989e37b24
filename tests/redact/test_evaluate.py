from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from demotrace.redact import TextRedactor
from demotrace.redact.cli import eval_group
from demotrace.redact.evaluate import GoldSpan, Sample, evaluate

TEXT = "mail bob@example.com now"


def test_scores_are_character_level_and_label_agnostic() -> None:
    # gold says PERSON for the email's characters: the label does not matter, the characters do
    s = Sample(TEXT, (GoldSpan("PERSON", 5, 20),))
    rep = evaluate([s], TextRedactor())
    assert rep["overall"] == {"precision": 1.0, "recall": 1.0, "f2": 1.0, "all_caught": 1.0}
    assert rep["entities"] == {"PERSON": {"recall": 1.0, "spans": 1}}


def test_partial_cover_and_unlabelled_redaction() -> None:
    # gold covers "mail bob" (8 chars, 3 of them redacted); 15 redacted chars, 3 inside gold
    s = Sample(TEXT, (GoldSpan("STREET_ADDRESS", 0, 8),))
    rep = evaluate([s], TextRedactor())
    assert rep["overall"]["recall"] == round(3 / 8, 4)
    assert rep["overall"]["precision"] == round(3 / 15, 4)
    assert rep["overall"]["all_caught"] == 0.0


def test_optional_types_cost_no_precision_and_need_no_recall() -> None:
    s = Sample(TEXT, (GoldSpan("ORGANIZATION", 5, 20), GoldSpan("DATE_TIME", 21, 24)))
    rep = evaluate([s], TextRedactor())
    assert rep["overall"]["precision"] == 1.0 and rep["overall"]["recall"] == 1.0
    assert rep["entities"] == {}


def test_cli_json_is_one_object_on_stdout(tmp_path: Path) -> None:
    f = tmp_path / "d.json"
    f.write_text(
        json.dumps(
            [
                {
                    "full_text": TEXT,
                    "spans": [{"entity_type": "EMAIL_ADDRESS", "start_position": 5, "end_position": 20}],
                },
                {
                    "full_text": "12 high st",
                    "spans": [{"entity_type": "ADDRESS", "start_position": 0, "end_position": 10}],
                },
            ]
        )
    )
    res = CliRunner().invoke(eval_group, ["redaction", str(f), "--json"])
    assert res.exit_code == 0, res.output
    rep = json.loads(res.stdout)
    assert set(rep) == {"samples", "overall", "entities", "seconds"}
    assert set(rep["overall"]) == {"precision", "recall", "f2", "all_caught"}
    assert rep["samples"] == 2 and "STREET_ADDRESS" in rep["entities"] and "ADDRESS" not in rep["entities"]


def test_cli_bad_file_is_a_usage_error(tmp_path: Path) -> None:
    f = tmp_path / "bad.json"
    f.write_text('{"not": "a list"}')
    res = CliRunner().invoke(eval_group, ["redaction", str(f)])
    assert res.exit_code != 0 and "expected a JSON list" in str(res.exception)
