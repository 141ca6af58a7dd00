"""Metadata parsing for every seed format, sentence offsets, and bad input."""

from datetime import date
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from quizapp.corpus.parse import (
    ArticleError,
    decode_article,
    parse_article,
    parse_date,
    read_article_file,
    split_sentences,
)

SEEDS = Path(__file__).resolve().parent.parent / "seeds"


def seed(prefix: str):
    path = next(SEEDS.glob(prefix + "_*.txt"))
    return parse_article(path.name, read_article_file(path))


@pytest.mark.parametrize(
    "prefix, title, published, author",
    [
        (
            "000",
            "In a joint declaration, China and Russia have emphasized the expansion of bilateral and regional cooperation…",
            date(2025, 5, 12),
            None,
        ),
        ("001", "Xi and Putin pledge closer coordination on Afghanistan issues", None, None),
        (
            "002",
            "China & Russia pledge to work together in Afghanistan to promote peace",
            date(2021, 9, 20),
            "Kayla Wong",
        ),
        (
            "003",
            "Xi, Putin stress strengthening coordination on Afghanistan, against foreign interference in phone call",
            date(2021, 8, 25),
            None,
        ),
        (
            "004",
            "Wang Yi: China and Russia Should Strengthen Strategic Communication on Afghanistan",
            date(2021, 8, 16),
            None,
        ),
    ],
)
def test_seed_metadata(prefix, title, published, author):
    art = seed(prefix)
    assert art.title == title
    assert art.published == published
    assert art.author == author


def test_metadata_texts_are_kept_for_provenance():
    assert seed("000").published_text == "date 2025-05-12"
    assert seed("003").published_text == "Published: Aug 25, 2021 08:41 PM"
    assert seed("002").published_text == "Kayla Wong | September 20, 2021, 07:19 PM"
    assert seed("004").published_text == "On August 16, 2021"
    for prefix in ["000", "002", "003", "004"]:
        art = seed(prefix)
        s, e = art.published_span
        assert art.published_text in art.raw[s:e] or art.raw[s:e] in art.published_text


@pytest.mark.parametrize("prefix", ["000", "001", "002", "003", "004"])
def test_sentence_offsets_round_trip(prefix):
    art = seed(prefix)
    assert art.sentences
    for s in art.sentences:
        assert art.raw[s.start : s.end] == s.text
        assert s.text == s.text.strip()
    assert [s.idx for s in art.sentences] == list(range(len(art.sentences)))


def test_boilerplate_is_stripped():
    texts = " ".join(s.text for s in seed("002").sentences)
    assert "Follow us on Telegram" not in texts
    assert "Top image adapted" not in texts
    assert "podcast" not in texts
    assert "Kayla Wong |" not in texts
    texts3 = " ".join(s.text for s in seed("003").sentences)
    assert "Photos: Xinhua" not in texts3 and "File photos" not in texts3
    assert "Published:" not in texts3
    texts4 = " ".join(s.text for s in seed("004").sentences)
    assert "Suggest To A Friend" not in texts4 and "Home >" not in texts4


def test_abbreviations_do_not_split_sentences():
    art = seed("002")
    assert any(s.text.startswith("Speaking virtually at a meeting last Friday (Sep. 17), both") for s in art.sentences)
    assert any("the U.S. withdrawal does not cross" in s.text for s in art.sentences)


def test_first_line_with_date_prefix_keeps_the_sentence():
    art = seed("000")
    first = art.body_sentences[0]
    assert first.text.startswith("In a joint declaration, China and Russia")
    assert "date 2025" not in first.text


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Aug 25, 2021", date(2021, 8, 25)),
        ("September 20, 2021, 07:19 PM", date(2021, 9, 20)),
        ("Sept. 3 2020", date(2020, 9, 3)),
        ("16 August 2021", date(2021, 8, 16)),
        ("2025-05-12", date(2025, 5, 12)),
        ("2024/1/9", date(2024, 1, 9)),
        ("February 30, 2021", None),
        ("no date here", None),
    ],
)
def test_parse_date(text, expected):
    assert parse_date(text) == expected


def test_other_metadata_shapes():
    raw = "Ministers meet in Geneva\nBy Ana Costa, 3 March 2023\nSource: Example Wire\n\nThe ministers met on Monday. They agreed to talk again.\n"
    art = parse_article("x.txt", raw)
    assert art.title == "Ministers meet in Geneva"
    assert art.author == "Ana Costa"
    assert art.published == date(2023, 3, 3)
    assert art.source == "Example Wire"
    assert [s.text for s in art.body_sentences] == ["The ministers met on Monday.", "They agreed to talk again."]


def test_bad_files_have_clear_messages(tmp_path):
    empty = tmp_path / "empty.txt"
    empty.write_text("  \n\n")
    with pytest.raises(ArticleError, match="empty.txt: the file is empty"):
        read_article_file(empty)
    with pytest.raises(ArticleError, match="bin.txt: looks like a binary file"):
        decode_article("bin.txt", b"\x89PNG\x00\x01")
    with pytest.raises(ArticleError, match="latin.txt: not valid UTF-8"):
        decode_article("latin.txt", "café".encode("latin-1"))
    big = tmp_path / "big.txt"
    big.write_text("word " * 1000)
    with pytest.raises(ArticleError, match="big.txt: file is 5,000 bytes; the limit is 100 bytes"):
        read_article_file(big, max_bytes=100)
    with pytest.raises(ArticleError, match="only a title"):
        parse_article("t.txt", "Just a headline\n")


@settings(max_examples=150, deadline=None)
@given(st.text(alphabet=st.characters(blacklist_categories=["Cs"]), min_size=1, max_size=400))
def test_any_text_parses_or_fails_cleanly(raw):
    try:
        art = parse_article("fuzz.txt", raw)
    except ArticleError:
        return
    for s in art.sentences:
        assert raw[s.start : s.end] == s.text
        assert s.text.strip()


@settings(max_examples=100, deadline=None)
@given(st.lists(st.sampled_from(["Mr. Li", "spoke.", "The U.S. side", "agreed!", "Why?", "On Sep. 17", "it ended."]), min_size=1, max_size=20))
def test_split_covers_text_without_overlap(words):
    raw = " ".join(words)
    spans = split_sentences(raw, 0, len(raw))
    assert "".join(raw[s:e] for s, e in spans).replace(" ", "") == raw.replace(" ", "")
    assert all(a[1] <= b[0] for a, b in zip(spans, spans[1:]))


def test_wire_dateline_gives_date_and_source():
    raw = "Ministers agree on new talks\n\nGENEVA, March 3, 2023 (Reuters) - Foreign ministers agreed on Friday to meet again.\n"
    art = parse_article("wire.txt", raw)
    assert art.published == date(2023, 3, 3)
    assert art.source == "Reuters"
    assert art.raw[art.published_span[0] : art.published_span[1]] == "March 3, 2023"
    assert art.body_sentences[0].text.startswith("GENEVA, March 3, 2023 (Reuters) - Foreign ministers")


def test_hard_wrapped_lines_are_read_as_their_paragraph():
    """Text pasted from an e-mail or a PDF is wrapped inside its sentences: each line alone would be
    cut into fragments ("... agreed on Monday to build a" / "shared early-warning network ...")."""
    from quizapp.corpus.parse import parse_article

    raw = ("Andean ministers agree on a glacier-lake warning network\n\n"
           "Environment ministers of Peru, Bolivia and Ecuador agreed on Monday to build a\n"
           "shared early-warning network for glacier lakes by 2027, officials said in Lima.\n"
           "Background\n"
           "- Bolivia will host the first stations, which are due to be working by\n"
           "- Ecuador joins in 2026\n")
    texts = [s.text for s in parse_article("a.txt", raw).body_sentences]
    assert texts[0] == ("Environment ministers of Peru, Bolivia and Ecuador agreed on Monday to build a\n"
                        "shared early-warning network for glacier lakes by 2027, officials said in Lima.")
    assert all(t in raw for t in texts)  # sentences stay verbatim in the file
    assert "Background" in texts  # a short line (a heading) is its own paragraph
    assert "- Ecuador joins in 2026" in texts  # and so is a list entry


@pytest.mark.parametrize("header, published, author", [
    # fields of a header line, one a date alone, in any order
    ("NEWS RELEASE | Port Louis | 14 May 2024", date(2024, 5, 14), None),
    ("By Ana Ruiz -- Markets Desk -- 2024/05/14", date(2024, 5, 14), "Ana Ruiz"),
    ("14/05/2024 -- analysis -- by Ana Ruiz, Quito", date(2024, 5, 14), "Ana Ruiz"),
    ("Posted 14.05.2024 -- live coverage from Quito -- times are local", date(2024, 5, 14), None),
    # a byline with a label or two beside its ISO stamp (and the stamp's time of day)
    ("By Ana Ruiz / Columnist / Updated 2024-05-14T09:30:00Z", date(2024, 5, 14), "Ana Ruiz"),
    ("Posted on 2024.05.14 by Ana Ruiz", date(2024, 5, 14), "Ana Ruiz"),
    # a first line that is a date with one label (a short weekday too) is no title
    ("LIVE - Tue 14 May 2024", date(2024, 5, 14), None),
])
def test_header_lines_of_fields_give_the_day(header, published, author):
    raw = f"{header}\nLast updated 17:45 local time\n\nMinisters of six countries met in Quito on Monday and agreed a plan.\n"
    art = parse_article("x.txt", raw)
    assert (art.published, art.author) == (published, author)
    assert "updated" not in art.title.lower()  # a stamp with no day is neither title nor text
    assert all("Last updated" not in s.text for s in art.sentences)


def test_a_title_with_fields_but_long_ones_is_still_a_title():
    art = parse_article("x.txt", "Ministers agree a new fund for the river basin | Analysis\n\nThe ministers met in Quito.\n")
    assert art.published is None and art.title.startswith("Ministers agree")


def test_a_dated_slug_in_the_source_link_dates_the_article():
    art = parse_article("x.txt", "Final statement\nSource: http://example.org/Pages/news2023-12-5-2.aspx\n\nThe council met.\n")
    assert art.published == date(2023, 12, 5)


def test_a_dateline_without_a_year_takes_no_targets_year():
    text = ("Registries agree to link records by 2027\n\nTIRANA, March 4 (Wire) - Six agencies agreed on Tuesday to "
            "connect their systems by March 2028, with a second phase due by 2030.\n")
    assert parse_article("x.txt", text).published is None  # every year named is a target's: no guess
    dated = text.replace("on Tuesday", "on 3 March 2025")
    assert parse_article("x.txt", dated).published == date(2025, 3, 4)
    linked = "Registries agree\nSource: https://example.org/2025/03/registries\n\n" + text.split("\n\n", 1)[1]
    assert parse_article("x.txt", linked).published == date(2025, 3, 4)
