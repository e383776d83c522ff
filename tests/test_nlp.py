"""The Stanza stage: models from STANZA_RESOURCES_DIR, one clear error, robust splitting."""

from __future__ import annotations

import pytest
from tawasul.extract.nlp import ModelsUnavailable, load_pipeline, segments

from tawasul.cli import main


def test_missing_models_give_one_error_naming_the_folder_and_the_fix(tmp_path, monkeypatch):
    monkeypatch.setenv("STANZA_RESOURCES_DIR", str(tmp_path))
    with pytest.raises(ModelsUnavailable) as error:
        load_pipeline()
    message = str(error.value)
    assert str(tmp_path) in message and "STANZA_RESOURCES_DIR" in message


def test_the_command_line_reports_missing_models_and_exits_3(tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("STANZA_RESOURCES_DIR", str(tmp_path))
    article = tmp_path / "a.txt"
    article.write_text("قطر تبدأ اتصالات مباشرة مع هيئة تحرير الشام", encoding="utf-8")
    assert main(["build", str(article), "--out", str(tmp_path / "out")]) == 3
    assert f"cannot load Stanza Arabic models from {tmp_path}" in capsys.readouterr().err


def test_long_paragraphs_are_split_at_spaced_commas_and_full_stops():
    text = "بحث لافروف مع ظريف الوضع , ونقلت الوكالة الخبر. وقال كيري\nسطر جديد"
    assert [chunk for _, chunk in segments(text)] == [
        "بحث لافروف مع ظريف الوضع",
        "ونقلت الوكالة الخبر.",
        "وقال كيري",
        "سطر جديد",
    ]
    assert all(text[offset : offset + len(chunk)] == chunk for offset, chunk in segments(text))


def test_parsed_sentences_point_back_into_the_article(extractor):
    text = "  قطر بدأت اليوم اتصالات مباشرة مع هيئة تحرير الشام , وقال المسؤول إن المحادثات مستمرة."
    sentences = extractor.parse(text)
    assert len(sentences) == 2
    for sentence in sentences:
        assert text[sentence.start : sentence.end] == sentence.text
        for token in sentence.tokens:
            assert text[token.start : token.end] == token.text


def test_a_sentence_cut_where_no_sentence_ends_is_rejoined(extractor):
    """The offline segmenter cuts at «اليوم ،»: a piece that ends on no stop mark, with no
    line break after it, goes on in the next; indices of the second piece shift."""
    from dataclasses import replace

    from tawasul.extract.nlp import rejoin_unfinished

    text = "استقبل الرئيس الكيني الوزير التركي. وبحث معه العلاقات الثنائية."
    first, second = extractor.parse(text)
    cut = replace(first, tokens=first.tokens[:-1], end=first.tokens[-2].end)
    [whole] = rejoin_unfinished([cut, second], text)
    assert whole.start == 0 and whole.end == second.end
    assert [t.index for t in whole.tokens] == list(range(len(whole.tokens)))
    assert all(w.head < len(whole.words) for w in whole.words)
    moved = whole.words[len(cut.words) :]
    assert [w.token for w in moved] == [w.token + len(cut.tokens) for w in second.words]
    assert len(rejoin_unfinished([first, second], text)) == 2  # a full stop ends it
    broken = text.replace(". ", "\n")
    a, b = extractor.parse(broken)
    assert len(rejoin_unfinished([a, b], broken)) == 2  # so does a line break
