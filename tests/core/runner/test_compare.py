from desktop.core.runner.compare import answers_match


def test_exact_and_types():
    assert answers_match([1, "a", None], [1, "a", None])
    assert not answers_match(True, 1) and not answers_match(1, True)
    assert answers_match(2, 2.0) and not answers_match("1", 1)
    assert answers_match({"a": [1]}, {"a": [1]}) and not answers_match({"a": 1}, {"b": 1})


def test_float_tolerance():
    assert answers_match(0.1 + 0.2, 0.3)                    # default 1e-9
    assert not answers_match(0.3, 0.31)
    assert answers_match(0.3, 0.31, tolerance=0.05)
    assert answers_match(1e9, 1e9 + 1, tolerance=1e-6)      # relative
    assert answers_match(float("nan"), float("nan"))


def test_unordered_at_every_depth():
    assert answers_match([[1, 2], [3]], [[3], [2, 1]], unordered=True)
    assert not answers_match([1, 2, 2], [1, 2], unordered=True)
    assert not answers_match([1, 2, 2], [1, 1, 2], unordered=True)
    assert answers_match([0.1, 0.2], [0.2000000001, 0.1], tolerance=1e-6, unordered=True)
    assert not answers_match([1, 2], [2, 1])
