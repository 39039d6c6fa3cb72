"""como_site.labels: every interface text exists in every language."""
import pytest

from como_site.labels import labels_for, load_labels
from como_site.problems import ContentError


def test_real_labels_are_complete(project):
    texts = labels_for(project)
    for key in texts.keys():
        for lang in project.codes:
            assert texts.get(key, lang).strip()


def test_missing_language_is_reported_with_line(tmp_path):
    path = tmp_path / "labels.yml"
    path.write_text("ok: {de: a, en: b}\nbroken:\n  de: c\n", encoding="utf-8")
    with pytest.raises(ContentError) as failure:
        load_labels(path, ("de", "en"), tmp_path)
    assert str(failure.value) == "labels.yml:2: broken: missing translation for en: add it under this key"


@pytest.mark.parametrize("text", ["{date.__class__}", "{date:>999999999}", "{date!r}", "{0}", "a { b"])
def test_a_label_fills_in_plain_names_only(tmp_path, text):
    path = tmp_path / "labels.yml"
    path.write_text(f"ok: {{de: a, en: 'Stand: {{date}}'}}\nbad:\n  de: x\n  en: '{text}'\n", encoding="utf-8")
    with pytest.raises(ContentError) as failure:
        load_labels(path, ("de", "en"), tmp_path)
    assert str(failure.value).startswith("labels.yml:4: bad.en: ")
