from nlp.normalize import normalize


def test_full_width_ascii_becomes_half_width_lower_case():
    assert normalize("ＡＣ坏了！！？") == "ac坏了!!?"


def test_full_width_digits_and_ideographic_space():
    assert normalize("Ｌ２－０１５\u3000铺") == "l2-015 铺"


def test_traditional_characters_become_simplified():
    assert normalize("電梯壞了，請盡快來修") == "电梯坏了,请尽快来修"


def test_english_words_are_lower_cased():
    assert normalize("WiFi连不上") == "wifi连不上"


def test_emoji_are_kept_and_variation_selectors_dropped():
    assert normalize("谢谢🙏\ufe0f") == "谢谢🙏"


def test_surrounding_whitespace_trimmed():
    assert normalize("  停电了 \n") == "停电了"
