import json

from sciplain.summarize import resources
from sciplain.summarize.resources import CategoryDef, GlossaryEntry, Resources


def test_resources_missing_files_give_empty_lists(tmp_path, monkeypatch):
    monkeypatch.setattr(resources, "DATA_DIR", tmp_path)
    resources.default_resources.cache_clear()
    try:
        assert resources.default_resources() == Resources()
    finally:
        resources.default_resources.cache_clear()


def test_resources_load_packaged_json_in_list_or_wrapped_form(tmp_path, monkeypatch):
    (tmp_path / "glossary.json").write_text(json.dumps({"terms": [
        {"term": "paraplegia", "plain": "leg paralysis", "definition": "Loss of movement in the legs.", "aliases": ["paraplegic"], "kind": "condition"}]}))
    (tmp_path / "categories.json").write_text(json.dumps([
        {"name": "Pain", "slug": "pain", "description": "", "mesh": ["Chronic Pain"], "keywords": ["pain"]}]))
    monkeypatch.setattr(resources, "DATA_DIR", tmp_path)
    resources.default_resources.cache_clear()
    try:
        loaded = resources.default_resources()
    finally:
        resources.default_resources.cache_clear()
    assert loaded.glossary == (GlossaryEntry("paraplegia", "Loss of movement in the legs.", "leg paralysis", ("paraplegic",), "condition"),)
    assert loaded.categories == (CategoryDef("Pain", "pain", "", ("Chronic Pain",), ("pain",)),)


def test_resources_glossary_index_matches_aliases_case_insensitively():
    r = Resources.build(glossary=[{"term": "spinal cord injury", "definition": "d", "aliases": ["SCI"]}], categories=[])
    text = "After SCI, a Spinal Cord Injury clinic"
    assert [(text[a:b], e.term) for a, b, e in r.glossary_index.find(text)] == [("SCI", "spinal cord injury"), ("Spinal Cord Injury", "spinal cord injury")]
    assert r.glossary_index.forms["sci"].term == "spinal cord injury"


def test_resources_category_slug_made_from_name_when_missing():
    assert CategoryDef.from_obj({"name": "Bladder & Bowel"}).slug == "bladder-bowel"
