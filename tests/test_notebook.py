"""The notebook for Jupyter users runs from top to bottom on the bundled articles."""

from __future__ import annotations

import json

from conftest import ROOT


def test_the_explore_notebook_runs_and_shows_contacts(tmp_path, monkeypatch, capsys):
    notebook = json.loads((ROOT / "notebooks" / "explore.ipynb").read_text(encoding="utf-8"))
    monkeypatch.chdir(tmp_path)
    namespace: dict = {}
    for cell in notebook["cells"]:
        if cell["cell_type"] == "code":
            source = "".join(cell["source"])
            exec(compile(source, "explore.ipynb", "exec"), namespace)
    printed = capsys.readouterr().out
    assert "Hayat Tahrir al-Sham" in printed
    assert namespace["figures"]["contacts"] >= 30
    assert (tmp_path / "network.html").exists()
