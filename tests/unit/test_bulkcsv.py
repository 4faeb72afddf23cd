"""Reading neo4j-admin's CSV layout in batches for the UNWIND path."""

from __future__ import annotations

from pathlib import Path

import pytest

from kb.bulkcsv import BulkLoadError, batches, discover


def _write(folder: Path, name: str, text: str) -> None:
    (folder / name).write_text(text, encoding="utf-8")


def test_files_are_found_nodes_first_and_rows_typed(tmp_path: Path) -> None:
    _write(
        tmp_path,
        "rel-ABOUT-Claim-Actor.csv",
        ":START_ID(Claim),:END_ID(Actor),role,:TYPE\nc1,a1,agent,ABOUT\n",
    )
    _write(
        tmp_path,
        "node-Claim.csv",
        "id:ID(Claim),text,checkable:boolean,n:int,w:double,tags:string[],:LABEL\n"
        'c1,"two\nlines",true,3,0.5,x;y,Claim\nc2,,false,,,,Claim\n'
        "c3,three,false,1,1,z,Claim\n",
    )
    _write(tmp_path, "notes.csv", "whatever\n")
    files = discover(tmp_path)
    assert [f.key for f in files] == ["Claim", "ABOUT-Claim-Actor"]
    chunks = list(batches(files[0], 2))
    assert [len(chunk) for chunk in chunks] == [2, 1]
    assert chunks[0][0] == {
        "id": "c1",
        "props": {"text": "two\nlines", "checkable": True, "n": 3, "w": 0.5, "tags": ["x", "y"]},
    }
    assert chunks[0][1] == {"id": "c2", "props": {"checkable": False}}  # empty cells: absent
    assert list(batches(files[1], 10)) == [
        [{"start": "c1", "end": "a1", "props": {"role": "agent"}}]
    ]


def test_a_folder_without_node_files_is_refused(tmp_path: Path) -> None:
    _write(tmp_path, "rel-ABOUT-Claim-Actor.csv", ":START_ID(Claim),:END_ID(Actor),:TYPE\n")
    with pytest.raises(BulkLoadError, match="node-<Label>.csv"):
        discover(tmp_path)
