import pytest

import nlp


@pytest.fixture
def restore_overrides():
    """Tests that install overrides leave the module classifier on the shipped rules."""
    yield
    nlp.install_overrides([], version="tests:defaults")


@pytest.fixture(scope="session")
def rules():
    """The shipped rules without the learned model: what the structure tests judge."""
    from nlp.classifier import Classifier

    return Classifier(model=None)
