"""Reading articles: text files, folders, jsonl; every bad input named, none fatal."""

from __future__ import annotations

import json

from tawasul.extract.ingest import IngestError, read_articles
from tawasul.extract.paths import DATA_DIR


def test_the_bundled_corpus_is_five_seed_articles():
    articles = list(read_articles([DATA_DIR / "articles"]))
    assert [a.id for a in articles] == [
        "000_2983ddeca35d4a1a",
        "001_2f6eb6198f4589d4",
        "002_9b351265d7e7fd64",
        "003_e969dcb953be2e51",
        "004_fa1ba8040f28eb1f",
    ]
    assert all("سوري" in a.text for a in articles)


def test_a_txt_file_id_is_its_name_without_extension(tmp_path):
    path = tmp_path / "cairo-talks.txt"
    path.write_text("التقى وزير الخارجية المصري نظيره الأردني في القاهرة.", encoding="utf-8")
    [article] = read_articles([path])
    assert (article.id, article.source) == ("cairo-talks", "cairo-talks.txt")


def test_jsonl_records_carry_id_url_date_and_source(tmp_path):
    path = tmp_path / "feed.jsonl"
    record = {
        "id": "a1",
        "text": "قطر تبدأ اتصالات مباشرة مع هيئة تحرير الشام",
        "url": "https://example.org/a1",
        "published": "2024-12-10",
        "source": "Al-Masalla",
    }
    path.write_text(json.dumps(record, ensure_ascii=False) + "\n", encoding="utf-8")
    [article] = read_articles([path])
    assert (article.id, article.url, article.published, article.source) == (
        "a1",
        "https://example.org/a1",
        "2024-12-10",
        "Al-Masalla",
    )


def test_bad_jsonl_lines_are_reported_with_line_numbers_and_the_rest_is_kept(tmp_path):
    path = tmp_path / "feed.jsonl"
    path.write_text(
        "\n".join(
            [
                json.dumps({"id": "ok1", "text": "نص أول"}),
                "{not json",
                json.dumps({"id": "no-text"}),
                json.dumps({"id": "ok2", "text": "نص ثان"}),
            ]
        ),
        encoding="utf-8",
    )
    items = list(read_articles([path]))
    errors = [str(i) for i in items if isinstance(i, IngestError)]
    assert [i.id for i in items if not isinstance(i, IngestError)] == ["ok1", "ok2"]
    assert errors == [
        f"{path}:2: invalid JSON (Expecting property name enclosed in double quotes)",
        f"{path}:3: missing field(s): text",
    ]


def test_unreadable_files_name_the_file_and_the_problem(tmp_path):
    (tmp_path / "latin1.txt").write_bytes("café".encode("latin-1"))
    (tmp_path / "empty.txt").write_text("  \n", encoding="utf-8")
    (tmp_path / "good.txt").write_text("نص سليم", encoding="utf-8")
    (tmp_path / "x.pdf").write_bytes(b"%PDF-1.4")
    items = list(read_articles([tmp_path, tmp_path / "missing.txt", tmp_path / "x.pdf"]))
    messages = [str(i) for i in items if isinstance(i, IngestError)]
    assert [i.id for i in items if not isinstance(i, IngestError)] == ["good"]
    assert messages[0].startswith(f"{tmp_path / 'empty.txt'}: empty article")
    assert messages[1].startswith(f"{tmp_path / 'latin1.txt'}: not UTF-8 text")
    assert messages[2] == f"{tmp_path / 'missing.txt'}: no such file or directory"
    assert "unsupported file type" in messages[3]


def test_duplicate_ids_are_refused(tmp_path):
    (tmp_path / "a.txt").write_text("نص", encoding="utf-8")
    path = tmp_path / "b.jsonl"
    path.write_text(json.dumps({"id": "a", "text": "نص آخر"}) + "\n", encoding="utf-8")
    items = list(read_articles([tmp_path / "a.txt", path]))
    assert isinstance(items[1], IngestError) and "duplicate article id 'a'" in str(items[1])
