import logging
import os

import jieba

import nlp


def test_warm_up_loads_dictionary_once_and_quietly():
    first = nlp.warm_up()
    again = nlp.warm_up()
    assert jieba.dt.initialized
    assert again <= max(first, 0.05)
    assert jieba.dt.tmp_dir and os.access(jieba.dt.tmp_dir, os.W_OK)
    assert logging.getLogger("jieba").level >= logging.WARNING


def test_user_dictionary_words_are_known():
    nlp.warm_up()
    for word in ("隔油池", "地弹簧", "门禁卡", "物业费", "卷帘门"):
        assert jieba.dt.FREQ.get(word, 0) > 0
