"""The glossary explains jargon: an A–Z page with a no-JavaScript filter, and "Words explained" on research pages."""

import re

import pytest
from django.urls import reverse

from sciplain.summarize.resources import GlossaryEntry, default_resources
from sciplain.summarize.types import GlossaryTerm
from sciplain.web.views.glossary import glossary_groups, term_anchor
from tests import factories

pytestmark = pytest.mark.django_db


def _get(client, url, **params):
    response = client.get(url, params)
    assert response.status_code == 200
    return response.content.decode()


def _glossary(client, **params):
    return _get(client, reverse("web:glossary"), **params)


def _terms(html):
    return re.findall(r'<dfn id="[^"]+">([^<]+)</dfn>', html)


def _research(client, glossary):
    return _get(client, factories.published_paper(factories.summary_data(glossary=glossary)).get_absolute_url())


def test_glossary_page_lists_every_project_entry_with_its_definition(client):
    html = _glossary(client)
    entries = [e for e in default_resources().glossary if e.definition]
    assert len(_terms(html)) == len(entries) > 100
    assert '<dfn id="term-abdominal-muscles">abdominal muscles</dfn>' in html
    assert "(in everyday words: belly muscles)" in html
    assert "Muscles of the belly that help with sitting balance, coughing, and breathing out." in html


def test_glossary_page_is_alphabetical_within_letter_groups(client):
    html = _glossary(client)
    terms = _terms(html)
    letters = [t for t in terms if t[0].isalpha()]
    assert letters == sorted(letters, key=str.casefold)
    assert terms.index("10-meter walk test") < terms.index("abdominal muscles")  # numbers come first


def test_glossary_page_has_a_letter_index_linking_to_each_group(client):
    html = _glossary(client)
    index = re.search(r'<nav aria-label="Glossary letters".*?</nav>', html, re.DOTALL).group(0)
    targets = re.findall(r'href="#(letter-[^"]+)"', index)
    assert targets[:2] == ["letter-0-9", "letter-a"] and "letter-z" in targets
    for target in targets:
        assert f'<h2 id="{target}">' in html, target


def test_glossary_page_has_one_h1_and_the_shared_navigation(client):
    html = _glossary(client)
    assert len(re.findall(r"<h1[\s>]", html)) == 1
    assert 'href="#main"' in html and 'id="main"' in html
    footer = html.split('class="site-footer"')[1]
    assert '<a href="/glossary/" aria-current="page">Glossary</a>' in footer


def test_every_page_links_to_the_glossary_from_the_footer(client):
    html = _get(client, reverse("web:home"))
    assert f'href="{reverse("web:glossary")}">Glossary</a>' in html.split('class="site-footer"')[1]


def test_glossary_filter_keeps_only_matching_entries_without_javascript(client):
    html = _glossary(client, q="spastic")
    terms = _terms(html)
    assert "spasticity" in terms
    assert "abdominal muscles" not in terms
    assert f"{len(terms)} word" in html and "match “spastic”" in html
    assert 'value="spastic"' in html  # the box keeps what the reader typed
    assert 'href="/glossary/">Show all words</a>' in html


def test_glossary_filter_matches_aliases_and_everyday_words(client):
    assert "6-minute walk test" in _terms(_glossary(client, q="6mwt"))
    assert "abdominal muscles" in _terms(_glossary(client, q="BELLY muscles"))


def test_glossary_filter_with_no_match_says_so_and_never_errors(client):
    html = _glossary(client, q="zzqqxx")
    assert _terms(html) == []
    assert "No words match “zzqqxx”" in html
    assert len(re.findall(r"<h1[\s>]", html)) == 1
    for nasty in ['"unclosed', "a OR (b", "%", "x" * 10_000]:
        assert client.get(reverse("web:glossary"), {"q": nasty}).status_code == 200


def test_glossary_filter_escapes_the_query(client):
    html = _glossary(client, q='<script>alert("x")</script>')
    assert "<script>alert" not in html
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;" in html


def test_glossary_groups_sort_case_insensitively_and_skip_empty_definitions():
    entries = [GlossaryEntry("beta", "b"), GlossaryEntry("Alpha", "a"), GlossaryEntry("3D gait", "g"),
               GlossaryEntry("blank")]
    groups = glossary_groups(entries)
    assert [(g.letter, [e["term"] for e in g.entries]) for g in groups] == [
        ("0–9", ["3D gait"]), ("A", ["Alpha"]), ("B", ["beta"])]
    assert groups[1].entries[0]["anchor"] == term_anchor("Alpha") == "term-alpha"


def test_research_page_explains_its_glossary_terms_in_details_elements(client):
    html = _research(client, [GlossaryTerm(term="spasticity", definition="Muscle stiffness and tight muscles."),
                              GlossaryTerm(term="randomized controlled trial", definition="A fair test.")])
    section = re.search(r'<section aria-labelledby="h-words".*?</section>', html, re.DOTALL).group(0)
    assert '<h2 id="h-words">Words explained</h2>' in section
    details = re.findall(r"<details[^>]*>\s*<summary>([^<]+)</summary>(.*?)</details>", section, re.DOTALL)
    assert [term for term, _ in details] == ["spasticity", "randomized controlled trial"]
    assert "Muscle stiffness and tight muscles." in details[0][1]
    assert 'href="/glossary/#term-spasticity"' in details[0][1]
    assert 'href="/glossary/#term-randomized-controlled-trial"' in details[1][1]


def test_research_page_links_to_an_anchor_that_exists_on_the_glossary_page(client):
    html = _research(client, [GlossaryTerm(term="spasticity", definition="Muscle stiffness.")])
    anchor = re.search(r'href="/glossary/#([^"]+)"', html).group(1)
    assert f'<dfn id="{anchor}">' in _glossary(client)


def test_an_abbreviation_the_paper_defines_is_explained_without_a_link_to_the_site_glossary(client):
    html = _research(client, [GlossaryTerm(term="FESC", definition="Short for functional electrical stimulation cycling.",
                                           origin="paper")])
    section = re.search(r'<section aria-labelledby="h-words".*?</section>', html, re.DOTALL).group(0)
    assert "<summary>FESC</summary>" in section and "Short for functional electrical stimulation cycling." in section
    assert "#term-fesc" not in section


def test_research_page_without_glossary_terms_has_no_words_explained_section(client):
    html = _research(client, [])
    assert "Words explained" not in html
    assert 'id="h-words"' not in html


def test_research_page_escapes_glossary_terms(client):
    html = _research(client, [GlossaryTerm(term='<img src=x onerror="alert(1)">',
                                           definition="<script>alert('definition')</script><b>bold</b>")])
    assert "<img src=x" not in html and "<script>alert" not in html and "<b>bold</b>" not in html
    assert "<summary>&lt;img src=x onerror=&quot;alert(1)&quot;&gt;</summary>" in html
    assert "&lt;script&gt;alert(&#x27;definition&#x27;)&lt;/script&gt;&lt;b&gt;bold&lt;/b&gt;" in html
