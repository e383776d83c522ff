"""Reading articles: text, HTML and jsonl files, folders; every bad input named, none fatal."""

from __future__ import annotations

import json

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from tawasul.extract.arabic import norm
from tawasul.extract.encoding import clean_text, decode_bytes, shown
from tawasul.extract.fields import clean_date, clean_url
from tawasul.extract.ingest import IngestError, read_articles, read_corpus, text_key
from tawasul.extract.paths import DATA_DIR

ARABIC = "التقى وزير الخارجية المصري نظيره الأردني في القاهرة يوم الأحد، وبحثا العلاقات الثنائية."
PAGE = """<!DOCTYPE html><html><head><title>لافروف يلتقي كيري</title>
<meta property="og:url" content="https://news.example/ar/لافروف كيري">
<meta name="date" content="2016-09-09"></head><body>
<nav><a href="/">الرئيسية</a> | <a href="/s">سياسة</a> | <a href="/r">رياضة</a></nav>
<script>document.title = "اشترك الآن في النشرة";</script>
<article><h1>لافروف يلتقي كيري</h1>
<p>التقى وزير الخارجية الروسي سيرغي لافروف نظيره الأمريكي جون كيري في جنيف اليوم، وبحث
الجانبان الوضع في سوريا والهدنة في حلب.</p>
<p>وقال لافروف إن المحادثات كانت بناءة وإن الطرفين اتفقا على مواصلة الاتصالات.</p></article>
<footer>جميع الحقوق محفوظة — اشترك في النشرة البريدية</footer></body></html>"""


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
    path.write_text(ARABIC, encoding="utf-8")
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
                json.dumps({"id": "num", "text": 5}),
                json.dumps(["id", "text"]),
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
        f"{path}:5: text: expected a string, got a number",
        f"{path}:6: expected a JSON object with 'id' and 'text'",
    ]


def test_fields_of_the_wrong_type_cost_the_field_not_the_article(tmp_path):
    path = tmp_path / "feed.jsonl"
    lines = [
        {"id": 7, "text": "نص أول", "published": ["2024-05-03"], "url": 12},
        {"id": None, "text": "نص ثان", "published": {"y": 2024}, "source": ["x"]},
        {"text": "نص ثالث", "published": "the day after", "url": "javascript:alert(1)"},
    ]
    path.write_text("\n".join(json.dumps(line) for line in lines), encoding="utf-8")
    corpus = read_corpus([path])
    assert [(a.id, a.url, a.published, a.source) for a in corpus.articles] == [
        ("7", None, None, "feed.jsonl"),
        ("feed-2", None, None, "feed.jsonl"),
        ("feed-3", None, None, "feed.jsonl"),
    ]
    warnings = [str(w) for w in corpus.warnings]
    assert f"{path}:1: url: expected a string, got a number; dropped" in warnings
    assert f"{path}:1: published: expected a date, got a list; kept without a date" in warnings
    assert f"{path}:2: no id: named 'feed-2'" in warnings
    assert f"{path}:2: source: expected a string, got a list" in warnings
    assert f"{path}:3: url javascript:alert(1): not an http(s) address; dropped" in warnings
    assert f"{path}:3: published the day after: not a date; kept without a date" in warnings


def test_raw_line_separators_inside_json_strings_keep_the_line_numbers(tmp_path):
    path = tmp_path / "feed.jsonl"
    first = '{"id": "a", "text": "نص\u2028أول\u0085وثان\rوثالث"}'
    path.write_text(first + "\n{broken\n", encoding="utf-8")
    items = list(read_articles([path]))
    assert items[0].text == "نص\nأول\nوثان\nوثالث"
    assert (
        str(items[1])
        == f"{path}:2: invalid JSON (Expecting property name enclosed in double quotes)"
    )


@pytest.mark.parametrize(
    ("encoding", "name"),
    [
        ("utf-8-sig", None),
        ("utf-16", "UTF-16 LE"),
        ("utf-16-be", None),
        ("cp1256", "Windows-1256"),
        ("iso8859_6", "ISO-8859-6"),
    ],
)
def test_arabic_files_in_the_encodings_archives_use_are_read(tmp_path, encoding, name):
    path = tmp_path / "article.txt"
    data = ARABIC.encode(encoding)
    if encoding == "utf-16-be":
        data, name = b"\xfe\xff" + data, "UTF-16 BE"
    path.write_bytes(data)
    corpus = read_corpus([path])
    assert [a.text for a in corpus.articles] == [ARABIC]
    assert [str(w) for w in corpus.warnings] == ([f"{path}: read as {name}"] if name else [])


def test_mojibake_is_repaired_and_said_so(tmp_path):
    path = tmp_path / "garbled.txt"
    path.write_text(ARABIC.encode("utf-8").decode("cp1252", errors="ignore"), encoding="utf-8")
    latin = tmp_path / "latin.txt"
    latin.write_text(ARABIC.encode("utf-8").decode("latin-1"), encoding="utf-8")
    corpus = read_corpus([latin])
    assert [a.text for a in corpus.articles] == [ARABIC]
    assert [w.message for w in corpus.warnings] == [
        "repaired mojibake (UTF-8 text that had been read as Latin)"
    ]


def test_unreadable_files_name_the_file_and_the_problem(tmp_path):
    (tmp_path / "english.txt").write_bytes("café au lait".encode("latin-1"))
    (tmp_path / "empty.txt").write_text("  \n", encoding="utf-8")
    (tmp_path / "good.txt").write_text("نص سليم", encoding="utf-8")
    (tmp_path / "binary.txt").write_bytes(bytes(range(256)) * 8)
    (tmp_path / "x.pdf").write_bytes(b"%PDF-1.4")
    items = list(read_articles([tmp_path, tmp_path / "missing.txt", tmp_path / "x.pdf"]))
    messages = [str(i) for i in items if isinstance(i, IngestError)]
    assert [i.id for i in items if not isinstance(i, IngestError)] == ["good"]
    assert messages[0].startswith(f"{tmp_path / 'binary.txt'}: binary data, not text")
    assert messages[1] == f"{tmp_path / 'empty.txt'}: empty article"
    assert messages[2] == f"{tmp_path / 'english.txt'}: no Arabic text (Tawasul reads Arabic news)"
    assert messages[3] == f"{tmp_path / 'missing.txt'}: no such file or directory"
    assert "unsupported file type" in messages[4]
    assert len(messages) == 5


def test_folders_are_read_whole_sub_folders_and_upper_case_names_included(tmp_path):
    (tmp_path / "a.TXT").write_text("نص أول", encoding="utf-8")
    (tmp_path / "2024" / "05").mkdir(parents=True)
    (tmp_path / "2024" / "05" / "b.txt").write_text("نص ثان", encoding="utf-8")
    (tmp_path / "2024" / "notes.docx").write_bytes(b"PK")
    (tmp_path / ".hidden.txt").write_text("نص مخفي", encoding="utf-8")
    corpus = read_corpus([tmp_path])
    assert [a.id for a in corpus.articles] == ["a", "b"]
    assert [w.message for w in corpus.warnings] == ["skipped: not a .txt, .html or .jsonl file"]


def test_an_html_page_gives_its_article_without_menus_scripts_or_footer(tmp_path):
    (tmp_path / "page.html").write_text(PAGE, encoding="utf-8")
    (tmp_path / "saved.txt").write_text(PAGE.replace("جنيف", "فيينا"), encoding="utf-8")
    feed = tmp_path / "feed.jsonl"
    feed.write_text(json.dumps({"id": "h", "html": PAGE.replace("جنيف", "روما")}), "utf-8")
    corpus = read_corpus([tmp_path])
    by_id = {a.id: a for a in corpus.articles}
    assert sorted(by_id) == ["h", "page", "saved"]
    for article in by_id.values():
        assert article.text.startswith("لافروف يلتقي كيري\nالتقى وزير الخارجية الروسي")
        assert "الرئيسية" not in article.text and "اشترك" not in article.text
        assert article.published == "2016-09-09"
        assert article.url == "https://news.example/ar/لافروف%20كيري"
    assert [str(w) for w in corpus.warnings] == [
        f"{tmp_path / 'saved.txt'}: HTML saved as .txt: read as a web page"
    ]


def test_copies_of_one_text_are_one_article_with_several_sources(tmp_path):
    for n in range(50):
        spacing = "  " if n % 2 else " "
        tatweel = "ـ" if n % 3 else ""
        (tmp_path / f"copy{n:02d}.txt").write_text(
            f"لافروف{spacing}بحث هاتفيا مع كيري{tatweel}", encoding="utf-8"
        )
    (tmp_path / "other.txt").write_text("قطر بدأت اتصالات مع هيئة تحرير الشام", encoding="utf-8")
    corpus = read_corpus([tmp_path])
    assert [a.id for a in corpus.articles] == ["copy00", "other"]
    assert corpus.duplicates == {
        "copy00": tuple(str(tmp_path / f"copy{n:02d}.txt") for n in range(1, 50))
    }
    assert corpus.errors == []


def test_an_id_used_twice_for_different_texts_is_refused(tmp_path):
    (tmp_path / "a.txt").write_text("نص", encoding="utf-8")
    path = tmp_path / "b.jsonl"
    path.write_text(json.dumps({"id": "a", "text": "نص آخر"}) + "\n", encoding="utf-8")
    items = list(read_articles([tmp_path / "a.txt", path]))
    assert isinstance(items[1], IngestError) and "duplicate article id 'a'" in str(items[1])


def test_an_article_over_the_limit_is_refused_before_it_is_read_whole(tmp_path):
    (tmp_path / "huge.txt").write_text(ARABIC * 60_000, encoding="utf-8")  # 5.6 MB
    (tmp_path / "long.txt").write_text(ARABIC * 12, encoding="utf-8")
    (tmp_path / "ok.txt").write_text(ARABIC, encoding="utf-8")
    corpus = read_corpus([tmp_path], max_chars=1000)
    assert [a.id for a in corpus.articles] == ["ok"]
    huge, long = (str(e) for e in corpus.errors)
    assert huge.startswith(f"{tmp_path / 'huge.txt'}: article too long (9.7 MB; the limit is 1,000")
    assert long.startswith(
        f"{tmp_path / 'long.txt'}: article too long ({len(ARABIC) * 12:,} characters;"
    )
    assert "--max-chars" in long


def test_publication_dates_in_common_formats_become_iso():
    assert clean_date("2024-05-03") == ("2024-05-03", None)
    assert clean_date("2024-05-03T10:15:00Z") == ("2024-05-03T10:15:00+00:00", None)
    assert clean_date("3/5/2024") == ("2024-05-03", None)
    assert clean_date("٣ أيار ٢٠٢٤") == ("2024-05-03", None)
    assert clean_date("3 مايو 2024") == ("2024-05-03", None)
    assert clean_date("May 3, 2024") == ("2024-05-03", None)
    assert clean_date(20240503) == ("2024-05-03", None)
    assert clean_date(1714723200) == (
        "2024-05-03",
        "published 1714723200: read as a Unix time (2024-05-03)",
    )
    assert clean_date("2024-02-30")[0] is None
    assert clean_date("أمس") == (None, "published أمس: not a date; kept without a date")


def test_urls_are_made_valid_iris_or_dropped():
    assert clean_url('https://ex.org/ar/مقال 1?q="x"&r=<y>') == (
        "https://ex.org/ar/مقال%201?q=%22x%22&r=%3Cy%3E",
        None,
    )
    assert clean_url("HTTP://Ex.ORG/a%2Fb%zz") == ("http://ex.org/a%2Fb%25zz", None)
    assert clean_url("https://ex.org/\u202eevil\u200f") == (
        "https://ex.org/%E2%80%AEevil%E2%80%8F",
        None,
    )
    for bad in ("javascript:alert(1)", "data:text/html,<script>x</script>", "ex.org/a", "//x"):
        url, warning = clean_url(bad)
        assert url is None and warning.endswith("not an http(s) address; dropped")


def test_terminal_escapes_and_controls_never_reach_messages_or_text(tmp_path):
    path = tmp_path / "feed.jsonl"
    path.write_text(
        json.dumps({"id": "\x1b[2Jx", "text": "نص \x1b[31mأحمر\x00", "source": "a\x07b"}), "utf-8"
    )
    [article] = read_articles([path])
    assert (article.id, article.text, article.source) == ("x", "نص أحمر", "ab")
    assert shown("a\x1b[2Jb\u202e") == "a\\x1b[2Jb\\u202e"


@settings(max_examples=200, deadline=None)
@given(st.text())
def test_any_string_cleans_to_valid_printable_unicode(text):
    cleaned, _ = clean_text(text)
    cleaned.encode("utf-8")  # no lone surrogate survives
    assert all(ch in "\n\t" or ch.isprintable() or ch.isspace() or ord(ch) > 0x9F for ch in cleaned)
    assert clean_text(cleaned)[0] == cleaned


@settings(max_examples=200, deadline=None)
@given(st.binary(max_size=400))
def test_any_bytes_decode_to_text_or_a_one_line_refusal(data):
    try:
        decoded = decode_bytes(data)
    except ValueError as exc:
        assert "\n" not in str(exc) and str(exc)
    else:
        decoded.text.encode("utf-8")


@settings(max_examples=100, deadline=None)
@given(
    st.lists(st.one_of(st.none(), st.integers(), st.text(), st.lists(st.integers())), max_size=6)
)
def test_any_jsonl_line_is_an_article_or_one_error(tmp_path_factory, values):
    keys = ["id", "text", "url", "published", "source", "html"]
    record = dict(zip(keys, values, strict=False))
    path = tmp_path_factory.mktemp("feed") / "feed.jsonl"
    path.write_text(json.dumps(record), encoding="utf-8")
    items = list(read_articles([path]))
    assert len(items) == 1
    if isinstance(items[0], IngestError):
        assert str(items[0]).startswith(f"{path}:1: ")


@settings(max_examples=200, deadline=None)
@given(
    st.text(
        alphabet=st.characters(min_codepoint=0x600, max_codepoint=0x6FF) | st.sampled_from(" \nـ")
    )
)
def test_normalised_spelling_variants_hash_alike(text):
    assert norm(norm(text)) == norm(text)
    assert text_key(text.replace(" ", "  ")) == text_key(text)
    assert text_key(text.replace("أ", "ا").replace("ـ", "")) == text_key(text)


def test_a_previous_output_folder_inside_the_input_is_not_read(tmp_path):
    (tmp_path / "a.txt").write_text("نص أول", encoding="utf-8")
    (tmp_path / "out").mkdir()
    (tmp_path / "out" / ".tawasul-output").write_text("", encoding="utf-8")
    (tmp_path / "out" / "network.html").write_text("<html><body><p>نص</p></body></html>", "utf-8")
    corpus = read_corpus([tmp_path])
    assert [a.id for a in corpus.articles] == ["a"] and corpus.warnings == ()


def test_html_entities_left_by_a_scraper_become_their_characters():
    """«quot;» glued to a word (its «&» lost) would hide the word from the lexicons."""
    from tawasul.extract.encoding import clean_text

    text, _ = clean_text("وقال البيان إن الرئيس quot;تحادث مطولا&quot; مع نظيره AT&amp;T")
    assert text == 'وقال البيان إن الرئيس "تحادث مطولا" مع نظيره AT&T'
    assert clean_text("xquot; and equot;")[0] == "xquot; and equot;"  # Latin words stay
