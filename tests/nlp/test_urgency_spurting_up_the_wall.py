"""Water spurting from a pipe (呲, 滋: how the north says 喷) all over a wall is damage in
progress: 「厕所的水管子呲了 呲得满墙都是」 was calm, where 喷得到处都是 was urgent."""

import pytest

import nlp


@pytest.mark.parametrize("text", ["厕所的水管子呲了 呲得满墙都是", "水管滋得满墙都是水"])
def test_a_pipe_spurting_up_the_wall_is_urgent(text):
    assert nlp.classify(text).urgent is True, nlp.classify(text)


@pytest.mark.parametrize("text", ["他吐得满地都是", "墙上画得满墙都是"])
def test_other_things_all_over_are_not(text):
    assert nlp.classify(text).urgent is False, nlp.classify(text)
