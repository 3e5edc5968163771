import pytest

from sciplain.summarize.resources import Resources

# Stand-ins until data/glossary.json and categories.json exist; the tests never depend on the packaged lists.
GLOSSARY = [
    {"term": "spinal cord injury", "plain": "spinal cord injury", "definition": "Damage to the spinal cord that can cause loss of movement or feeling.", "aliases": ["SCI"], "kind": "condition"},
    {"term": "tetraplegia", "plain": "paralysis of arms and legs", "definition": "Weakness or paralysis of the arms, legs and trunk.", "aliases": ["quadriplegia"], "kind": "condition"},
    {"term": "catheterization", "plain": "using a tube to empty the bladder", "definition": "Putting a thin tube into the bladder to drain urine.", "aliases": [], "kind": "procedure"},
    {"term": "contusion", "plain": "bruising injury", "definition": "A crush or bruise injury.", "aliases": [], "kind": "condition"},
    {"term": "randomized controlled trial", "plain": "randomized controlled trial", "definition": "A study where people are put into groups by chance.", "aliases": [], "kind": "design"},
]
CATEGORIES = [
    {"name": "Walking and mobility", "slug": "walking-mobility", "description": "", "mesh": ["Walking", "Gait"], "keywords": ["walking", "gait", "treadmill"]},
    {"name": "Bladder and bowel", "slug": "bladder-bowel", "description": "", "mesh": ["Urinary Tract Infections", "Urinary Bladder, Neurogenic"], "keywords": ["bladder", "catheter", "urinary"]},
    {"name": "Pain", "slug": "pain", "description": "", "mesh": ["Chronic Pain", "Neuralgia"], "keywords": ["pain", "neuropathic pain"]},
    {"name": "Regeneration and repair", "slug": "regeneration", "description": "", "mesh": ["Nerve Regeneration"], "keywords": ["axon", "regeneration", "scar"]},
]


@pytest.fixture
def standin_resources() -> Resources:
    return Resources.build(glossary=GLOSSARY, categories=CATEGORIES)


@pytest.fixture
def offline(standin_resources):
    from sciplain.summarize.backends.offline import OfflineBackend

    return OfflineBackend(resources=standin_resources)
