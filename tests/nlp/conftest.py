import pytest

import nlp


@pytest.fixture
def restore_overrides():
    """Tests that install overrides leave the module classifier on the shipped rules."""
    yield
    nlp.install_overrides([], version="tests:defaults")
