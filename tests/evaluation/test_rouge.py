"""``brief evaluate``: clusters paired with human summaries, ROUGE recall, and the quality gate.

The gate runs the default ranker on the DUC 2007 update set of the shared development data
(NIST's: evaluation only, never in this repository) when it is present, and skips otherwise.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from summarizer.cli import main
from summarizer.config import DEFAULT_RANKER
from summarizer.errors import InputError
from summarizer.evaluation import rouge
from tests.paths import DEV_DATA

DEV_DATA = DEV_DATA
DUC2007 = DEV_DATA / "duc2007_update"

# The quality gate: today's ROUGE recall x 100 of the default ranker on DUC 2007 update (30
# batches, 100 words; measured 37.88 / 11.23, now 37.49 / 10.86), less a small margin for
# harmless changes. Lowering a floor is a deliberate change: say in its commit what was traded
# for it. 10.9 -> 10.8: a fact box is no story, and its line "Figures available Saturday on the
# earthquake that struck Turkey early Tuesday." (D0743J-A), which shares the summaries' words
# and tells nothing, is no longer picked.
FLOOR_ROUGE_1 = 37.3
FLOOR_ROUGE_2 = 10.8

FLOOD = "The river flooded the old town after three days of heavy rain."
FERRY = "The Northlink company resumed its northern route after repairs to the pier."


def write(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


def duc(docno: str, text: str) -> str:
    """A DUC-style SGML article (our own text), as NIST ships them."""
    return (
        f"<DOC>\n<DOCNO> {docno} </DOCNO>\n<DATE_TIME> 2024-03-14 09:30 </DATE_TIME>\n"
        f"<BODY>\n<TEXT>\n<P>\n{text}\n</P>\n</TEXT>\n</BODY>\n</DOC>\n"
    )


@pytest.fixture
def dataset(tmp_path: Path) -> tuple[Path, Path]:
    """Three clusters: references in a folder, in a named file, and none at all."""
    clusters, refs = tmp_path / "clusters", tmp_path / "refs"
    write(clusters / "flood" / "a.txt", FLOOD)
    write(clusters / "ferry" / "nested" / "b.txt", FERRY)  # a cluster is any folder of files
    write(clusters / "lonely" / "c.txt", FERRY)
    write(refs / "flood" / "one.txt", FLOOD)
    write(refs / "flood" / "two.txt", "Heavy rain flooded the town.")
    write(refs / "nested.A.txt", FERRY)
    return clusters, refs


def test_clusters_pair_with_their_references(dataset: tuple[Path, Path]) -> None:
    found, unmatched = rouge.find_clusters(*dataset)
    assert [(c.name, len(c.sources), len(c.references)) for c in found] == [
        ("nested", 1, 1),  # clusters/ferry/nested sorts first
        ("flood", 1, 2),
    ]
    assert unmatched == ["lonely"]


def test_nist_names_pair_without_the_assessor_letter(tmp_path: Path) -> None:
    write(tmp_path / "docs" / "D0701A" / "D0701A-B" / "APW1", duc("APW1", FLOOD))
    write(tmp_path / "docs" / "D0602C" / "NYT1", duc("NYT1", FERRY))
    write(tmp_path / "models" / "D0701-B.M.100.A.C", FLOOD)
    write(tmp_path / "models" / "D0602.M.250.C.E", FERRY)
    write(tmp_path / "models" / "D0701-A.M.100.A.C", "another batch's summary")
    found, unmatched = rouge.find_clusters(tmp_path / "docs", tmp_path / "models")
    assert [(c.name, c.references) for c in found] == [("D0602C", (FERRY,)), ("D0701A-B", (FLOOD,))]
    assert unmatched == []
    [score] = rouge.evaluate(found, [DEFAULT_RANKER], 100, quiet=True)
    assert score.rouge1 == score.rouge2 == 1.0  # SGML read: each summary is its one sentence


def test_recall_averages_references_then_clusters(dataset: tuple[Path, Path]) -> None:
    found, _ = rouge.find_clusters(*dataset)
    [score] = rouge.evaluate(found, ["lead"], 100, quiet=True)
    # flood: recall 1 against itself; "Heavy rain flooded the town." 5 of 5 unigrams and 2 of
    # 4 bigrams ("heavy rain", "the town"). ferry: 1 and 1.
    assert score.rouge1 == pytest.approx((1.0 + 1.0) / 2)
    assert score.rouge2 == pytest.approx(((1.0 + 0.5) / 2 + 1.0) / 2)
    assert score.clusters == 2 and score.seconds_per_cluster > 0


def test_summaries_are_cut_to_n_words(dataset: tuple[Path, Path]) -> None:
    found, _ = rouge.find_clusters(*dataset)
    ferry = [c for c in found if c.name == "nested"]
    [score] = rouge.evaluate(ferry, ["lead"], 4, quiet=True)
    assert score.rouge1 == pytest.approx(4 / 12)  # "The Northlink company resumed" of 12 words
    assert score.rouge2 == pytest.approx(3 / 11)


def test_missing_folders_and_no_pairs_are_input_errors(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="no such folder"):
        rouge.find_clusters(tmp_path / "absent", tmp_path)
    write(tmp_path / "clusters" / "x" / "a.txt", FLOOD)
    (tmp_path / "refs").mkdir()
    with pytest.raises(InputError, match="no cluster"):
        rouge.find_clusters(tmp_path / "clusters", tmp_path / "refs")


def test_cli_table_and_json(dataset: tuple[Path, Path], capsys: pytest.CaptureFixture[str]) -> None:
    args = ["evaluate", *map(str, dataset), "--algorithm", "lead", "lexrank"]
    assert main(args) == 0
    out, err = capsys.readouterr()
    assert "2 clusters, summaries cut to 100 words" in out
    assert [line.split()[0] for line in out.splitlines()[2:]] == ["lead", "lexrank"]
    assert "no human summary for cluster lonely" in err
    assert main([*args, "--json", "--words", "50"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["words"] == 50 and data["clusters_without_references"] == ["lonely"]
    assert [r["algorithm"] for r in data["results"]] == ["lead", "lexrank"]
    assert all(0.0 <= r["rouge2"] <= r["rouge1"] <= 1.0 for r in data["results"])


def test_cli_all_algorithms_and_a_missing_folder(
    dataset: tuple[Path, Path], capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    assert main(["evaluate", *map(str, dataset), "--algorithm", "all", "--json"]) == 0
    results = json.loads(capsys.readouterr().out)["results"]
    assert len(results) >= 9 and DEFAULT_RANKER in [r["algorithm"] for r in results]
    assert main(["evaluate", str(tmp_path / "absent"), str(tmp_path)]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert err == [f"brief: error: {tmp_path / 'absent'}: no such folder"]


@pytest.mark.skipif(not DUC2007.is_dir(), reason=f"no development data at {DEV_DATA}")
def test_quality_gate_on_duc2007_update() -> None:
    """The default ranker keeps its ROUGE on the 30 DUC 2007 update batches (100 words)."""
    clusters, unmatched = rouge.find_clusters(DUC2007 / "docs", DUC2007 / "models")
    assert len(clusters) == 30 and not unmatched
    [score] = rouge.evaluate(clusters, [DEFAULT_RANKER], 100, quiet=True)
    assert 100 * score.rouge1 >= FLOOR_ROUGE_1
    assert 100 * score.rouge2 >= FLOOR_ROUGE_2


DAM = "Engineers closed the old dam on the river after cracks appeared in its wall."
PUMPS = "Crews installed twelve new pumps to drain the flooded fields near the village."


def two_batches(tmp_path: Path, first: str, second: str) -> tuple[Path, Path, list[rouge.Cluster]]:
    """Topic T: the first batch leads with the dam (its human summary), the second restates
    it and then tells of the pumps (its human summary)."""
    clusters, refs = tmp_path / "clusters", tmp_path / "refs"
    write(clusters / "T" / f"T-{first}" / "a.txt", f"{DAM}\n\n{FLOOD}\n")
    write(clusters / "T" / f"T-{second}" / "b.txt", f"{DAM}\n\n{PUMPS}\n")
    write(refs / f"T-{first}" / "one.txt", DAM)
    write(refs / f"T-{second}" / "one.txt", PUMPS)
    return clusters, refs, rouge.find_clusters(clusters, refs)[0]


def test_the_update_setting_scores_later_batches_alone_and_given_the_earlier_ones(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Batch B restates A's lead and then says something new; B's human summary is the new
    fact, so B scores higher for a reader of A's summary (the lead ranker: A's lead first)."""
    clusters, refs, found = two_batches(tmp_path, "A", "B")
    assert [[c.name for c in t] for t in rouge.topics(found)] == [["T-A", "T-B"]]
    scores = rouge.evaluate_update(found, ["lead"], 14, quiet=True)
    by = {(s.batch, s.history): s for s in scores}
    assert set(by) == {("A", False), ("B", False), ("B", True), ("later", False), ("later", True)}
    assert by["A", False].rouge1 == 1.0
    assert by["B", False].rouge2 == pytest.approx(0.0)  # the dam again
    assert by["B", True].rouge1 == by["later", True].rouge1 == 1.0  # the pumps
    assert main(["evaluate", str(clusters), str(refs), "--update", "--algorithm", "lead",
                 "--words", "14", "--json"]) == 0  # fmt: skip
    data = json.loads(capsys.readouterr().out)
    assert data["setting"].startswith("update") and len(data["results"]) == 5
    assert main(["evaluate", str(clusters), str(refs), "--update", "--algorithm", "lead"]) == 0
    assert "later  with" in capsys.readouterr().out


def test_each_batch_is_scored_on_its_own_so_a_difference_can_be_tested(tmp_path: Path) -> None:
    """Per batch: the first alone only; each later one alone and given the summaries before."""
    _, _, found = two_batches(tmp_path, "B", "C")
    runs = list(rouge.update_runs(found, ["lead"], 14, quiet=True))
    assert [(r.cluster, r.later, r.history) for r in runs] == [
        ("T-B", False, False),  # a topic's first batch, whatever its letter
        ("T-C", True, False),
        ("T-C", True, True),
    ]
    assert runs[1].rouge2 == pytest.approx(0.0)  # C alone leads with the dam again
    assert runs[2].rouge1 == 1.0  # given B's summary (the dam), C tells of the pumps
